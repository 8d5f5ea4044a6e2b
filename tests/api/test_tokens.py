"""Token authentication: `Authorization: Token …`, created and revoked by accounts.tokens."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import User
from accounts.tokens import token_create, token_exists, token_revoke
from consult.models import Question
from tests.factories import article, make_category, make_user

pytestmark = pytest.mark.django_db


def with_token(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def ask(client: APIClient):
    make_category("刑事", slug="criminal")
    return client.post(
        reverse("api:question-list"),
        {"title": "用令牌提问？", "body": "通过 API 提的问题。", "category": "criminal"},
        format="json",
    )


def test_a_token_signs_the_request_in(alice: User) -> None:
    response = ask(with_token(token_create(alice)))
    assert response.status_code == 201, response.content.decode()
    assert Question.objects.get(pk=response.json()["id"]).author == alice


def test_a_revoked_token_stops_working(alice: User) -> None:
    key = token_create(alice)
    token_revoke(alice)
    response = ask(with_token(key))
    assert response.status_code == 401
    assert not token_exists(alice)


def test_a_new_token_replaces_the_old_one(alice: User) -> None:
    old = token_create(alice)
    new = token_create(alice)
    assert old != new
    assert with_token(old).get(reverse("api:lawyer-me")).status_code == 401
    assert with_token(new).get(reverse("api:lawyer-me")).status_code == 404  # signed in
    assert token_exists(alice)


def test_revoking_without_a_token_does_nothing(alice: User) -> None:
    token_revoke(alice)
    assert not token_exists(alice)


def test_an_inactive_account_gets_no_token() -> None:
    with pytest.raises(PermissionDenied):
        token_create(make_user(is_active=False))


def test_a_token_of_a_deactivated_account_stops_working(alice: User) -> None:
    key = token_create(alice)
    alice.is_active = False
    alice.save()
    assert with_token(key).get(reverse("api:lawyer-me")).status_code == 401


def test_an_edit_made_with_a_token_is_recorded_as_the_curators(staff: User) -> None:
    target = article("criminal-law", 253, 1)
    response = with_token(token_create(staff)).patch(
        reverse("api:article-detail", args=[target.pk]),
        {"text": target.text + "\n（令牌校对）"},
        format="json",
    )
    assert response.status_code == 200, response.content.decode()
    assert target.history.first().history_user == staff


def test_a_session_write_needs_no_token_but_a_csrf_token(alice: User) -> None:
    """The site's own JavaScript signs in by session, and DRF enforces CSRF for it."""
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(alice)
    response = ask(client)
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
