"""POST /api/v1/assessments/: open to visitors, JSON only, throttled, documented."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token

from tests.assessment_web.ways import API_URL, via_api

pytestmark = pytest.mark.django_db

SEED = {"records": {"track": 30, "lodging": 300}}


def test_the_url_is_named() -> None:
    assert reverse("api-assessment") == API_URL


def test_a_visitor_gets_the_contract_json(client: Client) -> None:
    status, result = via_api(client, SEED)
    assert status == 200
    assert result["level"] == "serious"
    assert result["level_label"] == "情节严重"
    assert result["grounds"][0]["provision"] == "解释第五条第一款第六项"


def test_an_empty_object_is_the_contract_defaults(client: Client) -> None:
    status, result = via_api(client, {})
    assert status == 200
    assert result["level"] == "none"
    assert result["conduct"] == "provide"


@pytest.mark.parametrize("method", ["get", "put", "patch", "delete"])
def test_it_only_answers_post(client: Client, method: str) -> None:
    response = getattr(client, method)(API_URL)
    assert response.status_code == 405


def test_a_signed_in_user_must_send_the_csrf_token_with_a_session(alice) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    response = client.post(API_URL, json.dumps(SEED), content_type="application/json")
    assert response.status_code == 403


def test_a_token_needs_no_csrf_token(alice) -> None:
    token = Token.objects.create(user=alice)
    client = Client(enforce_csrf_checks=True, HTTP_AUTHORIZATION=f"Token {token.key}")
    response = client.post(API_URL, json.dumps(SEED), content_type="application/json")
    assert response.status_code == 200


@pytest.fixture
def two_per_minute(settings) -> None:
    rates = {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "assessments": "2/min"}
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}


def test_visitors_are_throttled_per_ip_with_retry_after(client: Client, two_per_minute) -> None:
    assert via_api(client, SEED)[0] == 200
    assert via_api(client, SEED)[0] == 200
    response = client.post(API_URL, json.dumps(SEED), content_type="application/json")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    other_ip = Client(REMOTE_ADDR="203.0.113.9")
    assert via_api(other_ip, SEED)[0] == 200


def test_bad_requests_count_toward_the_throttle_too(client: Client, two_per_minute) -> None:
    assert via_api(client, "not json")[0] == 400
    assert via_api(client, {"colour": 1})[0] == 400
    assert via_api(client, SEED)[0] == 429


def test_signed_in_users_are_throttled_per_user(client: Client, alice, bob, two_per_minute) -> None:
    client.force_login(alice)
    assert via_api(client, SEED)[0] == 200
    assert via_api(client, SEED)[0] == 200
    assert via_api(client, SEED)[0] == 429
    # Same IP, another account: its own allowance.
    client.force_login(bob)
    assert via_api(client, SEED)[0] == 200


def test_the_schema_documents_the_contract_and_the_error_shape(client: Client) -> None:
    response = client.get(reverse("api:schema"), {"format": "json"})
    assert response.status_code == 200
    operation = json.loads(response.content)["paths"][API_URL]["post"]
    request = operation["requestBody"]["content"]["application/json"]
    properties = request["schema"]["properties"]
    assert properties["records"]["properties"]["track"]["type"] == "integer"
    assert request["schema"]["additionalProperties"] is False
    assert request["examples"]
    assert set(operation["responses"]) >= {"200", "400", "429"}
    error_examples = operation["responses"]["400"]["content"]["application/json"]["examples"]
    example = next(iter(error_examples.values()))["value"]
    assert example["records.track"] == ["必须是非负整数，不能为负数"]
