"""django-ratelimit's "ip" key reads REMOTE_ADDR: behind a reverse proxy that is the proxy, and
every visitor would share one sign-up budget. It reads X-Forwarded-For as DRF's throttles do."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"


def sign_up(client: Client) -> int:
    # An invalid form still counts: the limit is on attempts, not on accounts made.
    return client.post(reverse("accounts:signup"), {"username": "x"}).status_code


def test_behind_a_proxy_each_client_has_its_own_sign_up_budget(limits, proxies) -> None:
    proxies(1)
    first = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.1")
    second = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert [sign_up(first) for _ in range(10)] == [200] * 10
    assert sign_up(first) == 429
    assert sign_up(second) == 200


def test_behind_a_proxy_an_address_the_client_prepends_is_ignored(limits, proxies) -> None:
    proxies(1)
    for n in range(10):
        forged = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 198.51.100.1")
        sign_up(forged)
    again = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="192.0.2.99, 198.51.100.1")
    assert sign_up(again) == 429


def test_without_a_proxy_a_forged_forwarded_for_does_not_reset_the_count(limits, proxies) -> None:
    proxies(0)
    for n in range(10):
        sign_up(Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"192.0.2.{n}"))
    assert sign_up(Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="192.0.2.200")) == 429


def test_a_forwarded_for_that_is_no_address_falls_back_to_the_proxy(limits, proxies) -> None:
    proxies(1)
    client = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="unknown")
    assert sign_up(client) == 200
