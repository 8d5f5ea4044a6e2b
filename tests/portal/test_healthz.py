"""/healthz/ answers 200 only when every database and the cache answer, and says what failed."""

from __future__ import annotations

from unittest import mock

import pytest
from django.db import OperationalError, connections
from django.test import Client
from django.urls import reverse

# The health check asks every database, the test replica included.
pytestmark = pytest.mark.django_db(databases="__all__")


def test_it_says_ok_when_the_databases_and_the_cache_answer() -> None:
    response = Client().get(reverse("healthz"))

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "database:replica": "ok", "cache": "ok"},
        "failed": [],
    }


def test_it_answers_503_naming_a_database_that_does_not_answer() -> None:
    down = OperationalError("connection refused")
    with mock.patch.object(connections["default"], "cursor", side_effect=down):
        response = Client().get(reverse("healthz"))

    assert response.status_code == 503
    assert response.json()["status"] == "error"
    assert response.json()["failed"] == ["database"]
    assert response.json()["checks"]["database"] == "不可用"


def test_it_answers_503_naming_the_cache_while_redis_is_down(redis_down) -> None:
    response = Client().get(reverse("healthz"))

    assert response.status_code == 503
    assert response.json()["failed"] == ["cache"]
    assert response.json()["checks"]["cache"] == "不可用"


def test_it_says_ok_with_a_redis_that_answers(redis_up) -> None:
    response = Client().get(reverse("healthz"))

    assert response.status_code == 200
    assert response.json()["checks"]["cache"] == "ok"


def test_it_answers_load_balancers_over_plain_http_even_where_https_is_enforced(
    settings,
) -> None:
    settings.SECURE_SSL_REDIRECT = True

    assert Client().get(reverse("healthz")).status_code == 200
    assert Client().get(reverse("consult:home")).status_code == 301
