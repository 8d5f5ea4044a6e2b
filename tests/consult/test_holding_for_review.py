"""Questions that look like spam wait for staff: held (not public, not indexed, not counted)
with a notice to the asker, then approved (published) or rejected in the admin's queue."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import User
from consult.models import Category, Question, QuestionSearchDocument
from consult.services import questions as question_services
from consult.services.holds import HELD_NOTICE
from tests.factories import make_category, make_user

pytestmark = pytest.mark.django_db

LINK_BODY = "我的个人信息被泄露了，详情见 http://spam.example.com 请律师帮忙看看。"
PLAIN_BODY = "我的个人信息被公司泄露了，应该怎么维权，请律师帮忙看看。"


@pytest.fixture
def category() -> Category:
    return make_category(slug="privacy")


@pytest.fixture
def veteran() -> User:
    return make_user("vic", date_joined=timezone.now() - timedelta(days=90))


def ask(author: User, category: Category, body: str, title: str = "信息泄露怎么办？") -> Question:
    return question_services.question_create(
        author=author, title=title, body=body, category=category
    )


def is_public_everywhere(question: Question) -> bool:
    question.category.refresh_from_db()
    listed = Question.objects.visible().filter(pk=question.pk).exists()
    indexed = QuestionSearchDocument.objects.filter(question=question).exists()
    page = Client().get(question.get_absolute_url()).status_code == 200
    assert listed == indexed == page
    return listed


def test_a_new_accounts_question_with_a_link_is_held_with_a_notice(
    client: Client, alice, category: Category
) -> None:
    client.force_login(alice)
    response = client.post(
        reverse("consult:question-create"),
        {"title": "信息泄露怎么办？", "body": LINK_BODY, "category": category.pk},
        follow=True,
    )
    assert HELD_NOTICE in response.content.decode()
    assert "正在等待管理员审核" in response.content.decode()
    question = Question.objects.get()
    assert question.review_status == Question.Review.PENDING
    assert not is_public_everywhere(question)
    assert question.category.question_count == 0
    assert "等待管理员审核" in client.get(reverse("accounts:account")).content.decode()


def test_an_older_account_may_post_a_link(veteran: User, category: Category) -> None:
    assert is_public_everywhere(ask(veteran, category, LINK_BODY))


def test_a_new_account_repeating_its_text_is_held_the_second_time(
    alice, category: Category
) -> None:
    assert is_public_everywhere(ask(alice, category, PLAIN_BODY))
    assert not is_public_everywhere(ask(alice, category, PLAIN_BODY, title="再问一次？"))


def test_a_word_on_the_list_holds_anyones_question(
    veteran: User, category: Category, settings
) -> None:
    settings.HOLD_WORDS = ["代开发票"]
    question = ask(veteran, category, PLAIN_BODY + "另外代开发票请联系。")
    assert not is_public_everywhere(question)
    assert "代开发票" in question.review_note


def test_an_edit_that_adds_a_link_holds_a_published_question(alice, category: Category) -> None:
    question = ask(alice, category, PLAIN_BODY)
    question_services.question_update(
        question=question,
        by=alice,
        title=question.title,
        body=LINK_BODY,
        category=category,
        is_anonymous=False,
    )
    assert not is_public_everywhere(question)


def test_staff_approve_from_the_queue_and_the_question_is_published(
    admin_client: Client, alice, category: Category
) -> None:
    question = ask(alice, category, LINK_BODY)
    changelist = reverse("admin:consult_question_changelist")
    assert question.title in admin_client.get(changelist, {"queue": "held"}).content.decode()
    admin_client.post(changelist, {"action": "approve_selected", "_selected_action": [question.pk]})
    question.refresh_from_db()
    assert question.review_status == Question.Review.PUBLISHED
    assert is_public_everywhere(question)
    assert question.category.question_count == 1
    assert question.title not in admin_client.get(changelist, {"queue": "held"}).content.decode()


def test_staff_reject_and_the_question_stays_private(
    admin_client: Client, alice, category: Category
) -> None:
    question = ask(alice, category, LINK_BODY)
    admin_client.post(
        reverse("admin:consult_question_changelist"),
        {"action": "reject_selected", "_selected_action": [question.pk]},
    )
    question.refresh_from_db()
    assert question.review_status == Question.Review.REJECTED
    assert not is_public_everywhere(question)
    client = Client()
    client.force_login(alice)
    assert "未通过审核" in client.get(question.get_absolute_url()).content.decode()


def test_the_api_says_a_question_is_held_and_only_its_asker_reads_it(
    alice, category: Category
) -> None:
    api = APIClient()
    api.force_login(alice)
    body = {"title": "信息泄露怎么办？", "body": LINK_BODY, "category": category.slug}
    response = api.post(reverse("api:question-list"), body, format="json")
    assert response.status_code == 201
    assert response.json()["review_status"] == "pending"
    assert response.json()["notice"] == HELD_NOTICE
    url = reverse("api:question-detail", args=[response.json()["id"]])
    assert api.get(url).status_code == 200
    assert APIClient().get(url).status_code == 404
    assert response.json()["id"] not in [
        row["id"] for row in APIClient().get(reverse("api:question-list")).json()["results"]
    ]


def test_a_masked_email_address_is_not_a_link(alice, category: Category) -> None:
    question = ask(alice, category, "公司把我的邮箱 wang.xiaoming@example.com 卖给了别人。")
    assert "@example.com" in question.body
    assert is_public_everywhere(question)


def test_a_bare_domain_right_after_chinese_text_is_a_link(alice, category: Category) -> None:
    assert not is_public_everywhere(ask(alice, category, PLAIN_BODY + "详见spam-site.top了解"))
