"""Keeping what people type out of the site's logs.

Search terms travel in GET URLs (/search/?q=…, /search/suggestions/?q=…), and a request line or
a Referer carrying one would put whatever the visitor typed — a name, an ID number — into the
logs. `scrub_urls` drops the values of the free-text parameters and masks identifiers in every
other one; `QueryStringFilter` applies it to the arguments of each log record passing through
(Django's `django.server` and `django.request` loggers in portal/settings.py; gunicorn's access
log can use it too: its record arguments are a dict of atoms, and the bare query string atom "q"
is scrubbed as well).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote, unquote_plus

from privacy.identifiers import mask_text

# Parameters whose value is text someone typed: never logged at all. (q: the search box and
# the ask page's suggestions; text: statute search in the API.)
FREE_TEXT_PARAMETERS = frozenset({"q", "text", "search", "query", "title", "body"})
DROPPED = "***"
# A path with its query string, up to the next space or quote (a request line "GET /x?q=1
# HTTP/1.1", a bare URL, a Referer).
_URL_WITH_QUERY = re.compile(r"(?P<path>[^\s\"'?]*)\?(?P<query>[^\s\"'#]*)")


def scrub_query(query: str) -> str:
    """A query string (without the "?") safe to log."""
    parts = []
    for pair in query.split("&"):
        name, equals, value = pair.partition("=")
        if not equals:
            parts.append(pair)
        elif unquote_plus(name).lower() in FREE_TEXT_PARAMETERS:
            parts.append(f"{name}={DROPPED}")
        else:
            text = unquote_plus(value)
            masked = mask_text(text).text
            parts.append(f"{name}={value if masked == text else quote(masked, safe='*')}")
    return "&".join(parts)


def scrub_urls(text: str) -> str:
    """`text` with the query string of every URL in it scrubbed."""
    if "?" not in text:
        return text
    return _URL_WITH_QUERY.sub(lambda match: f"{match['path']}?{scrub_query(match['query'])}", text)


def _scrub(value: Any) -> Any:
    return scrub_urls(value) if isinstance(value, str) else value


class QueryStringFilter(logging.Filter):
    """Rewrites the record's message arguments; never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = scrub_urls(record.msg)
        if isinstance(record.args, Mapping):
            args = {key: _scrub(value) for key, value in record.args.items()}
            if isinstance(args.get("q"), str):  # gunicorn's bare query string atom
                args["q"] = scrub_query(args["q"])
            record.args = args
        elif isinstance(record.args, tuple):
            record.args = tuple(_scrub(value) for value in record.args)
        return True
