"""The page cache: what an anonymous visitor sees, stored whole, and never stale.

Every cached page names the *scopes* it shows (consult.page_scopes: "lists", one question,
the statutes). Each scope has a version in the cache: a random token, replaced by bump()
whenever something the scope covers changes — now, and again when the write commits, so a page
rendered in between from the old rows carries a version nobody asks for again. A page is
stored under its path with the versions of its scopes *as read before it was rendered*, and
served only while they are still the current ones: a write during rendering moves a version on
and the entry is never served; the next render replaces it. Nothing is deleted; entries age
out.

The versions also make the ETag, so a browser's If-None-Match is answered with 304 without
rendering (and without touching the database).

PageCacheMiddleware, early in MIDDLEWARE, serves a stored page before the session, auth,
messages and CSRF middleware run when the request carries no session or messages cookie (so
cannot be signed in or have a message waiting): a hit costs one Redis round trip (the entry and
its scopes' versions together) and no middleware work. Entries are stored by the middleware on
the way out, with the headers every inner middleware added.

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
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.urls import Resolver404, resolve
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags, quote_etag
from django.utils.translation import get_language_from_request

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
    return _read(None, scopes)[1]


def _read(entry_key: str | None, scopes: Iterable[str]) -> tuple[object, dict[str, str]]:
    """The stored entry (None if there is none) and the scopes' current versions, in one
    round trip."""
    keys = {_version_key(scope): scope for scope in scopes}
    found = cache.get_many([*keys, entry_key] if entry_key else list(keys))
    entry = found.pop(entry_key, None) if entry_key else None
    for key in keys.keys() - found.keys():
        cache.add(key, uuid.uuid4().hex, VERSION_SECONDS)
        found[key] = cache.get(key)
    return entry, {keys[key]: str(value) for key, value in found.items()}


@dataclass(frozen=True)
class Entry:
    """A stored page: the versions it was rendered under, and the response as the middleware
    sent it (headers included, cookies never)."""

    versions: dict[str, str]
    status: int
    headers: list[tuple[str, str]]
    content: bytes


@dataclass(frozen=True)
class Lookup:
    """The cache's answer for one anonymous request: the entry if it is still current, and the
    versions it was looked up under (a page rendered now is filed under them)."""

    key: str
    current: dict[str, str]
    entry: Entry | None

    @property
    def etag(self) -> str:
        scopes = (f"{scope}={self.current[scope]}" for scope in sorted(self.current))
        signature = "|".join([self.key, *scopes])
        return quote_etag(hashlib.sha256(signature.encode()).hexdigest()[:32])


def _lookup(request: HttpRequest, scopes: Iterable[str]) -> Lookup:
    # One entry per page, holding the versions it was rendered under: a later render replaces
    # it, and an entry whose versions have moved on is never served. The language is what
    # LocaleMiddleware would pick, computed the same way when the lookup runs before it.
    language = getattr(request, "LANGUAGE_CODE", "") or get_language_from_request(request)
    page = hashlib.sha256(f"{request.get_full_path()}|{language}".encode()).hexdigest()[:32]
    key = f"page:v2:{page}"
    entry, current = _read(key, scopes)
    if not isinstance(entry, Entry) or entry.versions != current:
        entry = None
    return Lookup(key, current, entry)


# Set afresh on every response. A response that sets a cookie is never stored at all.
_NOT_STORED = {"set-cookie", HIT_HEADER.lower()}


def _store(lookup: Lookup, response: HttpResponse) -> None:
    headers = [(name, value) for name, value in response.items() if name.lower() not in _NOT_STORED]
    entry = Entry(lookup.current, response.status_code, headers, response.content)
    cache.set(lookup.key, entry, PAGE_SECONDS)


def _replay(entry: Entry, *, not_modified: bool = False) -> HttpResponse:
    if not_modified:
        response: HttpResponse = HttpResponseNotModified()
        for name, value in entry.headers:
            if name.lower() not in ("content-type", "content-length"):
                response[name] = value
        return response
    response = HttpResponse(entry.content, status=entry.status)
    for name, value in entry.headers:
        response[name] = value
    response[HIT_HEADER] = "hit"
    return response


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


def _enabled(request: HttpRequest, params: tuple[str, ...]) -> bool:
    return (
        getattr(settings, "PAGE_CACHE_ENABLED", True)
        and request.method == "GET"
        and not set(request.GET) - set(params)
    )


@dataclass(frozen=True)
class _Cached:
    scopes: Scopes
    params: tuple[str, ...]


# The views cached_page wraps, so the middleware knows a cached page from its URL alone.
_CACHED_VIEWS: dict[Callable[..., HttpResponse], _Cached] = {}

# request.META keys between the middleware and the view's wrapper.
_OUTER = "portal.page_cache.outer"  # the middleware is in the stack: it stores the page
_LOOKUP = "portal.page_cache.lookup"  # what the middleware found (a miss)
_TO_STORE = "portal.page_cache.store"  # the wrapper's storable page, to store with all headers


def cached_page(scopes: Scopes, *, params: tuple[str, ...] = ()) -> Callable:
    """Serve the view's page to anonymous visitors from the cache, under the versions of
    scopes(**view_kwargs). Only the query parameters in `params` are allowed on a cached URL
    (anything else is rendered each time, so made-up parameters can't fill the cache)."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not _enabled(request, params) or not _anonymous_without_messages(request):
                return view(request, *args, **kwargs)
            lookup = request.META.get(_LOOKUP) or _lookup(request, scopes(**kwargs))
            if lookup.etag in parse_etags(request.headers.get("If-None-Match", "")):
                return _finish(HttpResponseNotModified(), lookup.etag)
            if lookup.entry is not None:
                # A visitor with a session cookie: the middleware let it through.
                entry = lookup.entry
                response = HttpResponse(entry.content, status=entry.status)
                response["Content-Type"] = dict(entry.headers).get("Content-Type", "text/html")
                response[HIT_HEADER] = "hit"
                return _finish(response, lookup.etag)
            response = view(request, *args, **kwargs)
            if not _storable(request, response):
                return response
            response[HIT_HEADER] = "miss"
            _finish(response, lookup.etag)
            if request.META.get(_OUTER):
                request.META[_TO_STORE] = lookup
            else:
                _store(lookup, response)
            return response

        _CACHED_VIEWS[wrapper] = _Cached(scopes, params)
        return wrapper

    return decorator


def _finish(response: HttpResponse, etag: str) -> HttpResponse:
    response["ETag"] = etag
    # Browsers keep the page but ask each time (a 304 costs no rendering); a signed-in user's
    # request carries a cookie and gets their own page.
    patch_cache_control(response, no_cache=True)
    patch_vary_headers(response, ["Cookie"])
    return response


class PageCacheMiddleware:
    """Serves a cached page before the session, authentication, messages and CSRF middleware
    run, to a request that cannot be signed in or carry a message: no session cookie, no
    messages cookie. The entry holds the response as this middleware sent it, so a hit carries
    the same headers as the rendered page. On the way out it stores what cached_page found
    storable, once every inner middleware has had its say (a cookie set by any of them keeps
    the page out of the cache)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.META[_OUTER] = True
        early = self._early(request)
        if early is not None:
            return early
        response = self.get_response(request)
        lookup = request.META.pop(_TO_STORE, None)
        if lookup is not None and _storable(request, response):
            _store(lookup, response)
        return response

    def _early(self, request: HttpRequest) -> HttpResponse | None:
        if request.method != "GET" or (
            settings.SESSION_COOKIE_NAME in request.COOKIES or _MESSAGES_COOKIE in request.COOKIES
        ):
            return None
        # As CommonMiddleware would, later: a Host outside ALLOWED_HOSTS is a 400, cached or not.
        request.get_host()
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None
        cached = _CACHED_VIEWS.get(match.func)
        if cached is None or not _enabled(request, cached.params):
            return None
        lookup = _lookup(request, cached.scopes(**match.kwargs))
        if lookup.entry is None:
            request.META[_LOOKUP] = lookup
            return None
        if lookup.etag in parse_etags(request.headers.get("If-None-Match", "")):
            return _replay(lookup.entry, not_modified=True)
        return _replay(lookup.entry)


# Where django.contrib.messages' FallbackStorage keeps messages first (then the session).
_MESSAGES_COOKIE = CookieStorage.cookie_name
