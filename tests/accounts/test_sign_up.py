"""Sign-up: the form, then the code mailed to the address."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import User
from tests.matching import must_search

pytestmark = pytest.mark.django_db


def mailed_code() -> str:
    return must_search(r"^\s+(\d{6})$", mail.outbox[-1].body, re.M)[1]


def test_a_visitor_signs_up_with_the_mailed_code_and_is_signed_in(client: Client) -> None:
    response = client.post(
        reverse("accounts:signup"),
        {
            "username": "newuser",
            "email": "New@Example.com",
            "password1": "a-long-pass-phrase-9",
            "password2": "a-long-pass-phrase-9",
            "agree_terms": "on",
        },
    )
    assert response["Location"] == reverse("accounts:signup-verify")
    assert not User.objects.exists()  # nothing until the address is proved
    assert mail.outbox[0].to == ["new@example.com"]
    response = client.post(reverse("accounts:signup-verify"), {"code": mailed_code()})
    assert response.status_code == 302
    user = User.objects.get(username="newuser")
    assert user.email == "new@example.com"
    assert user.check_password("a-long-pass-phrase-9")
    assert client.get(reverse("accounts:account")).status_code == 200


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"username": ""}, "该字段是必填项"),
        ({"username": "ab"}, "4 到 30 个字符"),
        ({"email": "not-an-email"}, "请输入有效的电子邮箱地址"),
        ({"password2": "different-pass-phrase"}, "两个密码不一致"),
        ({"password1": "123", "password2": "123"}, "密码太短"),
        ({"agree_terms": ""}, "请阅读并同意《用户协议》和《隐私政策》"),
    ],
)
def test_bad_sign_up_is_refused(client: Client, alice, overrides: dict, message: str) -> None:
    data = {
        "username": "newuser",
        "email": "new@example.com",
        "password1": "a-long-pass-phrase-9",
        "password2": "a-long-pass-phrase-9",
        "agree_terms": "on",
        **overrides,
    }
    response = client.post(reverse("accounts:signup"), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.filter(username="newuser").exists()


def test_sign_up_does_not_redirect_off_site(client: Client) -> None:
    query = "?next=https://evil.example/"
    client.post(
        reverse("accounts:signup") + query,
        {
            "username": "newuser",
            "email": "n@example.com",
            "password1": "a-long-pass-phrase-9",
            "password2": "a-long-pass-phrase-9",
            "agree_terms": "on",
        },
    )
    response = client.post(reverse("accounts:signup-verify") + query, {"code": mailed_code()})
    assert response["Location"] == reverse("consult:home")


def test_sign_up_keeps_an_on_site_next(client: Client) -> None:
    query = "?next=/accounts/me/"
    response = client.post(
        reverse("accounts:signup") + query,
        {
            "username": "newuser",
            "email": "n@example.com",
            "password1": "a-long-pass-phrase-9",
            "password2": "a-long-pass-phrase-9",
            "agree_terms": "on",
        },
    )
    assert response["Location"] == reverse("accounts:signup-verify") + "?next=%2Faccounts%2Fme%2F"
    response = client.post(response["Location"], {"code": mailed_code()})
    assert response["Location"] == "/accounts/me/"


def test_sign_in_and_out(client: Client, alice) -> None:
    response = client.post(
        reverse("accounts:login"), {"username": "alice", "password": "correct horse battery staple"}
    )
    assert response.status_code == 302
    client.post(reverse("accounts:logout"))
    assert "登录" in client.get(reverse("consult:home")).content.decode()


def test_a_wrong_password_is_a_chinese_error(client: Client, alice) -> None:
    response = client.post(reverse("accounts:login"), {"username": "alice", "password": "wrong"})
    assert response.status_code == 200
    assert "请输入一个正确的" in response.content.decode()


@pytest.mark.parametrize("taken", ["alice", "ALICE"])
def test_a_taken_username_is_a_chinese_error_not_a_crash(client: Client, alice, taken: str) -> None:
    response = client.post(
        reverse("accounts:signup"),
        {
            "username": taken,
            "email": "other@example.com",
            "password1": "a-long-pass-phrase-9",
            "password2": "a-long-pass-phrase-9",
            "agree_terms": "on",
        },
    )
    assert response.status_code == 200
    assert "已存在" in response.content.decode()
    assert User.objects.filter(username__iexact="alice").count() == 1
