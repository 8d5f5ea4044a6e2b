"""Every write path of the site for every role, as one table.

The world: alice asked two questions; `answered` has an answer by the verified lawyer vera,
`open` has none. bob is another user. Lawyers: pam (pending), vera (verified), rex (revoked).
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse

from consult.models import Answer, HelpfulMark, LawyerProfile, Question
from tests.factories import make_answer, make_category, make_lawyer, make_question

pytestmark = pytest.mark.django_db
Status = LawyerProfile.Status


@dataclass
class World:
    open: Question
    answered: Question
    answer: Answer
    users: dict


@pytest.fixture
def world(alice, bob, vera, uma, rex, admin_user) -> World:
    category = make_category("劳动纠纷", slug="labor")
    users = {
        "visitor": None,
        "author": alice,
        "other_user": bob,
        "pending_lawyer": uma.user,
        # a verified lawyer other than the one who answered
        "verified_lawyer": make_lawyer(status=Status.VERIFIED).user,
        "answering_lawyer": vera.user,
        "revoked_lawyer": rex.user,
        "admin": admin_user,
    }
    open_q = make_question(author=alice, category=category, title="公司拖欠工资怎么办？")
    answered = make_question(author=alice, category=category, title="试用期被辞退有补偿吗？")
    answer = make_answer(question=answered, lawyer=vera)
    return World(open=open_q, answered=answered, answer=answer, users=users)


def client_for(world: World, role: str) -> Client:
    client = Client()
    if world.users[role] is not None:
        client.force_login(world.users[role])
    return client


QUESTION = {
    "title": "新的提问标题在这里？",
    "category": "",
    "body": "这是一段足够长的问题描述，用于测试。",
}
ANSWER = {
    "body": "根据劳动合同法的规定，您可以先与公司协商，协商不成可以申请劳动仲裁。",
    "cited_articles": "",
}

# (action, role, expected status). 302 to the login page for visitors is written "login".
TABLE = [
    ("ask", "visitor", "login"),
    ("ask", "author", 302),
    ("ask", "other_user", 302),
    ("ask", "pending_lawyer", 302),
    ("ask", "verified_lawyer", 302),
    ("ask", "admin", 302),
    ("edit_open", "visitor", "login"),
    ("edit_open", "author", 302),
    ("edit_open", "other_user", 403),
    ("edit_open", "verified_lawyer", 403),
    ("edit_open", "admin", 403),
    # The asker edits after answers too (to take personal details out); no one else does.
    ("edit_answered", "author", 302),
    ("edit_answered", "other_user", 403),
    ("edit_answered", "answering_lawyer", 403),
    ("edit_answered", "admin", 403),
    ("delete", "visitor", "login"),
    ("delete", "author", 302),
    ("delete", "other_user", 403),
    ("delete", "answering_lawyer", 403),
    ("delete", "admin", 403),  # staff hide instead
    ("answer", "visitor", "login"),
    ("answer", "author", 403),
    ("answer", "other_user", 403),
    ("answer", "pending_lawyer", 403),
    ("answer", "verified_lawyer", 302),
    ("answer", "answering_lawyer", 403),  # once per question
    ("answer", "revoked_lawyer", 403),
    ("answer", "admin", 403),
    ("edit_answer", "visitor", "login"),
    ("edit_answer", "answering_lawyer", 302),
    ("edit_answer", "verified_lawyer", 403),
    ("edit_answer", "author", 403),
    ("edit_answer", "admin", 403),
    ("accept", "visitor", "login"),
    ("accept", "author", 302),
    ("accept", "other_user", 403),
    ("accept", "answering_lawyer", 403),
    ("accept", "admin", 403),
    ("helpful", "visitor", "login"),
    ("helpful", "author", 302),
    ("helpful", "other_user", 302),
    ("helpful", "verified_lawyer", 302),
    ("helpful", "answering_lawyer", 403),  # not one's own answer
    ("apply", "visitor", "login"),
    ("apply", "other_user", 200),
    ("notifications", "visitor", "login"),
    ("notifications", "author", 200),
]


def perform(action: str, client: Client, world: World):
    question_data = {**QUESTION, "category": world.open.category_id}
    if action == "ask":
        return client.post(reverse("consult:question-create"), question_data)
    if action == "edit_open":
        return client.post(reverse("consult:question-edit", args=[world.open.pk]), question_data)
    if action == "edit_answered":
        return client.post(
            reverse("consult:question-edit", args=[world.answered.pk]), question_data
        )
    if action == "delete":
        url = reverse("consult:question-delete", args=[world.answered.pk])
        return client.post(url, {"reason": "问题已经解决了"})
    if action == "answer":
        return client.post(reverse("consult:answer-create", args=[world.answered.pk]), ANSWER)
    if action == "edit_answer":
        return client.post(reverse("consult:answer-edit", args=[world.answer.pk]), ANSWER)
    if action == "accept":
        return client.post(reverse("consult:answer-accept", args=[world.answer.pk]))
    if action == "helpful":
        return client.post(reverse("consult:answer-helpful", args=[world.answer.pk]))
    if action == "apply":
        return client.get(reverse("consult:lawyer-apply"))
    if action == "notifications":
        return client.get(reverse("consult:notification-list"))
    raise AssertionError(action)


@pytest.mark.parametrize(("action", "role", "expected"), TABLE)
def test_each_role_may_do_exactly_what_it_should(
    world: World, action: str, role: str, expected
) -> None:
    before = (Question.objects.count(), Answer.objects.count(), HelpfulMark.objects.count())
    response = perform(action, client_for(world, role), world)
    if expected == "login":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    else:
        assert response.status_code == expected
    if expected in ("login", 403):
        # Nothing was written and the refusal says why in Chinese.
        assert (
            Question.objects.count(),
            Answer.objects.count(),
            HelpfulMark.objects.count(),
        ) == before
        if expected == 403:
            assert "没有权限" in response.content.decode()


def test_every_write_refuses_get(world: World) -> None:
    client = client_for(world, "author")
    for name, arg in [
        ("consult:answer-create", world.answered.pk),
        ("consult:answer-accept", world.answer.pk),
        ("consult:answer-helpful", world.answer.pk),
    ]:
        assert client.get(reverse(name, args=[arg])).status_code == 405


def test_writes_need_a_csrf_token(world: World) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users["author"])
    response = client.post(reverse("consult:answer-accept", args=[world.answer.pk]))
    assert response.status_code == 403
    assert "请求已过期" in response.content.decode()
    world.answer.refresh_from_db()
    assert not world.answer.is_accepted


def test_revoking_a_lawyer_removes_the_right_to_answer_at_once(world: World) -> None:
    lawyer = world.users["verified_lawyer"]
    client = client_for(world, "verified_lawyer")
    page = client.get(world.open.get_absolute_url()).content.decode()
    assert "我来回答" in page
    profile = lawyer.lawyer_profile
    profile.status = Status.REVOKED
    profile.save()
    assert "我来回答" not in client.get(world.open.get_absolute_url()).content.decode()
    response = client.post(reverse("consult:answer-create", args=[world.open.pk]), ANSWER)
    assert response.status_code == 403
    assert not world.open.answers.exists()


def test_a_hidden_question_cannot_be_answered_edited_or_accepted(world: World) -> None:
    Question.objects.filter(pk=world.answered.pk).update(is_hidden=True)
    assert (
        client_for(world, "author")
        .post(reverse("consult:answer-accept", args=[world.answer.pk]))
        .status_code
        == 404
    )
    assert (
        client_for(world, "verified_lawyer")
        .post(reverse("consult:answer-create", args=[world.answered.pk]), ANSWER)
        .status_code
        == 404
    )
