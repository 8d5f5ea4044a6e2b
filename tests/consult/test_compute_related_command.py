"""manage.py compute_related fills in the related lists a bulk load left to be computed."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from consult.models import RelatedList
from tests.factories import make_category, make_question

pytestmark = pytest.mark.django_db


def test_it_stores_the_missing_lists_and_leaves_the_others() -> None:
    labor = make_category("劳动纠纷")
    first = make_question(category=labor, title="加班费怎么算？")
    second = make_question(category=labor, title="加班费基数？")
    RelatedList.objects.create(question=first, ids=[])
    out = StringIO()
    call_command("compute_related", stdout=out)
    assert RelatedList.objects.get(question=second).ids == [first.pk]
    assert RelatedList.objects.get(question=first).ids == []
    assert "已计算 1 个问题" in out.getvalue()


def test_all_computes_every_list_again() -> None:
    labor = make_category("劳动纠纷")
    first = make_question(category=labor, title="加班费怎么算？")
    second = make_question(category=labor, title="加班费基数？")
    RelatedList.objects.create(question=first, ids=[])
    call_command("compute_related", "--all", stdout=StringIO())
    assert RelatedList.objects.get(question=first).ids == [second.pk]
