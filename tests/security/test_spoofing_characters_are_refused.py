"""Titles and names are shown as one line: bidi controls, zero-width characters, line and
paragraph separators and CR/LF in them are refused, on the site's forms and in the API."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import User
from consult.models import LawyerProfile, Question
from tests.factories import make_category

pytestmark = pytest.mark.django_db

MESSAGE = "不能包含换行、制表符、零宽字符或改变文字方向的控制字符"

SPOOFS = {
    "right-to-left override": "请问这是\u202e谁的律师\u202c吗？",
    "isolate": "请问这是\u2067谁的律师\u2069吗？",
    "zero-width space": "离婚彩礼\u200b要退吗？",
    "zero-width joiner": "离婚彩礼\u200d要退吗？",
    "byte order mark": "离婚彩礼\ufeff要退吗？",
    "word joiner": "离婚彩礼\u2060要退吗？",
    "line separator": "离婚彩礼要退吗？\u2028管理员：已解决",
    "paragraph separator": "离婚彩礼要退吗？\u2029管理员：已解决",
    "CR/LF": "离婚彩礼要退吗？\r\n管理员：已解决",
}


@pytest.fixture
def category():
    return make_category("婚姻家庭", slug="family")


@pytest.mark.parametrize("title", SPOOFS.values(), ids=SPOOFS.keys())
def test_the_ask_page_refuses_a_spoofing_title(client: Client, alice, category, title) -> None:
    client.force_login(alice)
    response = client.post(
        reverse("consult:question-create"),
        {"title": title, "body": "我们结婚一年多，现在准备离婚。", "category": category.pk},
    )
    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    assert not Question.objects.exists()


@pytest.mark.parametrize("title", SPOOFS.values(), ids=SPOOFS.keys())
def test_the_api_refuses_a_spoofing_title(alice, category, title) -> None:
    api = APIClient()
    api.force_authenticate(alice)
    response = api.post(
        reverse("api:question-list"),
        {"title": title, "body": "我们结婚一年多，现在准备离婚。", "category": "family"},
        format="json",
    )
    assert response.status_code == 400
    assert MESSAGE in response.json()["title"][0]
    assert not Question.objects.exists()


def test_an_ordinary_title_with_punctuation_and_emoji_still_goes_through(
    client: Client, alice, category
) -> None:
    client.force_login(alice)
    client.post(
        reverse("consult:question-create"),
        {
            "title": "“彩礼”要退吗？（已订婚 2 年）😢",
            "body": "我们结婚一年多，现在准备离婚。",
            "category": category.pk,
        },
    )
    assert Question.objects.get().title == "“彩礼”要退吗？（已订婚 2 年）😢"


@pytest.mark.parametrize("field", ["real_name", "law_firm", "region"])
def test_the_lawyer_application_refuses_spoofing_names(client: Client, bob, field) -> None:
    area = make_category("刑事", slug="criminal")
    data = {
        "real_name": "包律师",
        "license_number": "11101201912345678",
        "law_firm": "示例律师事务所",
        "region": "北京市东城区",
        "practice_areas": [area.pk],
        field: "示例\u202e所务事师律\u202c",
    }
    client.force_login(bob)
    response = client.post(reverse("consult:lawyer-apply"), data)
    assert MESSAGE in response.content.decode()
    assert not LawyerProfile.objects.filter(user=bob).exists()


@pytest.mark.parametrize("username", ["ali\u200bce", "ali\u202ece", "alice\u2028x"])
def test_sign_up_refuses_a_spoofing_username(client: Client, username) -> None:
    response = client.post(
        reverse("accounts:signup"),
        {
            "username": username,
            "email": "new@example.com",
            "password1": "a-long-pass-phrase-9",
            "password2": "a-long-pass-phrase-9",
            "agree_terms": "on",
        },
    )
    assert response.status_code == 200
    assert not User.objects.exists()


def test_a_display_name_set_in_the_admin_is_checked_too(alice) -> None:
    alice.first_name = "管理员\u202e"
    with pytest.raises(ValidationError) as raised:
        alice.full_clean()
    assert MESSAGE in str(raised.value.message_dict["first_name"])
