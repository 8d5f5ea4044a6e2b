"""With REDIS_URL set and Redis down, the site keeps working: pages, the API and signing in,
with the rate limits still counting (per process) and the outage logged once."""

from __future__ import annotations

import logging
import time
from types import SimpleNamespace

import django_ratelimit.core
import pytest
from django.core.cache import cache, caches
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from portal import cache as resilient
from portal.limits import spend
from tests import factories

pytestmark = pytest.mark.django_db

RIGHT = {"username": "alice", "password": "correct horse battery staple"}
WRONG = {"username": "alice", "password": "not the password"}


@pytest.fixture
def limits_on(settings, monkeypatch) -> None:
    settings.RATELIMIT_ENABLE = True
    # django-ratelimit counts in fixed windows of the clock: it stands still for the test.
    now = time.time()
    monkeypatch.setattr(django_ratelimit.core, "time", SimpleNamespace(time=lambda: now))


def test_pages_are_served(redis_down) -> None:
    question = factories.make_question(title="公司泄露了我的手机号码怎么办")

    assert Client().get(reverse("consult:home")).status_code == 200
    assert Client().get(question.get_absolute_url()).status_code == 200
    assert Client().get(reverse("consult:search"), {"q": "手机号码"}).status_code == 200


def test_the_api_answers(redis_down) -> None:
    factories.make_question()

    response = APIClient().get(reverse("api:question-list"))

    assert response.status_code == 200
    assert len(response.json()["results"]) == 1


def test_signing_in_works(alice, redis_down, limits_on) -> None:
    client = Client()

    response = client.post(reverse("accounts:login"), RIGHT)

    assert response.status_code == 302
    assert client.get(reverse("accounts:account")).status_code == 200


def test_the_sign_in_lock_out_still_counts(alice, redis_down, settings) -> None:
    # django-axes counts failed sign-ins in the database, not the cache: an outage loosens
    # nothing (accounts/lockout.py).
    settings.AXES_USERNAME_FAILURE_LIMIT = settings.AXES_FAILURE_LIMIT = 5
    client = Client()

    statuses = [client.post(reverse("accounts:login"), WRONG).status_code for _ in range(6)]

    assert statuses == [200] * 4 + [429] * 2  # the fifth failure locks


def test_the_api_throttles_still_count(settings, redis_down) -> None:
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {
            **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
            "anon": "3/min",
        },
    }
    api = APIClient()

    statuses = [api.get(reverse("api:question-list")).status_code for _ in range(4)]

    assert statuses == [200, 200, 200, 429]


def test_the_outage_is_logged_once_not_on_every_request(redis_down, caplog) -> None:
    with caplog.at_level(logging.ERROR, logger="portal.cache"):
        for _ in range(3):
            APIClient().get(reverse("api:question-list"))  # the throttles use the cache

    assert len(caplog.records) == 1
    assert "unavailable" in caplog.records[0].getMessage()


def test_redis_is_tried_again_after_a_few_seconds(redis_down, monkeypatch) -> None:
    cache.get("anything")  # fails, and switches to memory
    tried = []
    monkeypatch.setattr(
        resilient.RedisCache, "get", lambda self, *args, **kwargs: tried.append(args)
    )

    cache.get("anything")
    assert tried == []
    later = time.monotonic() + resilient.RETRY_SECONDS + 1
    monkeypatch.setattr(resilient.time, "monotonic", lambda: later)
    cache.get("anything")
    assert len(tried) == 1


def test_with_redis_up_the_cache_is_redis(redis_up) -> None:
    cache.set("greeting", "你好", 30)

    assert cache.get("greeting") == "你好"
    backend = caches["default"]
    assert isinstance(backend, resilient.ResilientRedisCache)
    assert backend._cache.get_client().exists(cache.make_key("greeting")) == 1
    cache.delete("greeting")


def test_the_write_budget_still_counts_per_process(redis_down) -> None:
    # portal/limits.py: never off, never closed while Redis is down; per process, as above.
    spent = [spend(bucket="writes:user:1", limit=2, period=60) for _ in range(3)]

    assert [s.allowed for s in spent] == [True, True, False]
    assert 0 < spent[-1].retry_after <= 60


def test_with_redis_up_the_write_budget_counts_in_redis(redis_up) -> None:
    spent = [spend(bucket="writes:user:1", limit=2, period=60) for _ in range(3)]

    assert [s.allowed for s in spent] == [True, True, False]
    assert 0 < spent[-1].retry_after <= 60
    key = cache.make_key("budget:writes:user:1")
    backend = caches["default"]
    assert isinstance(backend, resilient.ResilientRedisCache)
    assert backend._cache.get_client().get(key) == b"3"
    assert 0 < backend._cache.get_client().ttl(key) <= 60
    cache.delete("budget:writes:user:1")
