"""The assessment's three ways in share the API's throttle cache; start each test afresh."""

from __future__ import annotations

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_throttles() -> None:
    cache.clear()
