"""The form is embedded on question pages about 侵犯公民个人信息罪, and on no others."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

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


def test_the_embed_is_the_real_form_posting_to_the_question_page_and_going_live(
    client: Client,
) -> None:
    question = make_question(category=make_category(concerns_pi_crime=True))
    page = client.get(question.get_absolute_url()).content.decode()
    embed = must_search(rf"<section {EMBED}.*?</section>\s*<script[^>]*></script>", page, re.S)[0]
    form = must_search(r'<form class="assessment-form"[^>]*>', embed)[0]
    assert 'method="post"' in form
    action = reverse("consult:question-assessment", args=[question.pk])
    assert f'action="{action}#assessment-embed-result"' in form
    # No per-visitor token: the page is shared by the anonymous page cache (the tool needs none).
    assert 'name="csrfmiddlewaretoken"' not in embed
    assert 'name="track"' in embed and 'name="remorse"' in embed
    assert "条数怎么算（解释第十一条）" in embed  # the help, folded away to stay compact
    assert "不构成法律意见" in embed
    assert "/static/js/assessment.js" in embed and "/static/css/assessment.css" in page
    # Folded to a teaser: open, it made the page nine screens tall on a phone.
    assert '<details class="assessment-embed-form">' in embed


def test_the_tool_answers_a_post_without_a_csrf_token() -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post(TOOL_URL, {"conduct": "provide", "track": "60"})
    assert response.status_code == 200


def test_a_post_from_the_embed_is_answered_by_the_tool_page(client: Client) -> None:
    response = client.post(TOOL_URL, {"conduct": "provide", "track": "60"})
    assert response.status_code == 200
    assert response.context["assessment"]["level"] == "serious"


def _pi_question():
    return make_question(category=make_category("个人信息犯罪", concerns_pi_crime=True))


def test_a_post_without_javascript_shows_the_question_page_with_the_result_in_place(
    client: Client,
) -> None:
    question = _pi_question()
    url = reverse("consult:question-assessment", args=[question.pk])
    response = Client(enforce_csrf_checks=True).post(url, {"conduct": "provide", "track": "60"})
    assert response.status_code == 200
    page = response.content.decode()
    assert question.title in page  # the question page, not the tool
    found = re.search(rf"<section {EMBED}.*?</section>", page, re.S)
    assert found is not None
    embed = found[0]
    assert '<details class="assessment-embed-form" open>' in embed
    assert 'class="assessment-level level-serious"' in embed
    assert 'value="60"' in embed  # the facts stay in the form to be changed
    assert response["Cache-Control"].startswith("max-age=0")


def test_the_script_gets_the_result_alone(client: Client) -> None:
    question = _pi_question()
    response = client.post(
        reverse("consult:question-assessment", args=[question.pk]),
        {"conduct": "provide", "track": "30", "lodging": "300"},
        headers={"X-Requested-With": "fetch"},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert content.lstrip().startswith('<div class="assessment-result"')
    assert 'data-proportional-sum="1.2"' in content


@pytest.mark.parametrize(
    "data",
    [
        {"conduct": "provide", "track": "-5"},
        {"conduct": "provide", "track": "abc"},
        {"conduct": "nonsense"},
        {"conduct": "provide", "track": "9" * 400},
        {"conduct": "provide", "track": "\x00"},
        {},
    ],
)
def test_bad_facts_are_a_400_on_the_question_page_never_a_500(client: Client, data) -> None:
    question = _pi_question()
    response = client.post(reverse("consult:question-assessment", args=[question.pk]), data)
    assert response.status_code == 400
    assert question.title in response.content.decode()
    assert "输入有误" in response.content.decode()


def test_a_get_goes_back_to_the_question(client: Client) -> None:
    question = _pi_question()
    response = client.get(reverse("consult:question-assessment", args=[question.pk]))
    assert response["Location"] == question.get_absolute_url()


def test_a_hidden_or_missing_question_is_a_404(client: Client) -> None:
    hidden = make_question(is_hidden=True)
    for pk in (hidden.pk, hidden.pk + 1000):
        url = reverse("consult:question-assessment", args=[pk])
        assert client.post(url, {"conduct": "provide"}).status_code == 404
        fragment = client.post(url, {"conduct": "provide"}, headers={"X-Requested-With": "fetch"})
        assert fragment.status_code == 404
