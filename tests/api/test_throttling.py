"""Rates: per IP for visitors, per user once signed in, stricter on writes and on assessments;
over the rate is a 429 with Retry-After."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.urls import reverse
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.test import APIClient, APIRequestFactory
from rest_framework.views import APIView

from accounts.models import User
from portal.api.throttles import AnonThrottle, AssessmentThrottle, UserThrottle
from tests.factories import make_category

pytestmark = pytest.mark.django_db


@pytest.fixture
def rates(settings) -> Callable[..., None]:
    """Set small rates for one test (the cache is cleared around every API test)."""

    def set_rates(**overrides: str) -> None:
        merged = {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], **overrides}
        settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": merged}

    return set_rates


def new_question() -> dict[str, str]:
    return {"title": "一个问题？", "body": "问题的描述，写得足够清楚。", "category": "criminal"}


def test_a_visitor_over_the_rate_gets_429_with_retry_after(api: APIClient, rates) -> None:
    rates(anon="3/min")
    for _ in range(3):
        assert api.get(reverse("api:category-list")).status_code == 200
    response = api.get(reverse("api:category-list"))
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    assert response.json()["detail"]


def test_visitors_are_counted_per_ip_address(rates) -> None:
    rates(anon="2/min")
    first, second = APIClient(REMOTE_ADDR="10.0.0.1"), APIClient(REMOTE_ADDR="10.0.0.2")
    for _ in range(2):
        first.get(reverse("api:category-list"))
    assert first.get(reverse("api:category-list")).status_code == 429
    assert second.get(reverse("api:category-list")).status_code == 200


def test_a_forged_forwarded_for_header_does_not_reset_the_count(rates) -> None:
    rates(anon="2/min")
    client = APIClient(REMOTE_ADDR="10.0.0.1")
    for n in range(2):
        client.get(reverse("api:category-list"), HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    response = client.get(reverse("api:category-list"), HTTP_X_FORWARDED_FOR="192.0.2.99")
    assert response.status_code == 429


def test_signed_in_users_are_counted_per_user(
    client_for: Callable, alice: User, bob: User, rates
) -> None:
    rates(user="2/min")
    alices = client_for(alice)
    for _ in range(2):
        alices.get(reverse("api:category-list"))
    assert alices.get(reverse("api:category-list")).status_code == 429
    assert client_for(bob).get(reverse("api:category-list")).status_code == 200


def test_writes_have_their_own_stricter_rate(client_for: Callable, alice: User, rates) -> None:
    make_category("刑事", slug="criminal")
    rates(writes="2/min")
    client = client_for(alice)
    for _ in range(2):
        response = client.post(reverse("api:question-list"), new_question(), format="json")
        assert response.status_code == 201
    refused = client.post(reverse("api:question-list"), new_question(), format="json")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    # Reading goes on.
    assert client.get(reverse("api:question-list")).status_code == 200


def test_one_users_writes_do_not_use_up_anothers(
    client_for: Callable, alice: User, bob: User, rates
) -> None:
    make_category("刑事", slug="criminal")
    rates(writes="1/min")
    client_for(alice).post(reverse("api:question-list"), new_question(), format="json")
    response = client_for(bob).post(reverse("api:question-list"), new_question(), format="json")
    assert response.status_code == 201


class Assess(APIView):
    """A stand-in for the assessment endpoint, throttled as it should be."""

    permission_classes = [AllowAny]
    throttle_classes = [AnonThrottle, UserThrottle, AssessmentThrottle]

    def post(self, request) -> Response:
        return Response({"ok": True})


def test_assessments_have_their_own_rate_on_every_method(rates) -> None:
    rates(assessments="2/min")
    factory = APIRequestFactory()
    view = Assess.as_view()
    for _ in range(2):
        assert view(factory.post("/", {}, format="json")).status_code == 200
    response = view(factory.post("/", {}, format="json"))
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
