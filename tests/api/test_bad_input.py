"""Bad input anywhere is a 400 with field-by-field messages in Chinese, never a 500, and
nothing is half-written. Unknown or malformed query parameters are a 400 too."""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import User
from consult.models import Answer, AnswerCitation, Question, QuestionCitation
from statutes.models import Article
from tests.factories import article, make_answer, make_category, make_lawyer, make_question

pytestmark = pytest.mark.django_db

CHINESE = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class Scene:
    clients: dict[str, APIClient]
    urls: dict[str, str]
    question: Question
    answer: Answer
    article: Article


@pytest.fixture
def scene(alice: User, bob: User, staff: User, client_for: Callable) -> Scene:
    make_category("刑事", slug="criminal")
    question = make_question(author=alice)
    answer = make_answer()
    target = article("criminal-law", 253, 1)
    lawyer = make_lawyer()
    answer_kwargs = {"question_pk": answer.question_id, "pk": answer.pk}
    return Scene(
        clients={
            "questions": client_for(bob),
            "question": client_for(alice),
            "answers": client_for(lawyer.user),
            "answer": client_for(answer.lawyer.user),
            "question-hide": client_for(staff),
            "article": client_for(staff),
        },
        urls={
            "questions": reverse("api:question-list"),
            "question": reverse("api:question-detail", args=[question.pk]),
            "answers": reverse("api:question-answer-list", args=[question.pk]),
            "answer": reverse("api:question-answer-detail", kwargs=answer_kwargs),
            "question-hide": reverse("api:question-hide", args=[question.pk]),
            "article": reverse("api:article-detail", args=[target.pk]),
        },
        question=question,
        answer=answer,
        article=target,
    )


def snapshot() -> tuple:
    """Everything a bad write could have touched."""
    return (
        list(Question.objects.values_list("title", "body", "is_hidden", "is_anonymous")),
        list(Answer.objects.values_list("body", "is_accepted")),
        list(Article.objects.filter(number=253).values_list("label", "number", "text")),
        QuestionCitation.objects.count(),
        AnswerCitation.objects.count(),
    )


TOO_MANY = list(range(1, 12))
BAD_BODIES = [
    # endpoint, method, body, the fields the errors name
    ("questions", "post", {}, {"title", "body", "category"}),
    (
        "questions",
        "post",
        {"title": ["x"], "body": {"a": 1}, "category": 7, "is_anonymous": "也许"},
        {"title", "body", "category", "is_anonymous"},
    ),
    (
        "questions",
        "post",
        {"title": "长" * 101, "body": "长" * 5001, "category": "criminal"},
        {"title", "body"},
    ),
    (
        "questions",
        "post",
        {"title": "  ", "body": None, "category": "no-such-category"},
        {"title", "body", "category"},
    ),
    (
        "questions",
        "post",
        {"title": "好问题？", "body": "描述。", "category": "criminal", "author": 1},
        {"author"},
    ),
    (
        "questions",
        "post",
        {"title": "好问题？", "body": "描述。", "category": "criminal", "cited_articles": [0]},
        {"cited_articles"},
    ),
    (
        "questions",
        "post",
        {"title": "好问题？", "body": "描述。", "category": "criminal", "cited_articles": "1"},
        {"cited_articles"},
    ),
    (
        "questions",
        "post",
        {"title": "好问题？", "body": "描述。", "category": "criminal", "cited_articles": [10**9]},
        {"cited_articles"},
    ),
    (
        "questions",
        "post",
        {"title": "好问题？", "body": "描述。", "category": "criminal", "cited_articles": TOO_MANY},
        {"cited_articles"},
    ),
    ("question", "put", {}, {"title", "body", "category", "is_anonymous"}),
    (
        "question",
        "put",
        {"title": "x" * 101, "is_hidden": False},
        {"title", "is_hidden", "body", "category", "is_anonymous"},
    ),
    ("question", "patch", {"title": ""}, {"title"}),
    # Citations are set when asking; question_update doesn't change them.
    (
        "question",
        "patch",
        {"is_anonymous": "maybe", "cited_articles": [1]},
        {"is_anonymous", "cited_articles"},
    ),
    ("question", "patch", {"category": None}, {"category"}),
    ("answers", "post", {}, {"body"}),
    ("answers", "post", {"body": "长" * 10001}, {"body"}),
    ("answers", "post", {"body": "回答。", "cited_articles": TOO_MANY}, {"cited_articles"}),
    ("answers", "post", {"body": "回答。", "cited_articles": ["abc"]}, {"cited_articles"}),
    ("answers", "post", {"body": "回答。", "lawyer": 1}, {"lawyer"}),
    ("answer", "put", {}, {"body"}),
    ("answer", "patch", {"body": "   "}, {"body"}),
    ("answer", "patch", {"is_accepted": True}, {"is_accepted"}),
    ("question-hide", "post", {"reason": "长" * 201}, {"reason"}),
    ("question-hide", "post", {"reason": ["广告"], "hidden": True}, {"reason", "hidden"}),
    ("article", "put", {}, {"label", "number", "suffix", "text"}),
    ("article", "patch", {"number": 0, "suffix": -1}, {"number", "suffix"}),
    ("article", "patch", {"number": "二百五十三"}, {"number"}),
    ("article", "patch", {"label": "条" * 31, "chapter": "章" * 101}, {"label", "chapter"}),
    ("article", "patch", {"version": 1}, {"version"}),
]


