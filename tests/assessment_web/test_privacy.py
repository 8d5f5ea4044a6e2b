"""The facts a visitor enters are not stored, logged, cached or put in a URL."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.test import Client

from tests.assessment_web.ways import API_URL, TOOL_URL, form_data, via_cli
from tests.matching import must_search

pytestmark = pytest.mark.django_db

# A count no page, log or database would contain by chance.
FACTS = {"records": {"track": 48_213_977}, "illegal_gain": "7318.46"}
MARKERS = ("48213977", "7318.46")


def row_counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def test_assessing_writes_nothing_to_the_database(client: Client, alice) -> None:
    before = row_counts()
    client.post(TOOL_URL, form_data(FACTS))
    client.post(TOOL_URL, form_data(FACTS), HTTP_X_REQUESTED_WITH="fetch")
    client.post(API_URL, json.dumps(FACTS), content_type="application/json")
    via_cli(FACTS)
    assert row_counts() == before
    client.force_login(alice)  # the login writes a session; count again from here
    before = row_counts()
    client.post(TOOL_URL, form_data(FACTS))
    client.post(API_URL, json.dumps(FACTS), content_type="application/json")
    assert row_counts() == before


def test_nothing_is_logged(client: Client, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        client.post(TOOL_URL, form_data(FACTS))
        client.post(TOOL_URL, {**form_data(FACTS), "general": "-48213977"})  # and when invalid
        client.post(API_URL, json.dumps(FACTS), content_type="application/json")
        client.post(API_URL, json.dumps({**FACTS, "colour": 1}), content_type="application/json")
        via_cli(FACTS)
    logged = "\n".join(f"{record.getMessage()} {record.args}" for record in caplog.records)
    for marker in MARKERS:
        assert marker not in logged


def test_the_facts_are_hidden_from_error_reports(client: Client) -> None:
    response = client.post(TOOL_URL, form_data(FACTS))
    # Set on the request by Django's sensitive_post_parameters decorator.
    assert getattr(response.wsgi_request, "sensitive_post_parameters", None) == "__ALL__"


@pytest.mark.parametrize("fragment", [False, True])
def test_results_are_never_cached(client: Client, fragment: bool) -> None:
    headers = {"X-Requested-With": "fetch"} if fragment else {}
    response = client.post(TOOL_URL, form_data(FACTS), headers=headers)
    assert "no-store" in response["Cache-Control"]
    assert "no-store" in client.get(TOOL_URL)["Cache-Control"]


def test_the_facts_never_go_into_a_url(client: Client, alice) -> None:
    client.force_login(alice)
    page = client.get(TOOL_URL).content.decode()
    form = must_search(r'<form class="assessment-form"[^>]*>', page)[0]
    assert 'method="post"' in form
    result = client.post(TOOL_URL, form_data(FACTS))
    assert result.status_code == 200  # answered in place, no redirect carrying the facts
    page = result.content.decode()
    for url in re.findall(r'(?:href|action|src)="([^"]*)"', page):
        for marker in MARKERS:
            assert marker not in url
    attach = must_search(r'<form class="assessment-attach"[^>]*>', page)[0]
    assert 'method="post"' in attach


def test_the_script_posts_and_builds_no_query_string() -> None:
    script = (Path(settings.BASE_DIR) / "static/js/assessment.js").read_text()
    assert 'method: "POST"' in script
    assert "location" not in script and "history" not in script
    assert "body = new URLSearchParams(new FormData(form))" in script  # the body, not the URL
