"""Shared fixtures. The law texts are imported once per test session (they are read-only for
almost every test); each test then runs in its own rolled-back transaction."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.signals import connection_created
from django.dispatch import receiver
from django.test import Client

from tests import factories


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix) -> None:
    """A read replica, as DATABASE_REPLICA_URL adds one: Django's test MIRROR of the primary,
    reached through a connection of its own. Nothing reads from it unless a test installs the
    router (tests/portal/test_read_replica.py)."""
    databases = connections.settings  # the defaults filled in
    if "replica" not in databases:
        primary = databases["default"]
        databases["replica"] = {**primary, "TEST": {**primary["TEST"], "MIRROR": "default"}}


@receiver(connection_created)
def _replica_reads_uncommitted(sender, connection: BaseDatabaseWrapper, **kwargs) -> None:
    # A test case holds the primary and the replica each in a transaction of its own. On
    # SQLite's shared in-memory test database, tables the primary has written would then be
    # locked against the replica (and its end-of-test constraint check) until the test ends;
    # reading uncommitted, the replica takes no locks.
    if connection.alias == "replica" and connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA read_uncommitted = 1")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("import_laws", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
        call_command("load_synonyms", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    yield
    # Before the test database is dropped: PostgreSQL refuses while the replica is connected.
    connections["replica"].close()


@pytest.fixture(autouse=True)
def _fast_and_quiet(settings) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.RATELIMIT_ENABLE = False
    # Each test starts with an empty cache (the synonym table, cached pages): what one test
    # wrote and rolled back must not be served to the next.
    cache.clear()


@pytest.fixture
def alice(db):
    """A public user who asks questions."""
    return factories.make_user("alice")


@pytest.fixture
def bob(db):
    """Another public user."""
    return factories.make_user("bob")


@pytest.fixture
def admin_user(db):
    return factories.make_user("charlie", is_staff=True, is_superuser=True)


@pytest.fixture
def admin_client(admin_user) -> Client:
    client = Client()
    client.force_login(admin_user)
    return client