@pytest.mark.parametrize(
    ("endpoint", "method", "body", "fields"),
    BAD_BODIES,
    ids=[f"{e}-{m}-{'-'.join(sorted(f))}" for e, m, _, f in BAD_BODIES],
)
def test_bad_bodies_get_field_by_field_errors_and_change_nothing(
    scene: Scene, endpoint: str, method: str, body: dict[str, Any], fields: set[str]
) -> None:
    before = snapshot()
    client = scene.clients[endpoint]
    response = getattr(client, method)(scene.urls[endpoint], body, format="json")
    assert response.status_code == 400, response.content.decode()
    errors = response.json()
    assert set(errors) == fields
    for messages in errors.values():
        assert CHINESE.search(str(messages)), messages
    assert snapshot() == before


WRITES = [
    ("questions", "post"),
    ("question", "put"),
    ("question", "patch"),
    ("answers", "post"),
    ("answer", "put"),
    ("answer", "patch"),
    ("question-hide", "post"),
    ("article", "put"),
    ("article", "patch"),
]


@pytest.mark.parametrize(("endpoint", "method"), WRITES)
def test_a_body_that_is_not_json_is_refused(scene: Scene, endpoint: str, method: str) -> None:
    before = snapshot()
    client = scene.clients[endpoint]
    response = getattr(client, method)(
        scene.urls[endpoint], "{title: 'x'", content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["detail"].startswith("不是有效的 JSON（第 1 行第 2 列")
    assert snapshot() == before


@pytest.mark.parametrize(("endpoint", "method"), WRITES)
def test_a_json_list_instead_of_an_object_is_refused(
    scene: Scene, endpoint: str, method: str
) -> None:
    response = getattr(scene.clients[endpoint], method)(
        scene.urls[endpoint], ["title", "body"], format="json"
    )
    assert response.status_code == 400
    assert list(response.json()) == ["non_field_errors"]


# -- query parameters ------------------------------------------------------------------------

LISTS = {
    "questions": lambda: reverse("api:question-list"),
    "lawyers": lambda: reverse("api:lawyer-list"),
    "laws": lambda: reverse("api:law-list"),
    "law-articles": lambda: reverse("api:law-article-list", args=["criminal-law"]),
    "articles": lambda: reverse("api:article-list"),
    "categories": lambda: reverse("api:category-list"),
    "answers": lambda: reverse("api:question-answer-list", args=[make_question().pk]),
}


@pytest.mark.parametrize("name", LISTS)
def test_an_unknown_parameter_is_named_in_a_400(api: APIClient, name: str) -> None:
    response = api.get(LISTS[name](), {"categroy": "criminal"})
    assert response.status_code == 400
    assert list(response.json()) == ["categroy"]
    assert "不支持的查询参数" in response.json()["categroy"][0]


MALFORMED: list[tuple[str, dict[str, Any]]] = [
    ("questions", {"category": "no-such-slug"}),
    ("questions", {"answered": "maybe"}),
    ("questions", {"answered": "1"}),
    ("questions", {"has_accepted": "yes"}),
    ("questions", {"cites": "abc"}),
    ("questions", {"cites": "999999999"}),
    ("questions", {"created_after": "2024-13-01"}),
    ("questions", {"created_before": "昨天"}),
    ("questions", {"ordering": "oldest"}),
    ("questions", {"q": "长" * 201}),
    ("questions", {"page_size": "0"}),
    ("questions", {"page_size": "101"}),
    ("questions", {"page_size": "ten"}),
    ("questions", {"cursor": "not-a-cursor"}),
    ("questions", {"q": ["a", "b"]}),
    ("lawyers", {"practice_area": "no-such-slug"}),
    ("lawyers", {"region": "长" * 51}),
    ("laws", {"kind": "条例"}),
    ("law-articles", {"number": "1.5"}),
    ("law-articles", {"number": "0"}),
    ("law-articles", {"suffix": "-1"}),
    ("articles", {"law": "no-such-law"}),
    ("articles", {"status": "失效"}),
    ("articles", {"number": "第一条"}),
]


@pytest.mark.parametrize(
    ("name", "params"), MALFORMED, ids=[f"{n}-{next(iter(p))}" for n, p in MALFORMED]
)
def test_a_malformed_value_is_named_in_a_400(api: APIClient, name: str, params: dict) -> None:
    response = api.get(LISTS[name](), params)
    assert response.status_code == 400, response.content.decode()
    assert list(response.json()) == list(params)
    assert CHINESE.search(str(response.json()))


def cursor(payload: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode()


@pytest.mark.parametrize(
    "forged",
    [
        cursor({"o": ["-created_at", "-pk"], "k": ["不是时间", 1], "r": False}),
        cursor({"o": ["-created_at", "-pk"], "k": ["2024-01-01T00:00:00+00:00", "x"], "r": False}),
        cursor({"o": ["-created_at", "-pk"], "k": [None, 1], "r": False}),
        cursor({"o": ["-created_at", "-pk"], "k": [1], "r": False}),
        cursor({"o": ["-created_at", "-pk"], "k": [{"a": 1}, 1], "r": False}),
        cursor({"o": ["-created_at", "-pk"], "k": ["2024-01-01T00:00:00+00:00", 1], "r": "yes"}),
        cursor({"o": ["title"], "k": ["a"], "r": False}),
        cursor([1, 2]),
        "%%%",
    ],
)
def test_a_forged_cursor_is_a_400_not_a_500(api: APIClient, forged: str) -> None:
    make_question()
    response = api.get(reverse("api:question-list"), {"cursor": forged})
    assert response.status_code == 400
    assert list(response.json()) == ["cursor"]


def test_a_detail_accepts_no_filter_parameters(api: APIClient) -> None:
    question = make_question()
    response = api.get(reverse("api:question-detail", args=[question.pk]), {"category": "x"})
    assert response.status_code == 400
    assert list(response.json()) == ["category"]


def test_format_is_always_accepted(api: APIClient) -> None:
    response = api.get(reverse("api:question-list"), {"format": "json"})
    assert response.status_code == 200


def test_an_empty_filter_value_means_no_filter(api: APIClient) -> None:
    make_question()
    response = api.get(reverse("api:question-list"), {"category": "", "answered": ""})
    assert response.status_code == 200
    assert len(response.json()["results"]) == 1


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_dates_at_the_ends_of_the_calendar_do_not_overflow(api: APIClient, day: str) -> None:
    params = {"created_after": day, "created_before": day}
    assert api.get(reverse("api:question-list"), params).status_code == 200
