"""The cast of the API tests, one per role, and a clean throttle state for each test."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from accounts.models import User
from consult.models import LawyerProfile


@pytest.fixture(autouse=True)
def _fresh_throttles() -> None:
    """DRF's throttles count in the cache; a count left over from another test must not
    turn a request into a 429."""
    cache.clear()


@pytest.fixture
def api() -> APIClient:
    """A visitor."""
    return APIClient()


@pytest.fixture
def client_for() -> Callable[[User | None], APIClient]:
    def make(user: User | None) -> APIClient:
        client = APIClient()
        if user is not None:
            client.force_login(user)  # session auth, as the site's own JavaScript uses it
        return client

    return make


# The API tests name their users by role; the roles are played by the cast (tests/conftest.py).


@pytest.fixture
def staff(erin) -> User:
    return erin


@pytest.fixture
def verified_lawyer(vera) -> LawyerProfile:
    return vera


@pytest.fixture
def unverified_lawyer(uma) -> LawyerProfile:
    return uma
