"""Hiding and unhiding questions and answers from the admin."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import make_answer, make_question

pytestmark = pytest.mark.django_db


def test_hiding_a_question_removes_it_from_the_site_and_records_who(
    admin_client: Client, admin_user, client: Client
) -> None:
    question = make_question(title="需要隐藏的问题？")
    admin_client.post(
        reverse("admin:consult_question_changelist"),
        {"action": "hide_selected", "_selected_action": [question.pk]},
    )
    question.refresh_from_db()
    assert question.is_hidden
    assert question.history.first().history_user == admin_user
    assert client.get(question.get_absolute_url()).status_code == 404
    assert "需要隐藏的问题" not in client.get(reverse("consult:home")).content.decode()
    # Staff still see it, marked as hidden.
    assert "已被管理员隐藏" in admin_client.get(question.get_absolute_url()).content.decode()


def test_unhiding_brings_it_back(admin_client: Client, client: Client) -> None:
    question = make_question(is_hidden=True)
    admin_client.post(
        reverse("admin:consult_question_changelist"),
        {"action": "unhide_selected", "_selected_action": [question.pk]},
    )
    assert client.get(question.get_absolute_url()).status_code == 200


def test_hiding_an_answer_takes_it_off_the_question_page(
    admin_client: Client, client: Client
) -> None:
    answer = make_answer(body="这条回答会被隐藏。")
    admin_client.post(
        reverse("admin:consult_answer_changelist"),
        {"action": "hide_selected", "_selected_action": [answer.pk]},
    )
    answer.refresh_from_db()
    assert answer.is_hidden
    assert "这条回答会被隐藏" not in client.get(answer.question.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "admin:consult_question_changelist",
        "admin:consult_answer_changelist",
        "admin:consult_lawyerprofile_changelist",
        "admin:consult_category_changelist",
        "admin:consult_relatedlink_changelist",
        "admin:statutes_law_changelist",
        "admin:statutes_lawversion_changelist",
        "admin:statutes_article_changelist",
    ],
)
def test_every_curation_screen_opens(admin_client: Client, url: str) -> None:
    make_answer()
    assert admin_client.get(reverse(url)).status_code == 200


def test_a_visitor_is_sent_to_the_admin_login(client: Client) -> None:
    response = client.get(reverse("admin:consult_question_changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
