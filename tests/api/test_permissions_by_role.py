"""Who may do what through the API: one table of role × endpoint × method → status.

The cast: a visitor; alice, who asked the questions (author); bob, another user (other); uma, who
applied as a lawyer and waits (unverified_lawyer); a verified lawyer who hasn't answered
(verified_lawyer); vera (韦律师), the verified lawyer who answered alice's question
(answering_lawyer); erin, staff with the admin's change permissions (staff).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import User
from consult.models import Answer, LawyerProfile, Question
from statutes.models import Article
from tests.factories import (
    article,
    make_answer,
    make_category,
    make_lawyer,
    make_question,
)

pytestmark = pytest.mark.django_db

ROLES = (
    "visitor",
    "author",
    "other",
    "unverified_lawyer",
    "verified_lawyer",
    "answering_lawyer",
    "staff",
)


@dataclass
class World:
    users: dict[str, User | None]
    open_question: Question  # alice's, not yet answered: she may still edit it
    answered_question: Question  # alice's, answered by vera
    hidden_question: Question
    answer: Answer
    answering: LawyerProfile
    unverified: LawyerProfile
    article: Article


@pytest.fixture
def world(alice, bob, staff, vera, unverified_lawyer) -> World:
    category = make_category("刑事", slug="criminal")
    answering = vera
    answered = make_question(author=alice, category=category, title="买卖个人信息怎么处罚？")
    return World(
        users={
            "visitor": None,
            "author": alice,
            "other": bob,
            "unverified_lawyer": unverified_lawyer.user,
            "verified_lawyer": make_lawyer().user,
            "answering_lawyer": answering.user,
            "staff": staff,
        },
        open_question=make_question(author=alice, category=category, title="还没人回答的问题？"),
        answered_question=answered,
        hidden_question=make_question(author=alice, category=category, is_hidden=True),
        answer=make_answer(question=answered, lawyer=answering),
        answering=answering,
        unverified=unverified_lawyer,
        article=article("criminal-law", 253, 1),
    )


def target(world: World, name: str) -> tuple[str, dict[str, Any]]:
    """The URL of an endpoint in this world, and a valid body for writing to it."""
    question, answer = world.open_question, world.answer
    answer_kwargs = {"question_pk": answer.question_id, "pk": answer.pk}
    new_question = {"title": "新的问题？", "body": "问题的描述足够清楚。", "category": "criminal"}
    article_fields = {
        "label": world.article.label,
        "number": world.article.number,
        "suffix": world.article.suffix,
        "text": world.article.text + "\n（校对）",
    }
    targets: dict[str, tuple[str, dict[str, Any]]] = {
        "questions": (reverse("api:question-list"), new_question),
        "question": (
            reverse("api:question-detail", args=[question.pk]),
            {**new_question, "is_anonymous": True},
        ),
        "answered-question": (
            reverse("api:question-detail", args=[world.answered_question.pk]),
            {"title": "改一下标题？"},
        ),
        "question-delete": (
            reverse("api:question-detail", args=[world.answered_question.pk]),
            {"reason": "问题已解决"},
        ),
        "question-delete-post": (
            reverse("api:question-delete-by-post", args=[world.answered_question.pk]),
            {"reason": "问题已解决"},
        ),
        "hidden-question": (reverse("api:question-detail", args=[world.hidden_question.pk]), {}),
        "question-hide": (reverse("api:question-hide", args=[question.pk]), {"reason": "广告"}),
        "question-unhide": (reverse("api:question-unhide", args=[world.hidden_question.pk]), {}),
        "answers": (
            reverse("api:question-answer-list", args=[question.pk]),
            {
                "body": "建议先固定证据，再向公安机关报案并咨询律师。",
                "cited_articles": [world.article.pk],
            },
        ),
        "answers-of-answered": (
            reverse("api:question-answer-list", args=[world.answered_question.pk]),
            {"body": "补充一点意见：注意保存聊天记录和转账凭证。"},
        ),
        "answer": (
            reverse("api:question-answer-detail", kwargs=answer_kwargs),
            {"body": "修改后的回答：建议先固定证据，再向公安机关报案。"},
        ),
        "answer-accept": (reverse("api:question-answer-accept", kwargs=answer_kwargs), {}),
        "answer-helpful": (reverse("api:question-answer-helpful", kwargs=answer_kwargs), {}),
        "lawyers": (reverse("api:lawyer-list"), {}),
        "lawyer": (reverse("api:lawyer-detail", args=[world.answering.pk]), {}),
        "unverified-lawyer": (reverse("api:lawyer-detail", args=[world.unverified.pk]), {}),
        "lawyer-me": (reverse("api:lawyer-me"), {}),
        "categories": (reverse("api:category-list"), {"slug": "new", "name": "新分类"}),
        "category": (reverse("api:category-detail", args=["criminal"]), {}),
        "laws": (reverse("api:law-list"), {}),
        "law": (reverse("api:law-detail", args=["criminal-law"]), {"title": "改名"}),
        "law-articles": (reverse("api:law-article-list", args=["criminal-law"]), {}),
        "articles": (reverse("api:article-list"), article_fields),
        "article": (reverse("api:article-detail", args=[world.article.pk]), article_fields),
    }
    return targets[name]


def row(endpoint: str, method: str, default: int, **by_role: int) -> list[tuple]:
    assert set(by_role) <= set(ROLES), by_role
    return [(endpoint, method, role, by_role.get(role, default)) for role in ROLES]


ANYONE_READS = 200
SIGNED_IN_ONLY = {"visitor": 401}

TABLE = [
    # Questions
    *row("questions", "get", ANYONE_READS),
    *row("questions", "post", 201, **SIGNED_IN_ONLY),
    *row("question", "get", ANYONE_READS),
    *row("question", "put", 403, author=200, **SIGNED_IN_ONLY),
    *row("question", "patch", 403, author=200, **SIGNED_IN_ONLY),
    # The asker deletes their own question (with a reason); staff hide instead.
    *row("question-delete", "delete", 403, author=204, **SIGNED_IN_ONLY),
    *row("question-delete-post", "post", 403, author=204, **SIGNED_IN_ONLY),
    # Once a lawyer has answered, the author still edits (to take personal details out).
    *row("answered-question", "patch", 403, author=200, **SIGNED_IN_ONLY),
    *row("hidden-question", "get", 404, staff=200),
    *row("question-hide", "post", 403, staff=200, **SIGNED_IN_ONLY),
    *row("question-unhide", "post", 403, staff=200, **SIGNED_IN_ONLY),
    # Answers
    *row("answers", "get", ANYONE_READS),
    *row("answers", "post", 403, verified_lawyer=201, answering_lawyer=201, **SIGNED_IN_ONLY),
    # A lawyer answers a question once.
    *row("answers-of-answered", "post", 403, verified_lawyer=201, **SIGNED_IN_ONLY),
    *row("answer", "get", ANYONE_READS),
    *row("answer", "patch", 403, answering_lawyer=200, **SIGNED_IN_ONLY),
    *row("answer", "delete", 405),
    *row("answer-accept", "post", 403, author=200, **SIGNED_IN_ONLY),
    *row("answer-helpful", "post", 201, answering_lawyer=403, **SIGNED_IN_ONLY),
    # Lawyers
    *row("lawyers", "get", ANYONE_READS),
    *row("lawyers", "post", 405),
    *row("lawyer", "get", ANYONE_READS),
    *row("unverified-lawyer", "get", 404),
    *row(
        "lawyer-me",
        "get",
        404,
        unverified_lawyer=200,
        verified_lawyer=200,
        answering_lawyer=200,
        **SIGNED_IN_ONLY,
    ),
    # Categories and statutes
    *row("categories", "get", ANYONE_READS),
    *row("categories", "post", 405),
    *row("category", "get", ANYONE_READS),
    *row("laws", "get", ANYONE_READS),
    *row("law", "get", ANYONE_READS),
    *row("law", "patch", 405),
    *row("law-articles", "get", ANYONE_READS),
    *row("articles", "get", ANYONE_READS),
    *row("articles", "post", 405),
    *row("article", "get", ANYONE_READS),
    *row("article", "put", 403, staff=200, **SIGNED_IN_ONLY),
    *row("article", "patch", 403, staff=200, **SIGNED_IN_ONLY),
    *row("article", "delete", 405),
]


@pytest.mark.parametrize(
    ("endpoint", "method", "role", "expected"),
    TABLE,
    ids=[f"{e}-{m}-{r}-{s}" for e, m, r, s in TABLE],
)
def test_each_role_gets_what_the_table_says(
    world: World,
    client_for: Callable[[User | None], APIClient],
    endpoint: str,
    method: str,
    role: str,
    expected: int,
) -> None:
    url, body = target(world, endpoint)
    client = client_for(world.users[role])
    if method == "get":
        response = client.get(url)
    else:
        response = getattr(client, method)(url, body, format="json")
    assert response.status_code == expected, response.content.decode()
    if expected in (401, 403):
        # Every refusal says why, in Chinese.
        assert response.json()["detail"]


def test_a_visitor_is_asked_to_sign_in_with_a_token_challenge(world: World, api: APIClient) -> None:
    url, body = target(world, "questions")
    response = api.post(url, body, format="json")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_the_table_covers_every_role_for_every_row() -> None:
    keys = {(endpoint, method) for endpoint, method, _, _ in TABLE}
    assert len(TABLE) == len(keys) * len(ROLES)
