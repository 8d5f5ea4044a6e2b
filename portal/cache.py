"""Redis as the shared cache, where a Redis that is down degrades the site instead of breaking it.

Django's RedisCache raises on every operation while Redis is unreachable, and every request
touches the cache (DRF's throttles, django-ratelimit, the synonym table, cached pages): one
Redis outage would be a 500 on every page, the API and every sign-in.

ResilientRedisCache answers from a per-process memory cache instead, and tries Redis again after
RETRY_SECONDS:

- reads keep working: a cached value is a miss, recomputed from the database and kept in memory;
- rate limits and throttles keep counting, per process rather than across processes, so a
  limit is at most (number of gunicorn workers) times looser while Redis is down — never off,
  which would let anyone guess passwords unhindered, and never closed, which would lock
  everyone out of signing in;
- what one process invalidates during the outage, the others may serve until it expires;
- /healthz/ asks Redis itself (`is_reachable`) and answers 503, so the outage is seen.

Every switch to memory is logged once, as an error, with the cause.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# How long a process serves from memory before it tries Redis again.
RETRY_SECONDS = 5.0

# Connection refused, a timeout, a reset connection: redis-py raises its own errors for most,
# the socket's own for some.
_UNAVAILABLE = (RedisError, OSError)


# INCR, and on the window's first hit its expiry, in one step: Redis runs a script atomically.
# Returns the count and the milliseconds left.
_COUNT_IN_WINDOW = """
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
local left = redis.call('PTTL', KEYS[1])
if left < 0 then redis.call('EXPIRE', KEYS[1], ARGV[1]); left = ARGV[1] * 1000 end
return {hits, left}
"""


def redis_cache(url: str) -> dict[str, Any]:
    """The CACHES entry for REDIS_URL."""
    return {
        "BACKEND": "portal.cache.ResilientRedisCache",
        "LOCATION": url,
        # A Redis that doesn't answer must cost a request milliseconds, not a minute.
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }


class _ReusedClientRedisCacheClient(RedisCacheClient):
    """Django builds a new redis.Redis for every command, copying its ~170 response callbacks
    each time: a fifth of a page-cache hit's own work. One client per connection pool serves
    every thread (redis-py's clients are thread-safe; the pool hands out the connections and
    starts afresh in a forked process)."""

    # Django's own (RedisCacheClient.__init__), absent from django-stubs.
    _client: type[Any]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, Any] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        # Django's own method, private and absent from django-stubs.
        pool = self._get_connection_pool(write)  # type: ignore[attr-defined]
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    # Per process and per server, shared by the threads: one thread's failure spares the others
    # the wait for a server that doesn't answer.
    _retry_at: dict[str, float] = {}
    # Django's own (RedisCache.__init__), absent from django-stubs.
    _servers: list[str]

    def __init__(self, server: str | list[str], params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = _ReusedClientRedisCacheClient
        self._location = ",".join(self._servers)
        # LocMemCache keeps its data per name, so every thread's backend shares one fallback;
        # the same params make the same keys and timeouts.
        fallback_params = {key: value for key, value in params.items() if key != "OPTIONS"}
        # Room for the rate-limit counts beside cached lookups: a full cache drops a third of
        # its entries at random, counts included.
        fallback_params["OPTIONS"] = {"MAX_ENTRIES": 2000}
        self._fallback = LocMemCache(f"redis-fallback:{self._location}", fallback_params)

    def _call(self, name: str, *args: Any, **kwargs: Any) -> Any:
        if time.monotonic() >= self._retry_at.get(self._location, 0.0):
            try:
                return getattr(super(), name)(*args, **kwargs)
            except _UNAVAILABLE as error:
                self._unavailable(error)
        return getattr(self._fallback, name)(*args, **kwargs)

    def _unavailable(self, error: BaseException) -> None:
        self._retry_at[self._location] = time.monotonic() + RETRY_SECONDS
        logger.error(
            "Redis at %s is unavailable (%s: %s); serving from this process's memory, "
            "trying again in %.0f s",
            self._location,
            type(error).__name__,
            error,
            RETRY_SECONDS,
        )

    def is_reachable(self) -> bool:
        """Ask Redis itself, past the fallback (for /healthz/)."""
        try:
            self._cache.get_client(write=True).ping()
        except _UNAVAILABLE:
            return False
        self._retry_at.pop(self._location, None)
        return True

    def count_in_window(self, key: str, period: int) -> tuple[int, float]:
        """Count one hit in the window of `period` seconds that the first hit opened: the count
        and the seconds left, in one atomic step (the write budget, portal/limits.py)."""
        if time.monotonic() >= self._retry_at.get(self._location, 0.0):
            try:
                redis_key = self.make_and_validate_key(key)
                client = self._cache.get_client(redis_key, write=True)
                hits, milliseconds_left = client.eval(_COUNT_IN_WINDOW, 1, redis_key, period)
                return int(hits), int(milliseconds_left) / 1000
            except _UNAVAILABLE as error:
                self._unavailable(error)
        return self._count_in_memory(key, period)

    def _count_in_memory(self, key: str, period: int) -> tuple[int, float]:
        # LocMemCache's add() and incr() each hold its lock: atomic within this process.
        now = time.time()
        self._fallback.add(f"{key}:start", now, period)
        self._fallback.add(key, 0, period)
        try:
            hits = self._fallback.incr(key)
        except ValueError:  # the window ended between add() and incr()
            return self._count_in_memory(key, period)
        start = self._fallback.get(f"{key}:start", now)
        return hits, max(0.0, start + period - now)

    def add(self, *args: Any, **kwargs: Any) -> bool:
        return self._call("add", *args, **kwargs)

    def get(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("get", *args, **kwargs)

    def set(self, *args: Any, **kwargs: Any) -> None:
        return self._call("set", *args, **kwargs)

    def touch(self, *args: Any, **kwargs: Any) -> bool:
        return self._call("touch", *args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> bool:
        return self._call("delete", *args, **kwargs)

    def get_many(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        return self._call("get_many", *args, **kwargs)

    def has_key(self, *args: Any, **kwargs: Any) -> bool:
        return self._call("has_key", *args, **kwargs)

    def incr(self, *args: Any, **kwargs: Any) -> int:
        return self._call("incr", *args, **kwargs)

    def set_many(self, *args: Any, **kwargs: Any) -> list[str]:
        return self._call("set_many", *args, **kwargs)

    def delete_many(self, *args: Any, **kwargs: Any) -> None:
        return self._call("delete_many", *args, **kwargs)

    def clear(self) -> Any:
        return self._call("clear")
