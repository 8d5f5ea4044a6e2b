"""One write budget per account (THROTTLE_WRITES, 30/min): the site's forms and the API spend
the same count, a token and a session count as the same account, and the refusal says how long
to wait. Across processes: tests/portal/test_one_write_budget_across_processes.py."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from accounts.models import User
from consult.models import Question
from portal.limits import spend
from tests.factories import make_category

pytestmark = pytest.mark.django_db


@pytest.fixture
def criminal():
    return make_category("刑事", slug="criminal")


def ask_on_the_page(client: Client, n: int, category_pk: int) -> int:
    form = {
        "title": f"第{n}个问题：离婚时彩礼要退吗？",
        "body": "我们结婚一年多，现在准备离婚，对方要求退还彩礼。",
        "category": category_pk,
    }
    return client.post(reverse("consult:question-create"), form).status_code


def ask_through_the_api(api: APIClient, n: int) -> int:
    body = {
        "title": f"接口的第{n}个问题：彩礼要退吗？",
        "body": "我们结婚一年多，现在准备离婚，对方要求退还彩礼。",
        "category": "criminal",
    }
    return api.post(reverse("api:question-list"), body, format="json").status_code


def test_the_page_and_the_api_spend_one_budget(alice: User, criminal) -> None:
    page = Client()
    page.force_login(alice)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=alice).key}")

    page_statuses = [ask_on_the_page(page, n, criminal.pk) for n in range(15)]
    api_statuses = [ask_through_the_api(api, n) for n in range(15)]

    assert page_statuses == [302] * 15
    assert api_statuses == [201] * 15
    assert ask_on_the_page(page, 99, criminal.pk) == 429
    assert ask_through_the_api(api, 99) == 429
    assert Question.objects.filter(author=alice).count() == 30


def test_the_refusals_say_how_long_to_wait(alice: User, criminal) -> None:
    page = Client()
    page.force_login(alice)
    for n in range(30):
        ask_on_the_page(page, n, criminal.pk)

    refused_page = page.post(reverse("consult:question-create"), {"title": "再问一个？"})
    refused_api = APIClient()
    refused_api.force_authenticate(alice)
    refused = refused_api.post(reverse("api:question-list"), {}, format="json")

    assert refused_page.status_code == 429
    assert 0 < int(refused_page["Retry-After"]) <= 60
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    assert refused.json()["detail"]


def test_one_accounts_writes_leave_anothers_budget_alone(alice: User, bob: User, criminal) -> None:
    for _ in range(30):
        spend(bucket=f"writes:user:{alice.pk}", limit=30, period=60)

    page = Client()
    page.force_login(bob)

    assert ask_on_the_page(page, 1, criminal.pk) == 302


def test_a_new_window_opens_when_the_old_one_has_ended(monkeypatch) -> None:
    now = 1_000_000.0
    monkeypatch.setattr("portal.limits.time.time", lambda: now)
    spent = [spend(bucket="writes:ip:192.0.2.1", limit=2, period=60) for _ in range(3)]
    assert [s.allowed for s in spent] == [True, True, False]
    assert spent[-1].retry_after == 60

    now += 30
    assert spend(bucket="writes:ip:192.0.2.1", limit=2, period=60).retry_after == 30
    now += 31
    assert spend(bucket="writes:ip:192.0.2.1", limit=2, period=60).allowed
