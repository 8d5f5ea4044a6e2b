"""Rate limits on, with a clean count, for the tests that ask for them."""

from __future__ import annotations

import time
from collections.abc import Iterator
from types import SimpleNamespace

import django_ratelimit.core
import pytest
from django.core.cache import cache


@pytest.fixture
def limits(settings, monkeypatch) -> Iterator[None]:
    """django-ratelimit and DRF's throttles count in the cache: start from zero, leave zero.

    django-ratelimit counts in fixed windows of the clock; a test that crosses a window's edge
    would see its count start again. Its clock stands still for the test.
    """
    settings.RATELIMIT_ENABLE = True
    now = time.time()
    monkeypatch.setattr(django_ratelimit.core, "time", SimpleNamespace(time=lambda: now))
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def proxies(settings):
    """Set how many trusted reverse proxies stand in front of the site (API_NUM_PROXIES)."""

    def set_proxies(count: int) -> None:
        settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": count}

    return set_proxies
