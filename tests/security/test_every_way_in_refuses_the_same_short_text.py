"""The least a question or an answer must say is one rule: the page, the API and the admin
refuse the same too-short text with the same Chinese message, and save nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib import admin
from django.test import Client, RequestFactory
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import User
from consult.models import Answer, Question
from tests.factories import make_answer, make_category, make_lawyer, make_question, make_user

pytestmark = pytest.mark.django_db

GOOD_QUESTION = {
    "title": "离婚时彩礼要退吗？",
    "body": "我们结婚一年多，现在准备离婚，对方要求退还彩礼。",
}

# (what is written, the field, the short text, the message every way in gives)
CASES = [
    ("question", "title", "好", "标题至少 5 个字。"),
    ("question", "title", "  四个字呀  ", "标题至少 5 个字。"),
    ("question", "body", "短", "请至少用 10 个字描述您的情况。"),
    ("answer", "body", "好", "回答至少 20 个字，请写明依据和建议。"),
]


def _page(kind: str, field: str, text: str, writer: User) -> tuple[bool, str]:
    client = Client()
    client.force_login(writer)
    if kind == "question":
        data = {**GOOD_QUESTION, "category": make_category().pk, field: text}
        response = client.post(reverse("consult:question-create"), data)
    else:
        question = make_question()
        response = client.post(reverse("consult:answer-create", args=[question.pk]), {field: text})
    return response.status_code == 200, response.content.decode()


def _api(kind: str, field: str, text: str, writer: User) -> tuple[bool, Any]:
    client = APIClient()
    client.force_login(writer)
    if kind == "question":
        data = {**GOOD_QUESTION, "category": make_category().slug, field: text}
        response = client.post(reverse("api:question-list"), data, format="json")
    else:
        url = reverse("api:question-answer-list", args=[make_question().pk])
        response = client.post(url, {field: text}, format="json")
    return response.status_code == 400, response.json()[field]


def _admin(kind: str, field: str, text: str, writer: User) -> tuple[bool, Any]:
    model = Question if kind == "question" else Answer
    instance = make_question() if kind == "question" else make_answer()
    staff = make_user(is_staff=True, is_superuser=True)
    request = RequestFactory().post("/")
    request.user = staff
    model_admin = admin.site._registry[model]
    form_class = model_admin.get_form(request, instance, change=True)
    initial = {name: form_class(instance=instance)[name].value() for name in form_class.base_fields}
    form = form_class(data={**initial, field: text}, instance=instance)
    return not form.is_valid(), form.errors.get(field, [])


@pytest.mark.parametrize("way_in", [_page, _api, _admin], ids=["page", "api", "admin"])
@pytest.mark.parametrize(("kind", "field", "text", "message"), CASES)
def test_every_way_in_refuses_too_short_text_with_the_same_message(
    way_in, kind: str, field: str, text: str, message: str
) -> None:
    writer = make_lawyer().user if kind == "answer" else make_user()
    refused, errors = way_in(kind, field, text, writer)
    assert refused
    assert message in errors
    model = Question if kind == "question" else Answer
    assert not model.objects.filter(**{field: text.strip()}).exists()
