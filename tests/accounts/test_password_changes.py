"""A changed or reset password ends the API token made with the old one; a password of
nothing but whitespace is refused."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token

from accounts.tokens import token_create
from tests.matching import must_search

pytestmark = pytest.mark.django_db

OLD = "correct horse battery staple"
NEW = "another-long-pass-phrase-7"


def api_status(key: str) -> int:
    return Client().get(reverse("api:question-list"), HTTP_AUTHORIZATION=f"Token {key}").status_code


def test_changing_the_password_revokes_the_api_token(client: Client, alice) -> None:
    key = token_create(alice)
    assert api_status(key) == 200
    client.force_login(alice)
    response = client.post(
        reverse("accounts:password-change"),
        {"old_password": OLD, "new_password1": NEW, "new_password2": NEW},
    )
    assert response["Location"] == reverse("accounts:account")
    assert not Token.objects.filter(user=alice).exists()
    assert api_status(key) == 401
    # The session that changed it stays signed in.
    assert client.get(reverse("accounts:account")).status_code == 200


def test_resetting_the_password_revokes_the_api_token(client: Client, alice) -> None:
    key = token_create(alice)
    client.post(reverse("accounts:password-reset"), {"email": alice.email})
    link = must_search(r"http://testserver(/accounts/password/reset/\S+/)", mail.outbox[0].body)[1]
    form_page = client.get(link, follow=True)
    client.post(form_page.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW})
    alice.refresh_from_db()
    assert alice.check_password(NEW)
    assert api_status(key) == 401


@pytest.mark.parametrize("blank", [" " * 8, " " * 12 + "\t", "\u3000" * 10])
def test_a_whitespace_only_password_is_refused(client: Client, alice, blank: str) -> None:
    client.force_login(alice)
    response = client.post(
        reverse("accounts:password-change"),
        {"old_password": OLD, "new_password1": blank, "new_password2": blank},
    )
    assert response.status_code == 200
    assert "密码不能只由空格或其他空白字符组成" in response.content.decode()
    alice.refresh_from_db()
    assert alice.check_password(OLD)


def test_a_whitespace_only_password_is_refused_at_sign_up(client: Client) -> None:
    response = client.post(
        reverse("accounts:signup"),
        {
            "username": "newuser",
            "email": "new@example.com",
            "password1": " " * 10,
            "password2": " " * 10,
        },
    )
    assert "密码不能只由空格或其他空白字符组成" in response.content.decode()
