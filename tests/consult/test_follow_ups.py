"""追问: the asker asks again under an answer and the answering lawyer replies.

The cast: alice asked, vera answered; val is another verified lawyer; bob a user; pam a
pending lawyer; charlie an admin.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import User
from consult.models import Answer, FollowUp, LawyerProfile, Notification
from consult.services import follow_ups as follow_up_services
from consult.services import lawyers as lawyer_services
from consult.services.moderation import set_hidden
from tests.factories import make_answer, make_lawyer, make_question, make_user

pytestmark = pytest.mark.django_db
Status = LawyerProfile.Status


@dataclass
class World:
    answer: Answer
    users: dict[str, User | None]

    def user(self, role: str) -> User:
        """A role that is signed in (every role but the visitor)."""
        user = self.users[role]
        assert user is not None, role
        return user

    @property
    def url(self) -> str:
        return reverse("consult:follow-up-create", args=[self.answer.pk])


@pytest.fixture
def world() -> World:
    alice = make_user("alice")
    vera = make_lawyer(make_user("vera"), real_name="王薇")
    question = make_question(author=alice, title="公司拖欠工资怎么办？")
    answer = make_answer(question=question, lawyer=vera, body="可以申请劳动仲裁。")
    users = {
        "visitor": None,
        "asker": alice,
        "answering_lawyer": vera.user,
        "other_lawyer": make_lawyer(make_user("val")).user,
        "pending_lawyer": make_lawyer(make_user("pam"), status=Status.PENDING).user,
        "user": make_user("bob"),
        "admin": make_user("charlie", is_staff=True, is_superuser=True),
    }
    return World(answer, users)


def client_as(world: World, role: str) -> Client:
    client = Client()
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("visitor", False),
        ("asker", True),
        ("answering_lawyer", True),
        ("other_lawyer", False),
        ("pending_lawyer", False),
        ("user", False),
        ("admin", False),
    ],
)
def test_only_the_asker_and_the_answering_lawyer_write_follow_ups(
    world: World, role: str, allowed: bool
) -> None:
    client = client_as(world, role)
    page = client.get(world.answer.question.get_absolute_url()).content.decode()
    assert (f'action="{world.url}"' in page) is allowed
    response = client.post(world.url, {"body": "仲裁要准备什么材料？"})
    if allowed:
        assert response.status_code == 302
        assert FollowUp.objects.filter(answer=world.answer).count() == 1
    else:
        assert response.status_code == (302 if role == "visitor" else 403)
        assert not FollowUp.objects.exists()
    if role not in ("visitor",) and not allowed:
        assert "只有提问者和回答的律师可以" in response.content.decode()


def test_a_thread_is_shown_under_its_answer_with_each_sides_role(world: World) -> None:
    asker = client_as(world, "asker")
    asker.post(world.url, {"body": "仲裁要准备什么材料？"})
    client_as(world, "answering_lawyer").post(world.url, {"body": "劳动合同和工资流水。"})
    page = Client().get(world.answer.question.get_absolute_url()).content.decode()
    assert "提问者追问</strong>：仲裁要准备什么材料？" in page
    assert "王薇律师回复</strong>：劳动合同和工资流水。" in page
    assert "alice" not in page.split("提问者追问")[1][:200]  # the asker is not named


def test_each_side_is_notified_of_the_other(
    world: World, mailoutbox, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        client_as(world, "asker").post(world.url, {"body": "仲裁要准备什么材料？"})
        client_as(world, "answering_lawyer").post(world.url, {"body": "劳动合同和工资流水。"})
    vera, alice = world.user("answering_lawyer"), world.user("asker")
    assert vera.notifications.get().kind == Notification.Kind.FOLLOW_UP_ASKED
    replied = alice.notifications.get(kind=Notification.Kind.FOLLOW_UP_REPLIED)
    assert [m.subject for m in mailoutbox] == [
        "提问者对您的回答有追问：公司拖欠工资怎么办？",
        "律师回复了您的追问：公司拖欠工资怎么办？",
    ]
    # Opening the notification leads to the reply.
    client = client_as(world, "asker")
    response = client.get(reverse("consult:notification-open", args=[replied.pk]))
    assert response["Location"].endswith(f"#follow-up-{replied.follow_up_id}")
    listing = client.get(reverse("consult:notification-list")).content.decode()
    assert "王薇律师回复了您在“公司拖欠工资怎么办？”下的追问" in listing


def test_personal_identifiers_are_masked(world: World) -> None:
    response = client_as(world, "asker").post(
        world.url, {"body": "我的电话是13812345678，请联系我。"}, follow=True
    )
    assert FollowUp.objects.get().body == "我的电话是138****5678，请联系我。"
    assert "发布时已隐去：手机号 138****5678" in response.content.decode()


def test_a_thread_is_capped(world: World) -> None:
    asker = world.user("asker")
    for n in range(follow_up_services.MAX_PER_ANSWER):
        FollowUp.objects.create(answer=world.answer, author=asker, body=f"第{n}条追问")
    client = client_as(world, "asker")
    page = client.get(world.answer.question.get_absolute_url()).content.decode()
    assert f'action="{world.url}"' not in page
    response = client.post(world.url, {"body": "再追问一次？"}, follow=True)
    assert "每条回答最多 20 条追问和回复，请另行提问。" in response.content.decode()
    assert FollowUp.objects.count() == follow_up_services.MAX_PER_ANSWER


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ("", "请填写追问的内容。"),
        ("   ", "请填写追问的内容。"),
        ("问" * 1001, "追问最多 1000 个字。"),
        ("好", "追问内容至少 2 个字。"),
        ("问题\x00", "内容含有无法识别的字符"),
    ],
)
def test_bad_follow_ups_are_explained_in_chinese(world: World, body: str, error: str) -> None:
    response = client_as(world, "asker").post(world.url, {"body": body}, follow=True)
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not FollowUp.objects.exists()


@pytest.mark.parametrize("hidden", ["answer", "question"])
def test_follow_ups_are_gone_with_a_hidden_answer_or_question(world: World, hidden: str) -> None:
    FollowUp.objects.create(answer=world.answer, author=world.user("asker"), body="早先的追问")
    target = world.answer if hidden == "answer" else world.answer.question
    set_hidden([target], hidden=True, by=world.user("admin"))
    response = client_as(world, "asker").post(world.url, {"body": "还能追问吗？"})
    assert response.status_code == 404
    page = Client().get(world.answer.question.get_absolute_url())
    assert "早先的追问" not in page.content.decode()


def test_a_revoked_lawyer_no_longer_replies(world: World) -> None:
    vera = world.user("answering_lawyer").lawyer_profile
    lawyer_services.lawyer_set_status(
        profile=vera, status=Status.REVOKED, by=world.user("admin"), note="执业证已注销"
    )
    response = client_as(world, "answering_lawyer").post(world.url, {"body": "补充一点。"})
    assert response.status_code == 403


def test_the_form_works_only_by_post(world: World) -> None:
    assert client_as(world, "asker").get(world.url).status_code == 405
