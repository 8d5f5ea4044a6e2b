"""Sign-up answers the same whether or not the e-mail address has an account; the address's
owner alone can finish it, with the code mailed to it."""

from __future__ import annotations

import re
import time

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import User
from accounts.signup import CODE_LIFETIME_SECONDS
from tests.matching import must_search

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-pass-phrase-9"


def sign_up(client: Client, email: str, username: str = "newuser"):
    return client.post(
        reverse("accounts:signup"),
        {
            "username": username,
            "email": email,
            "password1": PASSWORD,
            "password2": PASSWORD,
            "agree_terms": "on",
        },
    )


def verify(client: Client, code: str):
    return client.post(reverse("accounts:signup-verify"), {"code": code})


def page_text(client: Client, response) -> str:
    page = client.get(response["Location"]).content.decode()
    return re.sub(r"<input[^>]*csrfmiddlewaretoken[^>]*>", "", page)


def test_a_registered_address_gets_the_same_answer_as_a_new_one(alice) -> None:
    new, taken = Client(), Client()
    new_response = sign_up(new, "someone-new@example.com")
    taken_response = sign_up(taken, "Alice@Example.com")
    assert new_response.status_code == taken_response.status_code == 302
    assert new_response["Location"] == taken_response["Location"]
    new_page = page_text(new, new_response).replace("someone-new@example.com", "ADDRESS")
    taken_page = page_text(taken, taken_response).replace("alice@example.com", "ADDRESS")
    assert new_page == taken_page
    assert "该邮箱已注册" not in taken_page


def test_the_registered_address_is_told_someone_tried_and_gets_no_code(alice) -> None:
    sign_up(Client(), "alice@example.com")
    (message,) = mail.outbox
    assert message.to == ["alice@example.com"]
    assert "有人尝试用您的邮箱注册" in message.subject
    assert "/accounts/password/reset/" in message.body
    assert not re.search(r"\b\d{6}\b", str(message.body))


def test_no_code_creates_a_second_account_for_a_registered_address(alice) -> None:
    client = Client()
    sign_up(client, "alice@example.com")
    responses = [verify(client, f"{n:06d}") for n in range(5)]
    assert "验证码不正确，还可以再试 4 次" in responses[0].content.decode()
    assert responses[-1]["Location"] == reverse("accounts:signup")
    assert User.objects.filter(email__iexact="alice@example.com").count() == 1
    # The sign-up is gone: more guesses need the form (and a new mail) again.
    assert verify(client, "123456")["Location"] == reverse("accounts:signup")


def test_a_code_works_only_in_the_browser_that_signed_up() -> None:
    sign_up(Client(), "victim@example.com", username="attacker")
    code = must_search(r"^\s+(\d{6})$", mail.outbox[0].body, re.M)[1]
    other = Client()
    assert verify(other, code)["Location"] == reverse("accounts:signup")
    assert not User.objects.exists()


def test_an_expired_code_starts_the_sign_up_again(client: Client, monkeypatch) -> None:
    sign_up(client, "late@example.com")
    code = must_search(r"^\s+(\d{6})$", mail.outbox[0].body, re.M)[1]
    later = time.time() + CODE_LIFETIME_SECONDS + 1
    monkeypatch.setattr("accounts.signup.time.time", lambda: later)
    response = verify(client, code)
    assert response["Location"] == reverse("accounts:signup")
    assert "验证码已失效" in client.get(response["Location"]).content.decode()
    assert not User.objects.exists()


def test_a_username_taken_while_the_mail_travelled_is_a_clear_message(client: Client) -> None:
    sign_up(client, "slow@example.com", username="popular")
    code = must_search(r"^\s+(\d{6})$", mail.outbox[0].body, re.M)[1]
    User.objects.create_user("Popular", "fast@example.com", PASSWORD)
    response = verify(client, code)
    assert "用户名刚刚被别人注册了" in client.get(response["Location"]).content.decode()
    assert User.objects.count() == 1


@pytest.mark.parametrize("code", ["", "12345", "abcdef", "１２３４５６", "1234567"])
def test_a_malformed_code_is_a_chinese_error(client: Client, code: str) -> None:
    sign_up(client, "typo@example.com")
    response = verify(client, code)
    assert response.status_code == 200
    assert "验证码" in response.content.decode()
    assert not User.objects.exists()


def test_the_verify_page_without_a_sign_up_sends_back_to_the_form(client: Client) -> None:
    assert client.get(reverse("accounts:signup-verify"))["Location"] == reverse("accounts:signup")
