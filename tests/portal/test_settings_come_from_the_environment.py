"""portal/settings.py read afresh under a given environment: what production gets by default."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from django.core.exceptions import ImproperlyConfigured

import portal.settings

SETTINGS_FILE = Path(portal.settings.__file__)
READ_BY_THE_SETTINGS = [
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "DATABASE_REPLICA_URL",
    "DATABASE_CONN_MAX_AGE",
    "DATABASE_REPLICA_PIN_SECONDS",
    "REDIS_URL",
    "SECURE_SSL_REDIRECT",
    "BENCH_BARE_VIEW",
]
PRODUCTION = {"SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "example.org"}


@pytest.fixture
def load_settings(monkeypatch):
    def load(**environment: str) -> ModuleType:
        for name in READ_BY_THE_SETTINGS:
            monkeypatch.delenv(name, raising=False)
        for name, value in environment.items():
            monkeypatch.setenv(name, value)
        spec = importlib.util.spec_from_file_location("settings_under_test", SETTINGS_FILE)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    return load


def test_debug_is_off_when_nobody_sets_it(load_settings) -> None:
    settings = load_settings(**PRODUCTION)

    assert settings.DEBUG is False
    assert settings.STORAGES["staticfiles"]["BACKEND"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )


def test_a_forgotten_secret_key_stops_start_up_and_says_how_to_develop(load_settings) -> None:
    with pytest.raises(ImproperlyConfigured, match="DEBUG=true"):
        load_settings(ALLOWED_HOSTS="example.org")


def test_development_asks_for_debug_explicitly(load_settings) -> None:
    settings = load_settings(DEBUG="true")

    assert settings.DEBUG is True
    assert settings.SECURE_SSL_REDIRECT is False


def test_database_connections_are_kept_and_checked_before_reuse(load_settings) -> None:
    settings = load_settings(**PRODUCTION, DATABASE_URL="postgres://u@db.example:5432/portal")

    assert settings.DATABASES["default"]["CONN_MAX_AGE"] == 60
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True


def test_a_bad_connection_age_stops_start_up(load_settings) -> None:
    with pytest.raises(ImproperlyConfigured, match="DATABASE_CONN_MAX_AGE"):
        load_settings(**PRODUCTION, DATABASE_CONN_MAX_AGE="a minute")


def test_redis_url_selects_the_redis_cache_that_survives_an_outage(load_settings) -> None:
    settings = load_settings(**PRODUCTION, REDIS_URL="redis://127.0.0.1:6379/0")

    assert settings.CACHES["default"]["BACKEND"] == "portal.cache.ResilientRedisCache"
    assert settings.CACHES["default"]["LOCATION"] == "redis://127.0.0.1:6379/0"


def test_a_redis_url_that_is_not_one_stops_start_up(load_settings) -> None:
    with pytest.raises(ImproperlyConfigured, match="REDIS_URL"):
        load_settings(**PRODUCTION, REDIS_URL="127.0.0.1:6379")


def test_without_a_replica_url_there_is_no_replica(load_settings) -> None:
    settings = load_settings(**PRODUCTION)

    assert list(settings.DATABASES) == ["default"]
    assert not hasattr(settings, "DATABASE_ROUTERS")
    assert "portal.db_routers.ReadYourWritesMiddleware" not in settings.MIDDLEWARE


def test_a_replica_url_adds_the_replica_its_router_and_its_middleware(load_settings) -> None:
    settings = load_settings(
        **PRODUCTION,
        DATABASE_URL="postgres://u@primary.example:5432/portal",
        DATABASE_REPLICA_URL="postgres://u@replica.example:5432/portal",
    )

    replica = settings.DATABASES["replica"]
    assert replica["HOST"] == "replica.example"
    assert replica["TEST"] == {"MIRROR": "default"}
    assert settings.DATABASE_ROUTERS == ["portal.db_routers.PrimaryReplicaRouter"]
    # Ahead of the sessions and the user: they read from the database.
    assert settings.MIDDLEWARE.index("portal.db_routers.ReadYourWritesMiddleware") < (
        settings.MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware")
    )


def test_a_bad_replica_url_stops_start_up(load_settings) -> None:
    with pytest.raises(ImproperlyConfigured, match="DATABASE_REPLICA_URL"):
        load_settings(**PRODUCTION, DATABASE_REPLICA_URL="nosuchdb://x")


def test_the_load_bench_yardstick_is_off_when_nobody_sets_it(load_settings) -> None:
    assert load_settings(**PRODUCTION).BENCH_BARE_VIEW is False
    assert load_settings(**PRODUCTION, BENCH_BARE_VIEW="true").BENCH_BARE_VIEW is True
