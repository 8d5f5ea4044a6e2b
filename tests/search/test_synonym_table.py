"""The synonym table: shipped pairs loaded once, curators add more in the admin, searches use
them at once."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from consult.search import question_search
from search.models import Synonym
from search.synonyms import read_shipped, synonym_map
from tests.factories import make_question

pytestmark = pytest.mark.django_db


def test_at_least_150_pairs_ship_with_the_site_and_are_loaded() -> None:
    shipped = read_shipped()
    assert sum(len(legal) for _, legal in shipped) >= 150
    assert Synonym.objects.filter(is_shipped=True).count() == len(shipped)
    assert synonym_map()["老赖"] == ["失信被执行人"]


def test_every_shipped_pair_is_valid_and_never_maps_a_term_to_itself() -> None:
    terms = [term for term, _ in read_shipped()]
    assert len(terms) == len(set(terms))
    for term, legal in read_shipped():
        Synonym(term=term, legal_terms="、".join(legal)).full_clean(validate_unique=False)


def test_loading_again_adds_nothing_and_keeps_curators_changes() -> None:
    Synonym.objects.filter(term="老赖").update(legal_terms="失信被执行人、限制高消费")
    out = io.StringIO()
    call_command("load_synonyms", stdout=out)
    assert "新增 0 条" in out.getvalue()
    assert Synonym.objects.get(term="老赖").legal_terms == "失信被执行人、限制高消费"


def test_a_pair_added_in_the_admin_works_in_the_next_search(admin_client: Client) -> None:
    make_question(title="被列为失信被执行人会怎样？")
    assert list(question_search("赖账户")) == []
    response = admin_client.post(
        reverse("admin:search_synonym_add"),
        {"term": "赖账户", "legal_terms": "失信被执行人", "is_active": "on"},
    )
    assert response.status_code == 302
    assert [q.title for q in question_search("赖账户")] == ["被列为失信被执行人会怎样？"]


def test_a_deactivated_pair_stops_working(admin_client: Client) -> None:
    make_question(title="被列为失信被执行人会怎样？")
    synonym = Synonym.objects.get(term="老赖")
    assert list(question_search("老赖"))
    response = admin_client.post(
        reverse("admin:search_synonym_change", args=[synonym.pk]),
        {"term": "老赖", "legal_terms": "失信被执行人"},  # is_active unticked
    )
    assert response.status_code == 302
    assert list(question_search("老赖")) == []


@pytest.mark.parametrize(
    ("term", "legal", "message"),
    [
        ("老 赖", "失信被执行人", "只能包含汉字"),
        ("新词", "", "必填"),
        ("新词", "、、", "请至少填写一个法律用语"),
        ("新词", "新词", "不能与日常说法相同"),
        ("新词", "失信-被执行人", "只能包含汉字"),
        ("老赖", "失信被执行人", "已存在"),
    ],
)
def test_a_bad_pair_is_refused_with_a_chinese_message(
    admin_client: Client, term: str, legal: str, message: str
) -> None:
    response = admin_client.post(
        reverse("admin:search_synonym_add"), {"term": term, "legal_terms": legal}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
