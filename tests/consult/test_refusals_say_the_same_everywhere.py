"""A refusal has one message (consult.permissions): the page and the API say the same words."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from consult import permissions
from tests.factories import make_answer, make_lawyer, make_question

pytestmark = pytest.mark.django_db

NEW_BODY = "另一位律师想改这条回答：建议先固定证据，再去报案。"


def _page_and_api(user, page_url: str, page_data: dict, api_url: str, api_data: dict | None):
    page, api = Client(), APIClient()
    page.force_login(user)
    api.force_login(user)
    page_response = page.post(page_url, page_data)
    api_response = (
        api.patch(api_url, api_data, format="json")
        if api_data is not None
        else api.post(api_url, format="json")
    )
    return page_response, api_response


def test_editing_another_lawyers_answer_is_refused_in_the_same_words() -> None:
    answer = make_answer()
    other = make_lawyer().user
    page, api = _page_and_api(
        other,
        reverse("consult:answer-edit", args=[answer.pk]),
        {"body": NEW_BODY},
        reverse("api:question-answer-detail", args=[answer.question_id, answer.pk]),
        {"body": NEW_BODY},
    )
    assert (page.status_code, api.status_code) == (403, 403)
    assert permissions.EDIT_ANSWER_DENIED in page.content.decode()
    assert api.json()["detail"] == permissions.EDIT_ANSWER_DENIED


def test_marking_ones_own_answer_helpful_is_refused_in_the_same_words() -> None:
    answer = make_answer()
    page, api = _page_and_api(
        answer.lawyer.user,
        reverse("consult:answer-helpful", args=[answer.pk]),
        {},
        reverse("api:question-answer-helpful", args=[answer.question_id, answer.pk]),
        None,
    )
    assert (page.status_code, api.status_code) == (403, 403)
    assert permissions.HELPFUL_DENIED in page.content.decode()
    assert api.json()["detail"] == permissions.HELPFUL_DENIED


def test_accepting_an_accepted_answer_again_is_refused_in_the_same_words() -> None:
    question = make_question()
    answer = make_answer(question=question, is_accepted=True)
    page, api = _page_and_api(
        question.author,
        reverse("consult:answer-accept", args=[answer.pk]),
        {},
        reverse("api:question-answer-accept", args=[question.pk, answer.pk]),
        None,
    )
    assert (page.status_code, api.status_code) == (403, 403)
    assert permissions.ALREADY_ACCEPTED in page.content.decode()
    assert api.json()["detail"] == permissions.ALREADY_ACCEPTED
