"""The API publishes only masked forms, and a write's response says what it masked."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from consult.services import questions as question_services
from tests.factories import make_category, make_lawyer, make_question, make_user

pytestmark = pytest.mark.django_db

BODY = "我的身份证号 11010519491231002X 和手机 13812345678 被公司贴在了公告栏上。"


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_login(user)
    return client


def test_asking_answers_with_what_was_masked(alice) -> None:
    category = make_category(slug="criminal")
    response = client_for(alice).post(
        reverse("api:question-list"),
        {"title": "信息被公开了怎么办？", "body": BODY, "category": "criminal"},
        format="json",
    )
    assert response.status_code == 201, response.content.decode()
    data = response.json()
    assert data["masked"] == [
        {"kind": "身份证号", "masked": "110105********002X"},
        {"kind": "手机号", "masked": "138****5678"},
    ]
    assert (
        data["body"] == "我的身份证号 110105********002X 和手机 138****5678 被公司贴在了公告栏上。"
    )
    assert category.questions.get().body == data["body"]


def test_an_edit_answers_with_what_it_masked_and_a_plain_edit_with_nothing(alice) -> None:
    question = make_question(author=alice)
    url = reverse("api:question-detail", args=[question.pk])
    client = client_for(alice)
    response = client.patch(url, {"body": "新手机 13912345678，请律师联系。"}, format="json")
    assert response.status_code == 200, response.content.decode()
    assert response.json()["masked"] == [{"kind": "手机号", "masked": "139****5678"}]
    response = client.patch(url, {"title": "改一下标题可以吗？"}, format="json")
    assert response.json()["masked"] == []
    assert response.json()["body"] == "新手机 139****5678，请律师联系。"


def test_detail_and_list_excerpt_hold_only_the_masked_form() -> None:
    question = question_services.question_create(
        author=make_user(), title="信息被公开了怎么办？", body=BODY, category=make_category()
    )
    visitor = APIClient()
    detail = visitor.get(reverse("api:question-detail", args=[question.pk])).json()
    rows = visitor.get(reverse("api:question-list")).json()["results"]
    assert "masked" not in detail  # a read reports nothing: the raw text was never kept
    for text in (detail["body"], rows[0]["excerpt"]):
        assert "110105********002X" in text
        assert "11010519491231002X" not in text and "13812345678" not in text


def test_an_answer_written_through_the_api_is_masked(alice) -> None:
    question = make_question(author=alice)
    lawyer = make_lawyer()
    response = client_for(lawyer.user).post(
        reverse("api:question-answer-list", args=[question.pk]),
        {"body": "请把证据发到 lawyer.wang@example.com，我们再详细分析。"},
        format="json",
    )
    assert response.status_code == 201, response.content.decode()
    assert response.json()["masked"] == [{"kind": "电子邮箱", "masked": "l***@example.com"}]
    assert "lawyer.wang" not in response.json()["body"]
