"""A user downloads everything stored about them, and deletes their account: personal data
gone in one go, what they published left under "已注销用户" (or deleted, if they choose)."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from accounts.models import User
from consult import counters
from consult.models import LawyerProfile, Notification, Question
from consult.services import answers as answer_services
from consult.services import questions as question_services
from consult.services.personal_data import account_delete
from tests.factories import make_answer, make_helpful_mark, make_lawyer, make_question, make_user

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"  # tests.factories.make_user's


@pytest.fixture
def lawyer() -> LawyerProfile:
    return make_lawyer(make_user("lars"), real_name="林大律")


@pytest.fixture
def asked(alice, lawyer: LawyerProfile) -> Question:
    """alice's question, answered by lars (so she has a notification), edited after it."""
    question = make_question(author=alice, title="我的身份信息被卖了怎么办？")
    answer_services.answer_create(
        question=question, by=lawyer.user, body="建议先报警并保存证据，聊天记录和转账凭证都要留好。"
    )
    question_services.question_update(
        question=question,
        by=alice,
        title=question.title,
        body="我叫王小明，住在幸福小区。",
        category=question.category,
        is_anonymous=False,
    )
    make_helpful_mark(make_answer(), user=alice)
    return question


def test_the_account_page_downloads_everything_stored_about_the_user(
    client: Client, alice, asked: Question
) -> None:
    client.force_login(alice)
    assert (
        reverse("accounts:account-export")
        in client.get(reverse("accounts:account")).content.decode()
    )
    response = client.get(reverse("accounts:account-export"))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == "alice@example.com"
    assert [q["title"] for q in data["questions"]] == [asked.title]
    assert len(data["helpful_marks"]) == 1
    assert [n["kind"] for n in data["notifications"]] == ["answer_posted"]
    assert data["lawyer_application"] is None
    assert "password" not in json.dumps(data["account"])


def test_a_lawyer_export_holds_their_application_and_answers(
    lawyer: LawyerProfile, asked: Question
) -> None:
    api = APIClient()
    api.force_login(lawyer.user)
    data = api.get(reverse("api:me-export")).json()
    assert data["lawyer_application"]["real_name"] == "林大律"
    assert data["lawyer_application"]["license_number"] == lawyer.license_number
    assert [a["question"] for a in data["answers"]] == [asked.pk]


def test_a_visitor_exports_nothing() -> None:
    assert APIClient().get(reverse("api:me-export")).status_code == 401
    response = Client().get(reverse("accounts:account-export"))
    assert response.status_code == 302


def test_deleting_the_account_needs_the_password(client: Client, alice) -> None:
    client.force_login(alice)
    response = client.post(reverse("accounts:account-delete"), {"password": "guess"})
    assert "密码不正确" in response.content.decode()
    alice.refresh_from_db()
    assert alice.deleted_at is None and alice.is_active


def test_deleting_the_account_removes_personal_data_and_keeps_the_question_anonymous(
    client: Client, alice, asked: Question
) -> None:
    Token.objects.create(user=alice)
    client.force_login(alice)
    response = client.post(reverse("accounts:account-delete"), {"password": PASSWORD})
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.deleted_at is not None
    assert (alice.email, alice.first_name, alice.last_name) == ("", "", "")
    assert alice.username == f"deleted-{alice.pk}"
    assert not alice.has_usable_password() and not alice.is_active
    assert not Token.objects.filter(user=alice).exists()
    assert not Notification.objects.filter(recipient=alice).exists()
    # The earlier version (with her name) is gone from the history; the current text stays.
    assert asked.history.count() == 0
    # Signed out, and her session does not come back.
    assert client.get(reverse("accounts:account")).status_code == 302
    page = Client().get(asked.get_absolute_url()).content.decode()
    assert "已注销用户" in page
    assert "alice" not in page
    assert counters.differences() == []


def test_deleting_the_account_with_its_questions_deletes_them_and_drops_the_helped_count(
    alice, lawyer: LawyerProfile, asked: Question
) -> None:
    lawyer.refresh_from_db()
    assert lawyer.helped_count == 1
    account_delete(user=alice, password=PASSWORD, delete_questions=True)
    asked.refresh_from_db()
    lawyer.refresh_from_db()
    assert asked.is_deleted
    assert lawyer.helped_count == 0
    assert Client().get(asked.get_absolute_url()).status_code == 404
    assert counters.differences() == []


def test_a_lawyer_deleting_their_account_leaves_answers_without_their_name(
    lawyer: LawyerProfile, asked: Question
) -> None:
    api = APIClient()
    api.force_login(lawyer.user)
    refused = api.delete(reverse("api:me"), {"password": "guess"}, format="json")
    assert refused.status_code == 400
    assert refused.json()["password"] == ["密码不正确。"]
    assert api.delete(reverse("api:me"), {"password": PASSWORD}, format="json").status_code == 204
    lawyer.refresh_from_db()
    assert (lawyer.real_name, lawyer.license_number, lawyer.law_firm) == ("已注销用户", "", "")
    assert lawyer.status == LawyerProfile.Status.REVOKED
    assert lawyer.history.count() == 0
    page = Client().get(asked.get_absolute_url()).content.decode()
    assert "林大律" not in page
    assert "建议先报警并保存证据" in page
    assert User.objects.get(pk=lawyer.user_id).email == ""


def test_the_api_refuses_a_visitor_and_throttles_guessing(alice, settings) -> None:
    assert (
        APIClient().delete(reverse("api:me"), {"password": "x"}, format="json").status_code == 401
    )
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
            "account": "2/hour",
        },
    }
    api = APIClient()
    api.force_login(alice)
    codes = [
        api.delete(reverse("api:me"), {"password": "guess"}, format="json").status_code
        for _ in range(3)
    ]
    assert codes == [400, 400, 429]
