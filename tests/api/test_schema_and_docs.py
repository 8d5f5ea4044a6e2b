"""The OpenAPI schema and the Swagger UI page, served without any CDN."""

from __future__ import annotations

import re

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.urls import reverse
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def schema(api: APIClient) -> dict:
    response = api.get(reverse("api:schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    return response.json()


def test_the_schema_describes_every_resource(api: APIClient) -> None:
    paths = schema(api)["paths"]
    for path in (
        "/api/v1/questions/",
        "/api/v1/questions/{id}/",
        "/api/v1/questions/{id}/hide/",
        "/api/v1/questions/{question_pk}/answers/",
        "/api/v1/questions/{question_pk}/answers/{id}/accept/",
        "/api/v1/questions/{question_pk}/answers/{id}/helpful/",
        "/api/v1/lawyers/",
        "/api/v1/lawyers/me/",
        "/api/v1/laws/",
        "/api/v1/laws/{law_slug}/articles/",
        "/api/v1/articles/{id}/",
        "/api/v1/categories/",
    ):
        assert path in paths, path


def test_the_schema_lists_the_filters_and_the_error_responses(api: APIClient) -> None:
    operation = schema(api)["paths"]["/api/v1/questions/"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert names == {
        "q",
        "category",
        "answered",
        "has_accepted",
        "cites",
        "created_after",
        "created_before",
        "ordering",
        "cursor",
        "page_size",
    }
    assert {"200", "400", "429"} <= set(operation["responses"])
    create = schema(api)["paths"]["/api/v1/questions/"]["post"]
    assert {"201", "400", "401", "403", "429"} <= set(create["responses"])


def test_every_operation_names_its_error_responses(api: APIClient) -> None:
    for path, operations in schema(api)["paths"].items():
        if not path.startswith(
            ("/api/v1/questions", "/api/v1/la", "/api/v1/articles", "/api/v1/ca")
        ):
            continue
        for method, operation in operations.items():
            codes = set(operation["responses"])
            assert "429" in codes, (method, path)
            assert codes & {"400", "401", "404"}, (method, path)


def test_the_docs_page_declares_its_language(api: APIClient) -> None:
    html = api.get(reverse("api:docs")).content.decode()
    assert '<html lang="zh-Hans">' in html


def test_the_docs_page_loads_without_any_cdn(api: APIClient) -> None:
    response = api.get(reverse("api:docs"))
    assert response.status_code == 200
    html = response.content.decode()
    for cdn in ("cdn.", "jsdelivr", "unpkg", "cdnjs", "googleapis"):
        assert cdn not in html
    scripts = re.findall(r'src="([^"]+\.js)"', html)
    assert scripts
    for src in scripts:
        assert src.startswith("/static/drf_spectacular_sidecar/"), src
        assert finders.find(src.removeprefix("/static/")), src


def test_the_schema_validates_without_warnings(tmp_path) -> None:
    """The CI step, run here too: a warning is a failure."""
    call_command(
        "spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml")
    )
