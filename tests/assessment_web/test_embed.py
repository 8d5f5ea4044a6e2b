"""The form is embedded on question pages about 侵犯公民个人信息罪, and on no others."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tests.assessment_web.ways import TOOL_URL
from tests.factories import article, make_category, make_question
from tests.matching import must_search

pytestmark = pytest.mark.django_db

EMBED = 'class="card assessment-embed"'


def test_it_is_on_a_question_in_a_category_about_the_crime(client: Client) -> None:
    question = make_question(category=make_category("个人信息犯罪", concerns_pi_crime=True))
    page = client.get(question.get_absolute_url()).content.decode()
    assert EMBED in page


def test_it_is_on_a_question_citing_article_253_1(client: Client) -> None:
    question = make_question(cites=[article("criminal-law", 253, 1)])
    page = client.get(question.get_absolute_url()).content.decode()
    assert EMBED in page


def test_it_is_on_a_question_citing_the_interpretation(client: Client) -> None:
    question = make_question(cites=[article("pi-crime-interpretation-2017", 5)])
    assert EMBED in client.get(question.get_absolute_url()).content.decode()


def test_it_is_not_on_an_unrelated_question(client: Client) -> None:
    question = make_question(cites=[article("criminal-law", 264)])
    page = client.get(question.get_absolute_url()).content.decode()
    assert EMBED not in page
    assert "assessment.js" not in page


def test_the_embed_is_the_real_form_posting_to_the_tool_and_going_live(client: Client) -> None:
    question = make_question(category=make_category(concerns_pi_crime=True))
    page = client.get(question.get_absolute_url()).content.decode()
    embed = must_search(rf"<section {EMBED}.*?</section>\s*<script[^>]*></script>", page, re.S)[0]
    form = must_search(r'<form class="assessment-form"[^>]*>', embed)[0]
    assert 'method="post"' in form
    assert f'action="{TOOL_URL}#assessment-result"' in form
    # No per-visitor token: the page is shared by the anonymous page cache (the tool needs none).
    assert 'name="csrfmiddlewaretoken"' not in embed
    assert 'name="track"' in embed and 'name="remorse"' in embed
    assert "条数怎么算（解释第十一条）" in embed  # the help, folded away to stay compact
    assert "不构成法律意见" in embed
    assert "/static/js/assessment.js" in embed and "/static/css/assessment.css" in page
    assert '<details class="assessment-embed-form" open>' in embed


def test_the_tool_answers_a_post_without_a_csrf_token() -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post(TOOL_URL, {"conduct": "provide", "track": "60"})
    assert response.status_code == 200


def test_a_post_from_the_embed_is_answered_by_the_tool_page(client: Client) -> None:
    response = client.post(TOOL_URL, {"conduct": "provide", "track": "60"})
    assert response.status_code == 200
    assert response.context["assessment"]["level"] == "serious"
