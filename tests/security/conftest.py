"""Rate limits on, with a clean count, for the tests that ask for them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.core.cache import cache


@pytest.fixture
def limits(settings) -> Iterator[None]:
    """django-ratelimit and DRF's throttles count in the cache: start from zero, leave zero."""
    settings.RATELIMIT_ENABLE = True
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def proxies(settings):
    """Set how many trusted reverse proxies stand in front of the site (API_NUM_PROXIES)."""

    def set_proxies(count: int) -> None:
        settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": count}

    return set_proxies
