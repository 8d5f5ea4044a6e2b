"""Asking a question of a lawyer ("向TA提问") through the API."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.urls import reverse

from accounts.models import User
from consult.models import LawyerProfile, Notification, Question
from tests.factories import make_category, make_lawyer

pytestmark = pytest.mark.django_db
ASK = reverse("api:question-list")


def _question(**fields: object) -> dict[str, object]:
    make_category("劳动纠纷", slug="labor")
    return {
        "title": "公司拖欠工资怎么办？",
        "body": "公司已经三个月没有发工资了，我该怎么办？",
        "category": "labor",
        **fields,
    }


def test_a_question_addressed_to_a_verified_lawyer_notifies_them(
    client_for: Callable, alice: User, verified_lawyer: LawyerProfile
) -> None:
    response = client_for(alice).post(
        ASK, _question(addressed_to=verified_lawyer.pk), format="json"
    )
    assert response.status_code == 201, response.content.decode()
    assert Question.objects.get().addressed_to == verified_lawyer
    kinds = list(verified_lawyer.user.notifications.values_list("kind", flat=True))
    assert kinds == [Notification.Kind.QUESTION_ADDRESSED]


@pytest.mark.parametrize(
    ("value", "error"),
    [
        ("pending", "没有这位认证律师。"),
        (99999, "没有这位认证律师。"),
        ("abc", "整数"),
        (2**70, "没有这位认证律师。"),
    ],
)
def test_a_bad_lawyer_is_refused_field_by_field(
    client_for: Callable, alice: User, value: object, error: str
) -> None:
    if value == "pending":
        value = make_lawyer(status=LawyerProfile.Status.PENDING).pk
    response = client_for(alice).post(ASK, _question(addressed_to=value), format="json")
    assert response.status_code == 400
    assert error in response.json()["addressed_to"][0]
    assert not Question.objects.exists()


def test_a_lawyer_cannot_address_a_question_to_themselves(
    client_for: Callable, verified_lawyer: LawyerProfile
) -> None:
    response = client_for(verified_lawyer.user).post(
        ASK, _question(addressed_to=verified_lawyer.pk), format="json"
    )
    assert response.status_code == 400
    assert "不能向自己提问" in response.json()["addressed_to"][0]
