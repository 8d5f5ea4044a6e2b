"""The write budget: one count per account (per address for visitors) that every write spends,
on a page or through the API, shared by every process of the deployment.

A write is any POST to a page view decorated with `write_limited`, and any unsafe request to the
API (portal.api.throttles.WriteThrottle). Both spend the same budget, THROTTLE_WRITES
(settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["writes"], 30/min by default), so a client
can't get twice the rate by alternating between the form and the API.

Where the count lives, so that every gunicorn worker sees the same number:

- with REDIS_URL, in Redis: one Lua script increments the count and starts its expiry in a
  single atomic step (portal.cache.ResilientRedisCache.count_in_window), so a hundred parallel
  posts can't all read "29" and all pass. While Redis is down it counts per process, as every
  cache-backed limit does (portal/cache.py): looser, never off, never closed.
- without Redis (development on SQLite, or a deployment without it), in the database: one
  INSERT … ON CONFLICT DO UPDATE … RETURNING statement per write, atomic on SQLite and
  PostgreSQL. Django's DatabaseCache or FileBasedCache would be shared too, but their incr() is
  a read then a write, which is exactly the race this replaces. Counting costs one statement
  per write, never per read.

A window opens with the first write and lasts the rate's period (a minute); when it has ended
the next write opens a new one. Retry-After is the time left in the window.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django_ratelimit.exceptions import Ratelimited

from portal.ratelimit import client_ip

_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
# Rows of windows that ended this long ago are deleted when a new address or account starts
# counting: visitors' addresses would otherwise accumulate one row each for ever.
_KEEP_ENDED_SECONDS = 86400


@dataclass(frozen=True)
class Spent:
    allowed: bool
    # Seconds until the window ends (at least 1).
    retry_after: int


class WriteBudgetExhausted(Ratelimited):
    """A page's write over the budget: django-ratelimit's middleware answers it with
    settings.RATELIMIT_VIEW (a 429 page), which reads retry_after."""

    def __init__(self, retry_after: int) -> None:
        super().__init__("操作过于频繁，请稍后再试。")
        self.retry_after = retry_after


def parse_rate(rate: str) -> tuple[int, int]:
    """ "30/min" → (30, 60), as DRF reads its rates."""
    count, period = rate.split("/")
    return int(count), _PERIODS[period[0]]


def write_rate() -> tuple[int, int]:
    # Read per request, as the API's throttles read their rates, so that tests can change it.
    from rest_framework.settings import api_settings

    return parse_rate(str(api_settings.DEFAULT_THROTTLE_RATES["writes"]))


def write_ident(user: AbstractBaseUser | AnonymousUser, request: HttpRequest) -> str:
    """Whose budget: the account when signed in (by session or API token), else the address."""
    if user.is_authenticated:
        return f"user:{user.pk}"
    return f"ip:{client_ip(request)}"


def spend_write(*, user: AbstractBaseUser | AnonymousUser, request: HttpRequest) -> Spent:
    limit, period = write_rate()
    return spend(bucket=f"writes:{write_ident(user, request)}", limit=limit, period=period)


def spend(*, bucket: str, limit: int, period: int) -> Spent:
    """Count one use of `bucket`; allowed while the window's count is at most `limit`."""
    count_in_window = getattr(cache, "count_in_window", None)
    if count_in_window is not None:
        hits, seconds_left = count_in_window(f"budget:{bucket}", period)
    else:
        hits, seconds_left = _count_in_database(bucket, period)
    return Spent(allowed=hits <= limit, retry_after=max(1, int(seconds_left + 0.999)))


def _count_in_database(bucket: str, period: int) -> tuple[int, float]:
    from portal.models import RateWindow

    now = time.time()
    ended = now - period
    table = connection.ops.quote_name(RateWindow._meta.db_table)
    # On a conflict the SET expressions read the row as it was: both CASEs test the old start.
    sql = f"""
        INSERT INTO {table} (bucket, window_start, hits) VALUES (%s, %s, 1)
        ON CONFLICT (bucket) DO UPDATE SET
            hits = CASE WHEN {table}.window_start <= %s THEN 1 ELSE {table}.hits + 1 END,
            window_start = CASE WHEN {table}.window_start <= %s THEN %s
                                ELSE {table}.window_start END
        RETURNING hits, window_start
    """  # noqa: S608 (the table name is the model's; every value is a parameter)
    with connection.cursor() as cursor:
        cursor.execute(sql, [bucket, now, ended, ended, now])
        hits, window_start = cursor.fetchone()
    if hits == 1 and window_start == now:
        RateWindow.objects.filter(window_start__lt=now - _KEEP_ENDED_SECONDS).delete()
    return hits, window_start + period - now


View = TypeVar("View", bound=Callable[..., HttpResponse])


def write_limited(view: View) -> View:
    """A page view whose POSTs spend the write budget; over it, a 429 page."""

    @wraps(view)
    def limited(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method == "POST":
            spent = spend_write(user=request.user, request=request)
            if not spent.allowed:
                raise WriteBudgetExhausted(spent.retry_after)
        return view(request, *args, **kwargs)

    return limited  # type: ignore[return-value]
