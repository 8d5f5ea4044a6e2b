"""Input that once reached the database or the JSON decoder unchecked and came back as a 500:
NUL in text (PostgreSQL refuses it with an error, not with "no match"), ids beyond 64 bits
(SQLite raises OverflowError), infinity in a cursor, and JSON nested thousands deep (Python's
decoder raises RecursionError). Each is a 400 or a 404 on SQLite and PostgreSQL alike."""

from __future__ import annotations

import base64
import json

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from consult.models import LawyerProfile, Question
from tests.factories import article, make_category, make_lawyer

pytestmark = pytest.mark.django_db

DEEP = "[" * 3000 + "]" * 3000
HUGE_ID = 10**30


def cursor(ordering: list[str], key: list[object]) -> str:
    raw = json.dumps({"o": ordering, "k": key, "r": False}, allow_nan=True)
    return base64.urlsafe_b64encode(raw.encode()).decode()


@pytest.fixture
def signed_in_api(alice) -> APIClient:
    make_category("刑事", slug="criminal")
    api = APIClient()
    api.force_authenticate(alice)
    return api


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/categories/%00/",
        "/api/v1/laws/%00/",
        "/api/v1/laws/criminal%00law/",
    ],
)
def test_a_nul_in_a_slug_in_the_path_is_a_404(url: str) -> None:
    assert APIClient().get(url).status_code == 404


@pytest.mark.parametrize(
    ("name", "ordering", "key"),
    [
        ("law", ["kind", "title", "pk"], ["law", "\x00", 1]),
        ("lawyer", ["pk"], [float("inf")]),
        ("lawyer", ["pk"], [1e400]),
    ],
)
def test_an_edited_cursor_the_database_cannot_compare_is_a_400(
    name: str, ordering: list[str], key: list[object]
) -> None:
    url = reverse(f"api:{name}-list")
    response = APIClient().get(url, {"cursor": cursor(ordering, key)})
    assert response.status_code == 400
    assert "cursor" in response.json()


def test_json_nested_too_deep_is_a_400(signed_in_api: APIClient) -> None:
    response = signed_in_api.post(
        reverse("api:question-list"), DEEP, content_type="application/json"
    )
    assert response.status_code == 400
    assert "嵌套" in response.json()["detail"]


def test_a_nul_in_a_category_slug_is_a_400(signed_in_api: APIClient) -> None:
    body = {"title": "一个问题的标题？", "body": "问题的描述足够清楚。", "category": "crim\x00"}
    response = signed_in_api.post(reverse("api:question-list"), body, format="json")
    assert response.status_code == 400
    assert "category" in response.json()
    assert not Question.objects.exists()


def test_an_article_id_beyond_64_bits_is_a_400(signed_in_api: APIClient) -> None:
    body = {
        "title": "一个问题的标题？",
        "body": "问题的描述足够清楚。",
        "category": "criminal",
        "cited_articles": [article("criminal-law", 253, 1).pk, HUGE_ID],
    }
    response = signed_in_api.post(reverse("api:question-list"), body, format="json")
    assert response.status_code == 400
    assert "cited_articles" in response.json()


def test_attached_assessment_facts_nested_too_deep_are_a_form_error(alice) -> None:
    category = make_category("刑事", slug="criminal")
    client = Client()
    client.force_login(alice)
    data = {
        "title": "一个问题的标题？",
        "body": "问题的描述足够清楚，写够十个字。",
        "category": category.pk,
        # 5000 characters: within the field's max_length, and far too deep for json.loads.
        "assessment_facts": "[" * 2500 + "]" * 2500,
    }
    response = client.post(reverse("consult:question-create"), data)
    assert response.status_code == 200
    assert "附带的评估数据无效" in response.content.decode()
    assert not Question.objects.exists()


def test_a_practice_area_id_beyond_64_bits_is_a_form_error(bob) -> None:
    category = make_category("刑事", slug="criminal")
    client = Client()
    client.force_login(bob)
    data = {
        "real_name": "王律师",
        "license_number": "11101201812345678",
        "law_firm": "某某律师事务所",
        "region": "北京市",
        "practice_areas": [category.pk, HUGE_ID],
    }
    response = client.post(reverse("consult:lawyer-apply"), data)
    assert response.status_code == 200
    assert "不是一个有效的值" in response.content.decode()
    assert not LawyerProfile.objects.exists()


def test_a_valid_application_still_goes_through(bob) -> None:
    category = make_category("刑事", slug="criminal")
    client = Client()
    client.force_login(bob)
    data = {
        "real_name": "王律师",
        "license_number": "11101201812345678",
        "law_firm": "某某律师事务所",
        "region": "北京市",
        "practice_areas": [category.pk],
    }
    assert client.post(reverse("consult:lawyer-apply"), data).status_code == 302
    assert list(LawyerProfile.objects.get().practice_areas.all()) == [category]
    make_lawyer()  # the factory's licence numbers don't collide with this one
