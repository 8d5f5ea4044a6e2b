"""我要提问 → 登录 → 注册 → 验证码: the visitor lands on the ask form, told why they sign in."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import User
from tests.factories import make_user

pytestmark = pytest.mark.django_db

ASK = reverse("consult:question-create")
SIGN_UP = {
    "username": "newasker",
    "email": "asker@example.com",
    "password1": "a-long-pass-phrase-9",
    "password2": "a-long-pass-phrase-9",
    "agree_terms": "on",
}


def mailed_code() -> str:
    found = re.search(r"^\s+(\d{6})$", str(mail.outbox[-1].body), re.M)
    assert found is not None
    return found[1]


def test_asking_sends_a_visitor_to_sign_in_and_says_why(client: Client) -> None:
    response = client.get(ASK, follow=True)
    login_url, _ = response.redirect_chain[-1]
    assert login_url.startswith(reverse("accounts:login"))
    content = response.content.decode()
    assert "登录后即可提问" in content
    assert f'{reverse("accounts:signup")}?next={quote(ASK)}"' in content


def test_a_visitor_who_signs_up_from_there_lands_on_the_ask_form(client: Client) -> None:
    signup_url = f"{reverse('accounts:signup')}?next={quote(ASK)}"
    page = client.get(signup_url).content.decode()
    assert "登录后即可提问" in page
    response = client.post(signup_url, SIGN_UP)
    verify_url = response["Location"]
    assert verify_url == f"{reverse('accounts:signup-verify')}?next={quote(ASK, safe='')}"
    page = client.get(verify_url).content.decode()
    assert f'{reverse("accounts:signup")}?next={quote(ASK)}"' in page
    response = client.post(verify_url, {"code": mailed_code()})
    assert response["Location"] == ASK
    assert User.objects.filter(username="newasker").exists()
    assert client.get(ASK).status_code == 200


def test_a_visitor_who_signs_in_lands_on_the_ask_form(client: Client) -> None:
    make_user("alice")
    response = client.post(
        f"{reverse('accounts:login')}?next={quote(ASK)}",
        {"username": "alice", "password": "correct horse battery staple", "next": ASK},
    )
    assert response["Location"] == ASK


@pytest.mark.parametrize(
    "evil", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)", "\\\\evil"]
)
def test_a_next_to_another_site_is_dropped_at_every_step(client: Client, evil: str) -> None:
    signup_url = f"{reverse('accounts:signup')}?next={quote(evil)}"
    assert client.get(signup_url).context["next"] == ""
    response = client.post(signup_url, SIGN_UP)
    assert response["Location"] == reverse("accounts:signup-verify")
    response = client.post(
        f"{reverse('accounts:signup-verify')}?next={quote(evil)}", {"code": mailed_code()}
    )
    assert response["Location"] == reverse("consult:home")


def test_a_signed_in_user_sent_to_sign_up_goes_on_to_next(client: Client) -> None:
    client.force_login(make_user())
    response = client.get(f"{reverse('accounts:signup')}?next={quote(ASK)}")
    assert response["Location"] == ASK


def test_sign_up_requires_agreeing_to_the_terms_and_privacy_policy(client: Client) -> None:
    page = client.get(reverse("accounts:signup")).content.decode()
    assert 'name="agree_terms"' in page
    assert reverse("pages:terms") in page and reverse("pages:privacy") in page
    response = client.post(reverse("accounts:signup"), {**SIGN_UP, "agree_terms": ""})
    assert response.status_code == 200
    assert "请阅读并同意《用户协议》和《隐私政策》" in response.content.decode()
    assert not mail.outbox
