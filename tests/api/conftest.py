"""The cast of the API tests, one per role, and a clean throttle state for each test."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from rest_framework.test import APIClient

from accounts.models import User
from consult.models import LawyerProfile
from tests import factories


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


@pytest.fixture
def staff(db) -> User:
    """A moderator and statute curator: staff with the admin's change permissions, not a
    superuser."""
    erin = factories.make_user("erin", is_staff=True)
    erin.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["change_question", "change_answer", "change_article"]
        )
    )
    return User.objects.get(pk=erin.pk)  # a fresh object: permissions are cached per instance


@pytest.fixture
def verified_lawyer(db) -> LawyerProfile:
    return factories.make_lawyer(factories.make_user("vera"), real_name="魏律师")


@pytest.fixture
def unverified_lawyer(db) -> LawyerProfile:
    return factories.make_lawyer(
        factories.make_user("uma"), status=LawyerProfile.Status.PENDING, real_name="吴律师"
    )
