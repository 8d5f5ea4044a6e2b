"""Shared fixtures. The law texts are imported once per test session (they are read-only for
almost every test); each test then runs in its own rolled-back transaction."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.signals import connection_created
from django.dispatch import receiver
from django.test import Client

from accounts.models import User
from consult.models import LawyerProfile
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


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker) -> Iterator[str]:
    """The demo content, loaded once for the module that asks for it (load_demo takes seconds):
    each test's own writes still roll back after it, and the demo content after the module's
    last test. Yields what load_demo printed."""
    with django_db_blocker.unblock(), transaction.atomic():
        out = io.StringIO()
        call_command("load_demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _fast_and_quiet(settings) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.RATELIMIT_ENABLE = False
    # Each test starts with an empty cache (the synonym table, cached pages): what one test
    # wrote and rolled back must not be served to the next.
    cache.clear()


# The cast: one user per role, with the same name in every test file (as healthchecks' alice,
# bob and charlie). A test that needs "a lawyer who answers" asks for vera, not for a lawyer of
# its own invention; make_user()/make_lawyer() without a name make the anonymous extras.


@pytest.fixture
def alice(db) -> User:
    """A member of the public who asks questions."""
    return factories.make_user("alice")


@pytest.fixture
def bob(db) -> User:
    """Another member of the public: not the asker."""
    return factories.make_user("bob")


@pytest.fixture
def vera(db) -> LawyerProfile:
    """韦律师, a verified lawyer who answers."""
    return factories.make_lawyer(factories.make_user("vera"), real_name="韦律师")


@pytest.fixture
def uma(db) -> LawyerProfile:
    """吴律师, whose application to be verified is still pending."""
    return factories.make_lawyer(
        factories.make_user("uma"), status=LawyerProfile.Status.PENDING, real_name="吴律师"
    )


@pytest.fixture
def rex(db) -> LawyerProfile:
    """任律师, whose verification was revoked."""
    return factories.make_lawyer(
        factories.make_user("rex"), status=LawyerProfile.Status.REVOKED, real_name="任律师"
    )


@pytest.fixture
def erin(db) -> User:
    """A moderator and statute curator: staff with the admin's change permissions, not a
    superuser."""
    user = factories.make_user("erin", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["change_question", "change_answer", "change_article"]
        )
    )
    return User.objects.get(pk=user.pk)  # a fresh object: permissions are cached per instance


@pytest.fixture
def frank(db) -> User:
    """Staff who may sign in to the admin but holds no change permission."""
    return factories.make_user("frank", is_staff=True)


@pytest.fixture
def admin_user(db) -> User:
    """charlie, the site's administrator (a superuser)."""
    return factories.make_user("charlie", is_staff=True, is_superuser=True)


@pytest.fixture
def admin_client(admin_user) -> Client:
    client = Client()
    client.force_login(admin_user)
    return client
