"""/bench/bare/, the load bench's yardstick, exists only when BENCH_BARE_VIEW turns it on."""

from __future__ import annotations

import importlib

import pytest
from django.test import Client, override_settings
from django.urls import clear_url_caches

import portal.urls


@pytest.fixture
def routes_reloaded():
    """Re-read portal/urls.py under the test's settings, and as they were afterwards."""

    def reload() -> None:
        importlib.reload(portal.urls)
        clear_url_caches()

    yield reload
    reload()


@pytest.mark.django_db
def test_the_bare_view_is_not_routed_by_default() -> None:
    assert Client().get("/bench/bare/").status_code == 404


@pytest.mark.django_db
def test_the_bare_view_answers_a_constant_page_once_turned_on(routes_reloaded) -> None:
    with override_settings(BENCH_BARE_VIEW=True):
        routes_reloaded()
        response = Client().get("/bench/bare/")

    assert response.status_code == 200
    assert response.content == b"ok"
    # Through the default middleware, like every page.
    assert response["X-Frame-Options"] == "DENY"
