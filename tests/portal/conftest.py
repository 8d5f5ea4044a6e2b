"""Caches for the tests of a Redis outage: one that is down, and the machine's own Redis."""

from __future__ import annotations

import socket
import uuid
from collections.abc import Iterator

import pytest
import redis

from portal.cache import ResilientRedisCache, redis_cache

MACHINE_REDIS = "redis://127.0.0.1:6379/14"


def _closed_port() -> int:
    # A port the kernel just handed out and nobody listens on: connecting is refused at once.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def redis_down(settings) -> Iterator[None]:
    """REDIS_URL points at a Redis that is down."""
    settings.CACHES = {"default": redis_cache(f"redis://127.0.0.1:{_closed_port()}/0")}
    ResilientRedisCache._retry_at.clear()
    yield
    ResilientRedisCache._retry_at.clear()


@pytest.fixture
def redis_up(settings) -> Iterator[None]:
    """REDIS_URL points at the machine's Redis (the README's production setup and CI run one)."""
    try:
        redis.Redis.from_url(MACHINE_REDIS, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        pytest.skip("no Redis at 127.0.0.1:6379 (CI and the machine start one)")
    # Keys of their own: other test runs may share this Redis.
    settings.CACHES = {
        "default": {**redis_cache(MACHINE_REDIS), "KEY_PREFIX": f"test-{uuid.uuid4().hex}"}
    }
    ResilientRedisCache._retry_at.clear()
    yield
