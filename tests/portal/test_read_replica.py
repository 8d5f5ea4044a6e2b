"""With DATABASE_REPLICA_URL set, safe requests read from the replica, and whoever has just
written reads from the primary, so they see what they wrote.

The replica here is Django's test MIRROR of the primary (tests/conftest.py): the same test
database through a connection of its own, so each query shows which alias ran it."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connections, transaction
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from consult.models import Category
from portal.db_routers import PIN_COOKIE, ReadYourWritesMiddleware
from tests import factories

pytestmark = pytest.mark.django_db(databases=["default", "replica"])

ARTICLE = "/statutes/criminal-law/253-1/"
RIGHT = {"username": "alice", "password": "correct horse battery staple"}


@pytest.fixture(autouse=True)
def replica(settings) -> None:
    """What settings.py adds for DATABASE_REPLICA_URL, besides the alias itself."""
    settings.DATABASE_ROUTERS = ["portal.db_routers.PrimaryReplicaRouter"]
    middleware = list(settings.MIDDLEWARE)
    middleware.insert(
        middleware.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1,
        "portal.db_routers.ReadYourWritesMiddleware",
    )
    settings.MIDDLEWARE = middleware


def queries_by_alias(run: Callable[[], object]) -> dict[str, int]:
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        run()
    return {"default": len(primary), "replica": len(replica)}


def through_the_middleware(view: Callable[[HttpRequest], HttpResponse], method: str = "get"):
    request = getattr(RequestFactory(), method)("/")
    return ReadYourWritesMiddleware(view)(request)


def test_a_visitors_page_is_read_from_the_replica() -> None:
    client = Client()
    counts = queries_by_alias(lambda: client.get(ARTICLE))

    assert counts["replica"] > 0
    assert counts["default"] == 0


def test_a_form_submission_reads_and_writes_on_the_primary(alice) -> None:
    client = Client()
    counts = queries_by_alias(lambda: client.post(reverse("accounts:login"), RIGHT))

    assert counts["default"] > 0
    assert counts["replica"] == 0


def test_right_after_a_write_the_writer_reads_from_the_primary(alice) -> None:
    client = Client()
    response = client.post(reverse("accounts:login"), RIGHT)
    assert response.status_code == 302
    assert PIN_COOKIE in response.cookies

    page: dict[str, Any] = {}  # the test client's response
    counts = queries_by_alias(lambda: page.setdefault("response", client.get(ARTICLE)))

    assert counts["replica"] == 0
    assert counts["default"] > 0
    # A replica that lagged behind would not know the new session yet.
    assert page["response"].wsgi_request.user == alice


def test_another_visitor_still_reads_from_the_replica_meanwhile(alice) -> None:
    Client().post(reverse("accounts:login"), RIGHT)

    counts = queries_by_alias(lambda: Client().get(ARTICLE))

    assert counts["replica"] > 0
    assert counts["default"] == 0


def test_the_pin_lasts_a_few_seconds(alice, settings) -> None:
    response = Client().post(reverse("accounts:login"), RIGHT)

    pin = response.cookies[PIN_COOKIE]
    assert pin["max-age"] == settings.REPLICA_PIN_SECONDS == 5
    assert pin["httponly"]
    assert 0 < float(pin.value) - time.time() <= settings.REPLICA_PIN_SECONDS


@pytest.mark.parametrize(
    "pin",
    [pytest.param("1700000000", id="worn-off"), pytest.param("not a time", id="garbled")],
)
def test_a_worn_off_or_garbled_pin_reads_from_the_replica(pin: str) -> None:
    client = Client()
    client.cookies[PIN_COOKIE] = pin

    counts = queries_by_alias(lambda: client.get(ARTICLE))

    assert counts["replica"] > 0
    assert counts["default"] == 0


def test_a_refused_write_pins_nothing() -> None:
    response = APIClient().post(reverse("api:question-list"), {"title": "我的信息被卖了"})

    assert response.status_code == 401
    assert PIN_COOKIE not in response.cookies


def test_a_request_that_writes_reads_its_own_write_from_then_on() -> None:
    seen = {}

    def view(request: HttpRequest) -> HttpResponse:
        seen["before"] = Category.objects.all().db
        factories.make_category()
        seen["after"] = Category.objects.all().db
        return HttpResponse()

    through_the_middleware(view)

    assert seen == {"before": "replica", "after": "default"}


def test_reads_inside_a_transaction_use_the_primary() -> None:
    seen = {}

    def view(request: HttpRequest) -> HttpResponse:
        with transaction.atomic():
            seen["inside"] = Category.objects.all().db
        seen["outside"] = Category.objects.all().db
        return HttpResponse()

    through_the_middleware(view)

    assert seen == {"inside": "default", "outside": "replica"}


def test_outside_a_request_everything_reads_from_the_primary() -> None:
    # Management commands, the shell: nothing tells them what the replica has caught up with.
    assert Category.objects.all().db == "default"


def test_the_replica_is_never_migrated() -> None:
    from django.db import router

    assert router.allow_migrate("replica", "consult", model_name="question") is False
    assert router.allow_migrate("default", "consult", model_name="question") is True
