"""The unsubscribe link of the notification e-mails: opening it only asks; the button, or a mail
client's RFC 8058 one-click POST, unsubscribes."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from consult.services.notifications import unsubscribe_token

pytestmark = pytest.mark.django_db


def unsubscribe_url(user) -> str:
    return reverse("accounts:unsubscribe", args=[unsubscribe_token(user)])


def subscribed(user) -> bool:
    user.refresh_from_db()
    return user.email_notifications


def test_opening_the_link_only_asks_for_confirmation(client: Client, alice) -> None:
    # Mail scanners and link previews open every link in a mail.
    page = client.get(unsubscribe_url(alice)).content.decode()
    assert "确认退订" in page
    assert '<form method="post">' in page
    assert subscribed(alice)


def test_the_confirmation_button_unsubscribes(alice) -> None:
    client = Client(enforce_csrf_checks=True)
    client.get(unsubscribe_url(alice))
    csrf = client.cookies["csrftoken"].value
    response = client.post(unsubscribe_url(alice), {"csrfmiddlewaretoken": csrf})
    assert response.status_code == 200
    assert "已退订" in response.content.decode()
    assert not subscribed(alice)


def test_the_confirmation_button_is_checked_against_csrf(alice) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post(unsubscribe_url(alice), {})
    assert response.status_code == 403
    assert subscribed(alice)


def test_a_mail_clients_one_click_post_unsubscribes_without_csrf(alice) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post(unsubscribe_url(alice), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not subscribed(alice)


def test_a_one_click_post_with_another_body_is_checked_against_csrf(alice) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post(unsubscribe_url(alice), {"List-Unsubscribe": "yes"})
    assert response.status_code == 403
    assert subscribed(alice)


def test_resubscribing_works(client: Client, alice) -> None:
    client.post(unsubscribe_url(alice))
    assert not subscribed(alice)
    response = client.post(unsubscribe_url(alice), {"resubscribe": "1"})
    assert "已重新订阅" in response.content.decode()
    assert subscribed(alice)


@pytest.mark.parametrize("token", ["garbage", "1:abc:def"])
def test_a_forged_token_changes_nothing(client: Client, alice, token: str) -> None:
    url = reverse("accounts:unsubscribe", args=[token])
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 400
    assert "退订链接无效" in response.content.decode()
    assert subscribed(alice)


def test_other_methods_are_refused(client: Client, alice) -> None:
    assert client.put(unsubscribe_url(alice)).status_code == 405
    assert subscribed(alice)
