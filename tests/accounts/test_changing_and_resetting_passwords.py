"""Changing a password, and resetting a forgotten one by e-mail."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from tests.matching import must_search

pytestmark = pytest.mark.django_db

NEW = "another-long-pass-phrase-7"


def test_a_user_resets_a_forgotten_password_by_email(client: Client, alice) -> None:
    response = client.post(reverse("accounts:password-reset"), {"email": alice.email})
    assert response["Location"] == reverse("accounts:password-reset-done")
    assert len(mail.outbox) == 1
    assert "\n" not in mail.outbox[0].subject
    link = must_search(r"http://testserver(/accounts/password/reset/\S+/)", mail.outbox[0].body)[1]
    form_page = client.get(link, follow=True)
    assert "设置新密码" in form_page.content.decode()
    response = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW}
    )
    assert response["Location"] == reverse("accounts:password-reset-complete")
    alice.refresh_from_db()
    assert alice.check_password(NEW)


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client: Client) -> None:
    response = client.post(reverse("accounts:password-reset"), {"email": "nobody@example.com"})
    assert response["Location"] == reverse("accounts:password-reset-done")
    assert mail.outbox == []


def test_a_forged_reset_link_is_refused(client: Client, alice) -> None:
    response = client.get(
        reverse("accounts:password-reset-confirm", args=["MQ", "set-password"]), follow=True
    )
    assert "链接无效" in response.content.decode()


def test_reset_requests_are_rate_limited(client: Client, alice, settings) -> None:
    settings.RATELIMIT_ENABLE = True
    cache.clear()
    statuses = [
        client.post(reverse("accounts:password-reset"), {"email": alice.email}).status_code
        for _ in range(6)
    ]
    cache.clear()
    assert statuses[:5] == [302] * 5
    assert statuses[5] == 429


def test_a_signed_in_user_changes_the_password(client: Client, alice) -> None:
    client.force_login(alice)
    response = client.post(
        reverse("accounts:password-change"),
        {
            "old_password": "correct horse battery staple",
            "new_password1": NEW,
            "new_password2": NEW,
        },
    )
    assert response["Location"] == reverse("accounts:account")
    alice.refresh_from_db()
    assert alice.check_password(NEW)


def test_a_wrong_old_password_is_a_chinese_error(client: Client, alice) -> None:
    client.force_login(alice)
    response = client.post(
        reverse("accounts:password-change"),
        {"old_password": "wrong", "new_password1": NEW, "new_password2": NEW},
    )
    assert response.status_code == 200
    assert "旧密码不正确" in response.content.decode()
    alice.refresh_from_db()
    assert alice.check_password("correct horse battery staple")


def test_visitors_cannot_change_a_password(client: Client) -> None:
    response = client.get(reverse("accounts:password-change"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
