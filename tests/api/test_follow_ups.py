"""answers/{id}/follow-ups/: reading a 追问 thread, and writing to it as the asker or the
answering lawyer."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.urls import reverse

from accounts.models import User
from consult.models import Answer, FollowUp, LawyerProfile
from consult.services.follow_ups import MAX_PER_ANSWER
from consult.services.moderation import set_hidden
from tests.factories import make_answer, make_lawyer, make_question, make_user

pytestmark = pytest.mark.django_db


def url(answer: Answer) -> str:
    return reverse("api:answer-follow-up-list", args=[answer.pk])


@pytest.fixture
def answer(alice: User, verified_lawyer: LawyerProfile) -> Answer:
    return make_answer(question=make_question(author=alice), lawyer=verified_lawyer)


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("visitor", 401),
        ("asker", 201),
        ("answering_lawyer", 201),
        ("other_lawyer", 403),
        ("pending_lawyer", 403),
        ("user", 403),
        ("staff", 403),
    ],
)
def test_only_the_asker_and_the_answering_lawyer_post(
    client_for: Callable, answer: Answer, staff: User, role: str, status: int
) -> None:
    user = {
        "visitor": None,
        "asker": answer.question.author,
        "answering_lawyer": answer.lawyer.user,
        "other_lawyer": make_lawyer().user,
        "pending_lawyer": make_lawyer(status=LawyerProfile.Status.PENDING).user,
        "user": make_user(),
        "staff": staff,
    }[role]
    response = client_for(user).post(url(answer), {"body": "仲裁要准备什么材料？"}, format="json")
    assert response.status_code == status, response.content.decode()
    if status == 201:
        data = response.json()
        assert data["role"] == ("asker" if role == "asker" else "lawyer")
        assert data["masked"] == []
    if status == 403:
        assert response.json()["detail"].startswith("只有提问者和回答的律师")


def test_anyone_reads_the_thread_in_order_with_roles(api, answer: Answer) -> None:
    FollowUp.objects.create(answer=answer, author=answer.question.author, body="追问一")
    FollowUp.objects.create(answer=answer, author=answer.lawyer.user, body="回复一")
    response = api.get(url(answer))
    assert response.status_code == 200
    assert [(f["role"], f["body"]) for f in response.json()] == [
        ("asker", "追问一"),
        ("lawyer", "回复一"),
    ]


def test_the_thread_costs_two_queries_however_long(
    api, answer: Answer, django_assert_num_queries
) -> None:
    for n in range(10):
        FollowUp.objects.create(answer=answer, author=answer.question.author, body=f"追问{n}")
    # the answer with its question, the thread
    with django_assert_num_queries(2):
        assert api.get(url(answer)).status_code == 200


def test_what_was_masked_is_reported(client_for: Callable, answer: Answer) -> None:
    response = client_for(answer.question.author).post(
        url(answer), {"body": "电话13812345678"}, format="json"
    )
    assert response.json()["body"] == "电话138****5678"
    assert response.json()["masked"] == [{"kind": "手机号", "masked": "138****5678"}]


@pytest.mark.parametrize(
    ("data", "field", "error"),
    [
        ({}, "body", "该字段是必填项。"),
        ({"body": "问" * 1001}, "body", "1000"),
        ({"body": "好"}, "body", "追问内容至少 2 个字。"),
        ({"body": "追问", "author": 1}, "author", "不支持的字段"),
    ],
)
def test_bad_input_is_answered_field_by_field_in_chinese(
    client_for: Callable, answer: Answer, data: dict, field: str, error: str
) -> None:
    response = client_for(answer.question.author).post(url(answer), data, format="json")
    assert response.status_code == 400
    assert error in response.json()[field][0]


def test_a_full_thread_refuses_more(client_for: Callable, answer: Answer) -> None:
    for n in range(MAX_PER_ANSWER):
        FollowUp.objects.create(answer=answer, author=answer.question.author, body=f"追问{n}")
    response = client_for(answer.question.author).post(url(answer), {"body": "还有"}, format="json")
    assert response.status_code == 400
    assert "最多 20 条" in response.json()["body"][0]


@pytest.mark.parametrize("hidden", ["answer", "question"])
def test_the_thread_of_a_hidden_answer_or_question_is_not_found(
    api, client_for: Callable, answer: Answer, staff: User, hidden: str
) -> None:
    set_hidden([answer if hidden == "answer" else answer.question], hidden=True, by=staff)
    assert api.get(url(answer)).status_code == 404
    response = client_for(answer.question.author).post(url(answer), {"body": "追问"})
    assert response.status_code == 404


@pytest.mark.parametrize("pk", ["0", "99999999999999999999999"])
def test_an_unknown_answer_is_a_404(api, pk: str) -> None:
    assert api.get(f"/api/v1/answers/{pk}/follow-ups/").status_code == 404


def test_an_unknown_query_parameter_is_refused(api, answer: Answer) -> None:
    assert api.get(url(answer), {"foo": "1"}).status_code == 400


def test_the_answers_carry_their_threads(api, answer: Answer) -> None:
    FollowUp.objects.create(answer=answer, author=answer.question.author, body="追问一")
    response = api.get(reverse("api:question-answer-list", args=[answer.question_id]))
    assert [(f["role"], f["body"]) for f in response.json()[0]["follow_ups"]] == [
        ("asker", "追问一")
    ]
