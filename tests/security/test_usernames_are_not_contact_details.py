"""A username is public (it is shown on every question asked under it): sign-up refuses one that
is an e-mail address, a mobile number or an ID number."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import User
from tests.matching import must_search

pytestmark = pytest.mark.django_db

PASSWORD = "a long and unusual passphrase"


def sign_up(client: Client, username: str):
    data = {
        "username": username,
        "email": "someone@example.com",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "agree_terms": "on",
    }
    return client.post(reverse("accounts:signup"), data)


@pytest.mark.parametrize(
    "username",
    ["zhang.san@qq.com", "13812345678", "zs13812345678", "11010519491231002X"],
)
def test_a_username_that_is_a_contact_detail_is_refused(client: Client, username: str) -> None:
    response = sign_up(client, username)
    assert response.status_code == 200
    assert "请不要使用邮箱、手机号或身份证号" in response.content.decode()
    assert not User.objects.filter(username=username).exists()


@pytest.mark.parametrize("username", ["zhang_san", "lawfan2024", "user_12345"])
def test_an_ordinary_username_is_accepted(client: Client, username: str) -> None:
    assert sign_up(client, username)["Location"] == reverse("accounts:signup-verify")
    code = must_search(r"^\s+(\d{6})$", mail.outbox[0].body, re.M)[1]
    client.post(reverse("accounts:signup-verify"), {"code": code})
    assert User.objects.filter(username=username).exists()
