"""隐私政策 and 用户协议: written for this site, linked from every page."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_privacy_policy_covers_what_the_site_does(client: Client) -> None:
    response = client.get(reverse("pages:privacy"))
    assert response.status_code == 200
    content = response.content.decode()
    for topic in (
        "用户名",
        "电子邮箱",
        "138****5678",
        "匿名用户",
        "删除",
        "注销",
        "日志",
        "Cookie",
    ):
        assert topic in content, topic


def test_the_terms_say_answers_are_not_legal_advice(client: Client) -> None:
    response = client.get(reverse("pages:terms"))
    assert response.status_code == 200
    assert "不构成正式的法律意见" in response.content.decode()


@pytest.mark.parametrize("url", [reverse("consult:home"), reverse("statutes:law-list")])
def test_every_page_footer_links_both(client: Client, url: str) -> None:
    content = client.get(url).content.decode()
    assert f'href="{reverse("pages:privacy")}"' in content
    assert f'href="{reverse("pages:terms")}"' in content
