"""An asker deletes their question: gone at once from everything public, counted nowhere,
still there for staff."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from consult.models import Question, QuestionSearchDocument
from consult.services import questions as question_services
from portal.page_cache import HIT_HEADER
from tests.factories import make_answer, make_category, make_lawyer, make_question, make_user

pytestmark = pytest.mark.django_db

TITLE = "宅基地纠纷怎么处理？"


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    cache.clear()


@pytest.fixture
def question(alice) -> Question:
    question = make_question(author=alice, category=make_category(slug="land"), title=TITLE)
    make_answer(question=question)
    return question


def public_places(question: Question) -> dict[str, str]:
    """Every public page and API response that lists or shows questions, as text."""
    visitor, api = Client(), APIClient()
    other = make_question(category=question.category, title="宅基地另一个问题？")
    return {
        "home": visitor.get(reverse("consult:home")).content.decode(),
        "browse": visitor.get(reverse("consult:question-list")).content.decode(),
        "category": visitor.get(question.category.get_absolute_url()).content.decode(),
        "search": visitor.get(reverse("consult:search"), {"q": "宅基地"}).content.decode(),
        "feed": visitor.get(reverse("consult:feed-questions")).content.decode(),
        "sitemap": visitor.get(
            reverse("seo:sitemap-section", kwargs={"section": "questions"})
        ).content.decode(),
        "related": visitor.get(other.get_absolute_url()).content.decode(),
        "api list": api.get(reverse("api:question-list")).content.decode(),
        "api search": api.get(reverse("api:question-list"), {"q": "宅基地"}).content.decode(),
    }


def test_the_asker_deletes_with_a_reason_and_it_is_gone_everywhere(
    client: Client, alice, question: Question
) -> None:
    lawyer = question.answers.get().lawyer
    link = re.compile(rf"/questions/{question.pk}/[\"<]")
    before = public_places(question)
    assert [name for name, text in before.items() if not link.search(text)] == []
    assert Client().get(question.get_absolute_url())[HIT_HEADER] == "miss"
    client.force_login(alice)
    url = reverse("consult:question-delete", args=[question.pk])
    assert "确认删除" in client.get(url).content.decode()
    response = client.post(url, {"reason": "问题已经解决，不想公开了"})
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.is_deleted
    assert question.deleted_by == alice
    assert question.delete_reason == "问题已经解决，不想公开了"
    # Every page, the anonymous page cache included, and every counter.
    assert Client().get(question.get_absolute_url()).status_code == 404
    found = [name for name, text in public_places(question).items() if link.search(text)]
    assert found == []
    assert not QuestionSearchDocument.objects.filter(question=question).exists()
    assert APIClient().get(reverse("api:question-detail", args=[question.pk])).status_code == 404
    question.category.refresh_from_db()
    lawyer.refresh_from_db()
    assert question.category.question_count == 2  # the other questions of public_places
    assert lawyer.helped_count == 0
    assert not link.search(client.get(reverse("accounts:account")).content.decode())


def test_a_delete_without_a_reason_is_refused_with_a_message(
    client: Client, alice, question: Question
) -> None:
    client.force_login(alice)
    response = client.post(reverse("consult:question-delete", args=[question.pk]), {"reason": " "})
    assert response.status_code == 200
    assert "请填写删除原因" in response.content.decode()
    question.refresh_from_db()
    assert not question.is_deleted


def test_no_one_but_the_asker_deletes(client: Client, bob, question: Question) -> None:
    client.force_login(bob)
    url = reverse("consult:question-delete", args=[question.pk])
    assert client.post(url, {"reason": "看着不顺眼"}).status_code == 403
    question.refresh_from_db()
    assert not question.is_deleted


def test_staff_still_see_a_deleted_question_in_the_admin(
    admin_client: Client, alice, question: Question
) -> None:
    question_services.question_delete(question=question, by=alice, reason="不需要了")
    changelist = reverse("admin:consult_question_changelist")
    page = admin_client.get(changelist, {"queue": "deleted"}).content.decode()
    assert TITLE in page
    change = admin_client.get(reverse("admin:consult_question_change", args=[question.pk]))
    assert "不需要了" in change.content.decode()
    assert "该问题已被提问者删除" in admin_client.get(question.get_absolute_url()).content.decode()


def test_the_api_deletes_with_a_reason(alice, question: Question) -> None:
    api = APIClient()
    api.force_login(alice)
    url = reverse("api:question-detail", args=[question.pk])
    refused = api.delete(url, {}, format="json")
    assert refused.status_code == 400
    assert refused.json()["reason"]
    assert api.delete(url, {"reason": "已解决"}, format="json").status_code == 204
    assert api.get(url).status_code == 404
    assert api.delete(url, {"reason": "已解决"}, format="json").status_code == 404


def test_the_api_also_deletes_by_post(alice, question: Question) -> None:
    api = APIClient()
    api.force_login(alice)
    url = reverse("api:question-delete-by-post", args=[question.pk])
    assert api.post(url, {"reason": "已解决"}, format="json").status_code == 204
    question.refresh_from_db()
    assert question.is_deleted


def test_deleting_drops_the_lawyers_helped_count_only_for_that_asker(alice) -> None:
    lawyer = make_lawyer()
    first = make_question(author=alice)
    make_answer(question=first, lawyer=lawyer)
    make_answer(question=make_question(author=alice), lawyer=lawyer)
    make_answer(question=make_question(author=make_user()), lawyer=lawyer)
    lawyer.refresh_from_db()
    assert lawyer.helped_count == 2
    question_services.question_delete(question=first, by=alice, reason="不需要了")
    lawyer.refresh_from_db()
    assert lawyer.helped_count == 2  # alice is still helped by her other question
    for question in Question.objects.visible().filter(author=alice):
        question_services.question_delete(question=question, by=alice, reason="不需要了")
    lawyer.refresh_from_db()
    assert lawyer.helped_count == 1
