"""The page cache: what an anonymous visitor sees, stored whole, and never stale.

Every cached page names the *scopes* it shows (consult.page_scopes: "lists", one question,
the statutes). Each scope has a version in the cache: a random token, replaced by bump()
whenever something the scope covers changes — now, and again when the write commits, so a page
rendered in between from the old rows is filed under a version nobody asks for again. A page is
stored under its path and the versions of its scopes *as read before it was rendered*: a write
during rendering moves a version on and the entry is simply never found. Nothing is deleted;
old entries age out.

The versions also make the ETag, so a browser's If-None-Match is answered with 304 without
rendering (and without touching the database).

Only anonymous GETs are served from or stored in the cache: a signed-in user (or one with a
message pending) always gets a page rendered for them. A response is stored only if it is a 200
that used no CSRF token and set no cookie, so no token, user name or unread count can land in
a shared entry. With several processes the cache must be shared (REDIS_URL): a local-memory
cache only sees its own process's bumps.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags, quote_etag

PAGE_SECONDS = 6 * 60 * 60
# Versions outlive the pages filed under them; one that is evicted anyway starts afresh (and
# the pages filed under the old one are never found again).
VERSION_SECONDS = 7 * 24 * 60 * 60
HIT_HEADER = "X-Page-Cache"

Scopes = Callable[..., Iterable[str]]

# The scopes. "lists" is whatever shows other questions or lawyers: the latest and recommended
# lists (with their answer counts), category pages and counts, related questions, lawyer cards
# and profiles, the questions citing an article. Almost any write to a question or an answer
# changes one of them, and every question page shows the "为您推荐" list, so the per-question
# scope only spares the site's pages from what concerns one question alone: a helpful mark,
# 采纳, a curated related link.
LISTS = "lists"
STATUTES = "statutes"
# The browsing lists (home, category pages, /questions/) also show what a helpful mark or 采纳
# moves: the start of each question's best answer, and the 有帮助 order. Those writes bump only
# this scope (and the question's own), so that question pages, whose 为您推荐 rows leave the
# answer out, stay cached.
BROWSE = "browse"


def question_scope(pk: int) -> str:
    return f"question:{pk}"


def _version_key(scope: str) -> str:
    return f"page:v1:version:{scope}"


def bump(*scopes: str) -> None:
    """Move the scopes' versions on: every page showing them is rendered afresh."""

    def move() -> None:
        cache.set_many({_version_key(scope): uuid.uuid4().hex for scope in scopes}, VERSION_SECONDS)

    move()
    transaction.on_commit(move)


def versions(scopes: Iterable[str]) -> dict[str, str]:
    keys = {_version_key(scope): scope for scope in scopes}
    found = cache.get_many(list(keys))
    for key in keys.keys() - found.keys():
        cache.add(key, uuid.uuid4().hex, VERSION_SECONDS)
        found[key] = cache.get(key)
    return {keys[key]: str(value) for key, value in found.items()}


def _anonymous_without_messages(request: HttpRequest) -> bool:
    if request.user.is_authenticated:
        return False
    # len() reads pending messages without marking them shown.
    return len(get_messages(request)) == 0


def _storable(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        # get_token() was called: the page carries a CSRF token, which is per visitor.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not response.has_header("Set-Cookie")
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


def cached_page(scopes: Scopes, *, params: tuple[str, ...] = ()) -> Callable:
    """Serve the view's page to anonymous visitors from the cache, under the versions of
    scopes(**view_kwargs). Only the query parameters in `params` are allowed on a cached URL
    (anything else is rendered each time, so made-up parameters can't fill the cache)."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if (
                not getattr(settings, "PAGE_CACHE_ENABLED", True)
                or request.method != "GET"
                or set(request.GET) - set(params)
                or not _anonymous_without_messages(request)
            ):
                return view(request, *args, **kwargs)
            current = versions(scopes(**kwargs))
            signature = "|".join(
                [
                    request.get_full_path(),
                    getattr(request, "LANGUAGE_CODE", ""),
                    *(f"{scope}={current[scope]}" for scope in sorted(current)),
                ]
            )
            digest = hashlib.sha256(signature.encode()).hexdigest()[:32]
            etag = quote_etag(digest)
            if etag in parse_etags(request.headers.get("If-None-Match", "")):
                return _finish(HttpResponseNotModified(), etag)
            key = f"page:v1:{digest}"
            stored = cache.get(key)
            if stored is not None:
                status, content_type, content = stored
                response = HttpResponse(content, status=status, content_type=content_type)
                response[HIT_HEADER] = "hit"
                return _finish(response, etag)
            response = view(request, *args, **kwargs)
            if not _storable(request, response):
                return response
            cache.set(
                key,
                (response.status_code, response["Content-Type"], response.content),
                PAGE_SECONDS,
            )
            response[HIT_HEADER] = "miss"
            return _finish(response, etag)

        return wrapper

    return decorator


def _finish(response: HttpResponse, etag: str) -> HttpResponse:
    response["ETag"] = etag
    # Browsers keep the page but ask each time (a 304 costs no rendering); a signed-in user's
    # request carries a cookie and gets their own page.
    patch_cache_control(response, no_cache=True)
    patch_vary_headers(response, ["Cookie"])
    return response
