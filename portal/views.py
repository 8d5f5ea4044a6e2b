"""Site-wide views: error pages, the rate-limit page and a health check."""

from __future__ import annotations

import logging
import sys
import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.db import (
    DEFAULT_DB_ALIAS,
    DatabaseError,
    InterfaceError,
    OperationalError,
    connections,
)
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views import defaults
from django.views.decorators.csrf import csrf_exempt

from portal.api.errors import (
    DATABASE_RETRY_AFTER,
    api_error,
    api_unavailable,
    is_api_request,
)
from portal.api.errors import (
    api_not_found as api_not_found_response,
)
from portal.limits import WriteBudgetExhausted

logger = logging.getLogger(__name__)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    if is_api_request(request):
        return api_error(400, "请求无效。")
    return defaults.bad_request(request, exception)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    # The services' PermissionDenied messages are written for people, in Chinese.
    message = str(exception) if exception and str(exception) else ""
    if is_api_request(request):
        return api_error(403, message or "无权执行此操作。")
    return render(request, "403.html", {"exception": message}, status=403)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    if is_api_request(request):
        return api_error(403, "CSRF 校验失败：请刷新页面后重试，或使用令牌认证。")
    return render(request, "403_csrf.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    if is_api_request(request):
        return api_not_found_response()
    return render(request, "404.html", status=404)


@csrf_exempt  # a POST to no endpoint is a 404, not a CSRF refusal
def api_not_found(request: HttpRequest) -> HttpResponse:
    return api_not_found_response()


def server_error(request: HttpRequest) -> HttpResponse:
    # Django calls this inside its `except`: a database that doesn't answer (also from a
    # middleware, where DatabaseUnavailableMiddleware can't see it) is a 503, not a 500.
    if database_unavailable(sys.exc_info()[1]):
        return unavailable(request)
    if is_api_request(request):
        return api_error(500, "服务器出错，请稍后再试。")
    # No context processors: they may be what failed.
    return HttpResponse(loader.get_template("500.html").render(), status=500)


def database_unavailable(error: BaseException | None) -> bool:
    """Errors of a database that doesn't answer, or answers "try again" (a restart, a lost
    connection, a deadlock): nothing a request did was committed, and a retry may succeed."""
    return isinstance(error, (OperationalError, InterfaceError))


def unavailable(request: HttpRequest) -> HttpResponse:
    """503 with Retry-After: JSON under /api/, a page of its own elsewhere (rendered without
    context processors, which read the database)."""
    if is_api_request(request):
        return api_unavailable()
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(DATABASE_RETRY_AFTER)
    return response


class DatabaseUnavailableMiddleware:
    """A view that fails because the database doesn't answer gets the 503 (server_error
    covers the middleware; this covers views, whose errors never reach handler500 with
    DEBUG on)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not database_unavailable(exception):
            return None
        logger.error("database unavailable: %s: %s", type(exception).__name__, exception)
        return unavailable(request)


def rate_limited(request: HttpRequest, exception: Exception) -> HttpResponse:
    response = render(request, "429.html", status=429)
    # The write budget knows when its window ends (portal/limits.py); django-ratelimit doesn't.
    response["Retry-After"] = str(
        exception.retry_after if isinstance(exception, WriteBudgetExhausted) else 60
    )
    return response


def bench_bare(request: HttpRequest) -> HttpResponse:
    """A constant page, routed only when BENCH_BARE_VIEW is on: what this stack serves at best."""
    return HttpResponse(b"ok", content_type="text/plain; charset=utf-8")


def _database_answers(alias: str) -> bool:
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        logger.exception("health check: database %r does not answer", alias)
        return False
    return True


def _cache_answers() -> bool:
    # portal.cache.ResilientRedisCache answers from memory while Redis is down: ask Redis.
    is_reachable = getattr(cache, "is_reachable", None)
    if is_reachable is not None:
        return is_reachable()
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", 10)
    answered = cache.get(key) == "ok"
    cache.delete(key)
    return answered


def healthz(request: HttpRequest) -> JsonResponse:
    """200 when every database and the cache answer; 503 naming what doesn't (for monitors and
    load balancers, so a Redis outage the site survives is still seen)."""
    checks = {
        "database" if alias == DEFAULT_DB_ALIAS else f"database:{alias}": _database_answers(alias)
        for alias in connections
    }
    checks["cache"] = _cache_answers()
    failed = [name for name, ok in checks.items() if not ok]
    body = {
        "status": "error" if failed else "ok",
        "checks": {name: "ok" if ok else "不可用" for name, ok in checks.items()},
        "failed": failed,
    }
    return JsonResponse(body, status=503 if failed else 200)
