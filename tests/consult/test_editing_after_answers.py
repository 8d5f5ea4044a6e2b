"""The asker edits an answered question (to take personal details out): the answers stay, the
earlier text is kept in the history, and only staff can read it there."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from consult.models import Answer, Question
from consult.services import answers as answer_services
from tests.factories import make_answer, make_question

pytestmark = pytest.mark.django_db

FIRST = "我叫王小明，住在幸福小区三栋，公司泄露了我的信息。"
SECOND = "公司泄露了我的信息，我该怎么办？"


@pytest.fixture
def answered(alice) -> Question:
    question = make_question(author=alice, body=FIRST)
    make_answer(question=question)
    return question


def test_the_asker_edits_through_the_api_and_the_answers_stay(alice, answered: Question) -> None:
    api = APIClient()
    api.force_login(alice)
    url = reverse("api:question-detail", args=[answered.pk])
    response = api.patch(url, {"body": SECOND}, format="json")
    assert response.status_code == 200
    assert response.json()["body"] == SECOND
    assert len(response.json()["answers"]) == 1
    assert FIRST not in APIClient().get(url).content.decode()


def test_the_earlier_text_is_in_the_history_for_staff_only(
    client: Client, admin_client: Client, alice, answered: Question
) -> None:
    client.force_login(alice)
    client.post(
        reverse("consult:question-edit", args=[answered.pk]),
        {"title": answered.title, "body": SECOND, "category": answered.category_id},
    )
    assert [h.body for h in answered.history.order_by("history_date")][-2:] == [FIRST, SECOND]
    history = reverse("admin:consult_question_history", args=[answered.pk])
    assert admin_client.get(history).status_code == 200
    first = answered.history.order_by("history_date").first()
    version = reverse("admin:consult_question_simple_history", args=[answered.pk, first.history_id])
    assert FIRST in admin_client.get(version).content.decode()
    # Not for the asker, nor anyone else outside the admin.
    assert client.get(history).status_code == 302
    assert FIRST not in Client().get(answered.get_absolute_url()).content.decode()


def test_an_answers_earlier_text_is_kept_too(answered: Question) -> None:
    answer = Answer.objects.select_related("lawyer__user").get(question=answered)
    before = answer.body
    answer_services.answer_update(
        answer=answer, by=answer.lawyer.user, body="改写后的回答：先协商，协商不成可以向法院起诉。"
    )
    assert [h.body for h in answer.history.order_by("history_date")][-2:] == [
        before,
        "改写后的回答：先协商，协商不成可以向法院起诉。",
    ]
