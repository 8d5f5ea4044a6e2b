"""Reads from a replica (DATABASE_REPLICA_URL), without anyone missing what they just wrote.

A replica lags behind the primary by a moment. Reading from it is safe only where a moment's
lag can't be seen or can't do harm, so the replica is opt-in per request:

- only a safe request (GET, HEAD, OPTIONS) may read from it: a form submission reads what it
  validates against, and locks rows, on the primary;
- not for a browser that has just written: after a successful unsafe request the response sets
  a short-lived cookie, and for REPLICA_PIN_SECONDS that browser's reads stay on the primary —
  the asker sees the question they just posted, a lawyer their answer, a new user their session;
- not after a write in the same request, and never inside a transaction (a `select_for_update`
  or a read that a write depends on must see the primary);
- management commands, the shell and anything else outside a request read from the primary.

A GET that writes (opening a notification marks it read) pins nothing for later requests: a
replica a moment behind may show the notification unread once more.

The cookie carries only an expiry time: forging it sends your own reads to the primary, no more.
API clients that don't keep cookies read from the replica right away; a POST already returns
what it created.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Model
from django.http import HttpRequest, HttpResponse

REPLICA = "replica"
PIN_COOKIE = "read_primary_until"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

# True while the current request may read from the replica; False everywhere else.
_replica_allowed: ContextVar[bool] = ContextVar("replica_allowed", default=False)


def _in_transaction() -> bool:
    # A test case wraps each test in atomic blocks of its own (Django marks them, and skips them
    # itself for durable blocks); only the application's own blocks count.
    return any(
        not getattr(block, "_from_testcase", False)
        for block in connections[DEFAULT_DB_ALIAS].atomic_blocks
    )


class PrimaryReplicaRouter:
    """Writes to the primary; reads to the replica where the current request allows it."""

    def db_for_read(self, model: type[Model], **hints: Any) -> str:
        instance = hints.get("instance")
        if instance is not None and instance._state.db:
            # Related objects come from where their instance came from: one consistent view.
            return instance._state.db
        if _replica_allowed.get() and not _in_transaction():
            return REPLICA
        return DEFAULT_DB_ALIAS

    def db_for_write(self, model: type[Model], **hints: Any) -> str:
        # The rest of this request reads what it has just written.
        _replica_allowed.set(False)
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1: Model, obj2: Model, **hints: Any) -> bool | None:
        # Both aliases hold the same rows.
        if {obj1._state.db, obj2._state.db} <= {DEFAULT_DB_ALIAS, REPLICA}:
            return True
        return None

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        # The replica copies the primary's schema; it is never migrated itself.
        return False if db == REPLICA else None


def _pinned_to_primary(request: HttpRequest) -> bool:
    try:
        until = float(request.COOKIES.get(PIN_COOKIE, ""))
    except ValueError:
        return False
    return until > time.time()


class ReadYourWritesMiddleware:
    """Lets a safe request read from the replica unless its browser has just written."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        safe = request.method in SAFE_METHODS
        token = _replica_allowed.set(safe and not _pinned_to_primary(request))
        try:
            response = self.get_response(request)
        finally:
            _replica_allowed.reset(token)
        if not safe and response.status_code < 400:
            seconds = settings.REPLICA_PIN_SECONDS
            response.set_cookie(
                PIN_COOKIE,
                str(int(time.time()) + seconds),
                max_age=seconds,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response
