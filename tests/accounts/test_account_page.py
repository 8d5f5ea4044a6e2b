"""The account page: my questions, e-mail settings, and the API token (create and revoke)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token

from tests.factories import make_question

pytestmark = pytest.mark.django_db


def test_a_user_creates_a_token_and_sees_it_once(client: Client, alice) -> None:
    client.force_login(alice)
    response = client.post(reverse("accounts:api-token"), {"action": "create"})
    key = Token.objects.get(user=alice).key
    page = response.content.decode()
    assert f'<code class="token" id="new-token">{key}</code>' in page
    assert page.count(key) == 1
    assert "no-store" in response["Cache-Control"]
    assert key not in client.get(reverse("accounts:account")).content.decode()
    api = Client(HTTP_AUTHORIZATION=f"Token {key}")
    assert api.get(reverse("api:lawyer-me")).status_code in (200, 404)


def test_regenerating_replaces_the_old_token(client: Client, alice) -> None:
    client.force_login(alice)
    client.post(reverse("accounts:api-token"), {"action": "create"})
    first = Token.objects.get(user=alice).key
    client.post(reverse("accounts:api-token"), {"action": "create"})
    assert Token.objects.get(user=alice).key != first


def test_revoking_stops_the_token_at_once(client: Client, alice) -> None:
    client.force_login(alice)
    client.post(reverse("accounts:api-token"), {"action": "create"})
    key = Token.objects.get(user=alice).key
    client.post(reverse("accounts:api-token"), {"action": "revoke"})
    assert not Token.objects.filter(user=alice).exists()
    response = Client(HTTP_AUTHORIZATION=f"Token {key}").get(reverse("api:lawyer-me"))
    assert response.status_code == 401


def test_an_unknown_action_is_refused(client: Client, alice) -> None:
    client.force_login(alice)
    assert client.post(reverse("accounts:api-token"), {"action": "steal"}).status_code == 400
    assert not Token.objects.exists()


def test_visitors_and_get_requests_cannot_touch_tokens(client: Client, alice) -> None:
    assert client.post(reverse("accounts:api-token"), {"action": "create"}).status_code == 302
    client.force_login(alice)
    assert client.get(reverse("accounts:api-token")).status_code == 405
    assert not Token.objects.exists()


def test_the_account_page_lists_my_questions_only(client: Client, alice, bob) -> None:
    make_question(author=alice, title="我自己的问题？")
    make_question(author=alice, title="被隐藏的我的问题？", is_hidden=True)
    make_question(author=bob, title="别人的问题？")
    client.force_login(alice)
    page = client.get(reverse("accounts:account")).content.decode()
    assert "我自己的问题" in page
    assert "被隐藏的我的问题" in page and "已被管理员隐藏" in page
    assert "别人的问题" not in page


def test_the_account_page_toggles_emails(client: Client, alice) -> None:
    client.force_login(alice)
    client.post(reverse("accounts:account"), {})
    alice.refresh_from_db()
    assert not alice.email_notifications
    client.post(reverse("accounts:account"), {"email_notifications": "on"})
    alice.refresh_from_db()
    assert alice.email_notifications
