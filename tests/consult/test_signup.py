"""Search and sign-up."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import User
from tests.factories import make_question

pytestmark = pytest.mark.django_db


def test_search_finds_titles_and_bodies_of_visible_questions(client: Client) -> None:
    make_question(title="宅基地能过户吗？")
    make_question(title="别的问题？", body="我家的宅基地想给儿子。")
    make_question(title="宅基地隐藏问题？", is_hidden=True)
    page = client.get(reverse("consult:search"), {"q": "宅基地"}).content.decode()
    assert "宅基地能过户吗" in page
    assert "别的问题" in page
    assert "宅基地隐藏问题" not in page
    assert "找到 2 个相关问题" in page


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": ""}, "请输入要搜索的关键词"),
        ({"q": "字" * 101}, "关键词最多 100 个字"),
        ({"q": "没有这种词"}, "没有找到"),
    ],
)
def test_search_explains_empty_and_bad_queries(client: Client, params: dict, message: str) -> None:
    response = client.get(reverse("consult:search"), params)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_search_without_a_query_shows_the_form(client: Client) -> None:
    assert client.get(reverse("consult:search")).status_code == 200


def test_a_visitor_signs_up_and_is_signed_in(client: Client) -> None:
    response = client.post(
        reverse("accounts:signup"),
        {
            "username": "newuser",
            "email": "New@Example.com",
            "password1": "a-long-pass-phrase-9",
            "password2": "a-long-pass-phrase-9",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(username="newuser")
    assert user.email == "new@example.com"
    assert client.get(reverse("accounts:account")).status_code == 200


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"username": ""}, "该字段是必填项"),
        ({"username": "ab"}, "4 到 30 个字符"),
        ({"email": "not-an-email"}, "请输入有效的电子邮箱地址"),
        ({"email": "alice@example.com"}, "该邮箱已注册"),
        ({"password2": "different-pass-phrase"}, "两个密码不一致"),
        ({"password1": "123", "password2": "123"}, "密码太短"),
    ],
)
def test_bad_sign_up_is_refused(client: Client, alice, overrides: dict, message: str) -> None:
    data = {
        "username": "newuser",
        "email": "new@example.com",
        "password1": "a-long-pass-phrase-9",
        "password2": "a-long-pass-phrase-9",
        **overrides,
    }
    response = client.post(reverse("accounts:signup"), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.filter(username="newuser").exists()


def test_sign_up_does_not_redirect_off_site(client: Client) -> None:
    response = client.post(
        reverse("accounts:signup") + "?next=https://evil.example/",
        {
            "username": "newuser",
            "email": "n@example.com",
            "password1": "a-long-pass-phrase-9",
            "password2": "a-long-pass-phrase-9",
        },
    )
    assert response["Location"] == reverse("consult:home")


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
        },
    )
    assert response.status_code == 200
    assert "已存在" in response.content.decode()
    assert User.objects.filter(username__iexact="alice").count() == 1
