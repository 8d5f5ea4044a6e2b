"""The API's `q` on questions and articles: the same search as the page, the same filter
names, ranked keyset pages, field-by-field 400s for bad input."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from tests.factories import make_answer, make_category, make_question

pytestmark = pytest.mark.django_db

QUESTIONS = reverse("api:question-list")
ARTICLES = reverse("api:article-list")


@pytest.fixture
def api() -> APIClient:
    return APIClient()


def titles(response) -> list[str]:
    assert response.status_code == 200, response.content.decode()
    return [row["title"] for row in response.json()["results"]]


def test_q_ranks_like_the_search_page(api: APIClient) -> None:
    make_question(title="别的事情？", body="我的宅基地想给儿子。")
    make_question(title="宅基地能过户吗？")
    make_question(title="无关的问题？")
    assert titles(api.get(QUESTIONS, {"q": "宅基地过户"})) == ["宅基地能过户吗？", "别的事情？"]


def test_q_combines_with_the_same_filters_as_the_page(api: APIClient) -> None:
    labor = make_category(slug="labor")
    make_answer(question=make_question(title="工资拖欠一？", category=labor), is_accepted=True)
    make_question(title="工资拖欠二？", category=labor)
    make_question(title="工资拖欠三？")
    params = {"q": "工资拖欠", "category": "labor", "has_accepted": "true", "answered": "true"}
    assert titles(api.get(QUESTIONS, params)) == ["工资拖欠一？"]


def test_ranked_results_page_by_cursor_without_repeats(api: APIClient) -> None:
    for n in range(7):
        make_question(title=f"押金问题第{n}个？", body="押金" * (n + 1))
    seen: list[str] = []
    url, params = QUESTIONS, {"q": "押金", "page_size": "3"}
    while url:
        response = api.get(url, params)
        seen += titles(response)
        url, params = response.json()["next"], {}
    assert len(seen) == 7 and len(set(seen)) == 7


def test_an_explicit_ordering_overrides_relevance(api: APIClient) -> None:
    make_question(title="押金押金押金？")
    make_question(title="押金？")
    assert titles(api.get(QUESTIONS, {"q": "押金", "ordering": "newest"})) == [
        "押金？",
        "押金押金押金？",
    ]


@pytest.mark.parametrize(
    "q", ["😀", "& | ! : * ( ) '", "吗呢", "\u200b\u200b", "OR AND NOT NEAR", "'); DROP TABLE x;--"]
)
def test_text_without_searchable_words_finds_nothing_without_an_error(
    api: APIClient, q: str
) -> None:
    make_question(title="押金问题？")
    response = api.get(QUESTIONS, {"q": q})
    assert response.status_code == 200
    if q == "OR AND NOT NEAR" or q.startswith("'"):
        return  # letters are words: they are searched for, literally
    assert response.json()["results"] == []


def test_a_too_long_q_is_a_400_naming_the_field(api: APIClient) -> None:
    response = api.get(QUESTIONS, {"q": "长" * 10_000})
    assert response.status_code == 400
    assert "q" in response.json()


def test_a_nul_in_q_is_a_400(api: APIClient) -> None:
    response = api.get(QUESTIONS, {"q": "押金\x00"})
    assert response.status_code == 400
    assert "q" in response.json()


def test_article_q_puts_the_governing_article_first(api: APIClient) -> None:
    response = api.get(ARTICLES, {"q": "出售个人信息", "status": "有效"})
    assert response.status_code == 200
    first = response.json()["results"][0]
    assert (first["number"], first["suffix"]) == (253, 1)


@pytest.mark.parametrize("q", ["253-1", "第二百五十三条之一", "刑法 253条之一"])
def test_article_q_with_a_number_returns_that_article(api: APIClient, q: str) -> None:
    results = api.get(ARTICLES, {"q": q}).json()["results"]
    assert [(row["number"], row["suffix"]) for row in results] == [(253, 1)]
