"""Every page writes a date the same way: 2026年3月5日, with the time where it matters."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from consult.models import Question
from portal.dates import site_date
from tests.factories import make_answer, make_question

TEMPLATES = Path(settings.BASE_DIR) / "templates"


def test_it_writes_a_date_and_a_time_in_the_sites_time_zone() -> None:
    moment = datetime.datetime(2026, 3, 4, 23, 30, tzinfo=datetime.UTC)  # 5 March in Shanghai
    assert site_date(moment) == "2026年3月5日"
    assert site_date(moment, "time") == "2026年3月5日 07:30"
    assert site_date(datetime.date(2017, 6, 1)) == "2017年6月1日"
    assert site_date(None) == ""


def test_no_template_picks_its_own_format() -> None:
    # Machine-readable (<time datetime="…|date:'c'">) and "2017年版" labels are not dates shown.
    for path in TEMPLATES.rglob("*.html"):
        formats = re.findall(r"\|date:[\"']([^\"']*)[\"']", path.read_text(encoding="utf-8"))
        assert set(formats) <= {"c", "Y年"}, path


@pytest.mark.django_db
def test_question_lists_and_pages_use_it(client: Client) -> None:
    question = make_question()
    make_answer(question=question)
    moment = timezone.make_aware(datetime.datetime(2026, 3, 5, 10, 0))
    Question.objects.filter(pk=question.pk).update(created_at=moment)
    for url in (reverse("consult:home"), reverse("consult:question-list")):
        assert "2026年3月5日" in client.get(url).content.decode()
    page = client.get(question.get_absolute_url()).content.decode()
    assert "2026年3月5日" in page
    assert re.search(r"\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d", page)  # the answer's time
