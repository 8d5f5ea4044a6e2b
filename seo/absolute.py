"""Absolute URLs for search engines and feed readers, built from settings.SITE_URL.

Canonical links, Open Graph URLs, sitemaps and feeds never trust the request's Host header:
a forged Host would otherwise be written into pages that caches and crawlers keep.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings


def absolute_url(path: str, *, page: int | None = None) -> str:
    """SITE_URL + path; page N ≥ 2 of a paginated list keeps its ?page=N."""
    url = settings.SITE_URL + path
    if page is not None and page > 1:
        url += "?" + urlencode({"page": page})
    return url
