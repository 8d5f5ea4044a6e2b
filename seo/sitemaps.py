"""Sitemaps (django.contrib.sitemaps classes) whose URLs come from SITE_URL: the index and
the sections' chunks.

A section with more rows than a sitemap may hold (50,000 URLs) is split into chunks
(``/sitemap-questions.xml?p=2``). A big table is chunked by ranges of its primary key, not by
COUNT(*) and OFFSET: the index then costs one ``MAX(id)`` per section, a chunk is one range
scan of the primary key index, and a row keeps its chunk when rows before it are hidden.

A chunk is written by sitemap_section below rather than by Django's view and template: at
50,000 URLs the template loop and a reverse() per URL took ten times as long as the query
(bench/sitemaps.py).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any, TypedDict
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db.models import Max, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.http import http_date

from seo.absolute import absolute_url

# The protocol's ceiling (sitemaps.org): a sitemap lists at most 50,000 URLs.
MAX_URLS_PER_SITEMAP = 50_000


class LastChange(TypedDict):
    """The `last_change` a section annotates its rows with (its lastmod)."""

    last_change: datetime | None


class SiteSitemap(Sitemap):
    """URLs on SITE_URL's scheme and host, whatever Host header the crawler sent."""

    limit = MAX_URLS_PER_SITEMAP

    def get_protocol(self, protocol: str | None = None) -> str:
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site: Any = None) -> str:
        return urlsplit(settings.SITE_URL).netloc

    def lastmod(self, item: Any) -> datetime | None:
        """When the item's page last changed; sections that know it say so."""
        return None


def integer_url(viewname: str) -> Callable[[int], str]:
    """reverse(viewname, args=[n]) resolved once: reverse() costs tens of microseconds, paid
    50,000 times per chunk; the URL's shape around the integer is the same for every n."""
    marker = 918273645
    before, after = reverse(viewname, args=[marker]).split(str(marker))
    return lambda n: f"{before}{n}{after}"


class IdRangePaginator(Paginator):
    """Page n holds the rows whose primary key lies in ((n-1)·per_page, n·per_page]: never more
    than per_page rows, found through the primary key index. A page can be short, or even
    empty, where ids were deleted or rows hidden; that is a valid, empty sitemap."""

    def __init__(self, queryset: QuerySet[Any], per_page: int) -> None:
        super().__init__(queryset.order_by("pk"), per_page)
        self.queryset = queryset

    @cached_property
    def num_pages(self) -> int:
        highest = self.queryset.aggregate(highest=Max("pk"))["highest"] or 0
        return max(1, math.ceil(highest / self.per_page))

    def page(self, number: Any) -> Page:
        number = self.validate_number(number)
        low = (number - 1) * self.per_page
        rows = self.queryset.filter(pk__gt=low, pk__lte=low + self.per_page).order_by("pk")
        return Page(rows, number, self)


class IdRangeSitemap(SiteSitemap):
    """A sitemap of a table that grows without bound, chunked by IdRangePaginator."""

    def items(self) -> QuerySet[Any]:
        """The table's rows that a visitor may see; each section says which."""
        raise NotImplementedError

    @cached_property
    def paginator(self) -> Paginator:
        return IdRangePaginator(self.items(), self.limit)


@x_robots_tag
def sitemap_index(
    request: HttpRequest, sitemaps: dict[str, type[SiteSitemap]], section_url_name: str
) -> TemplateResponse:
    """Every chunk of every section, on SITE_URL. Entries carry no lastmod (optional in the
    protocol): the newest change in a chunk of questions is an aggregate over the whole table
    (seconds at a million rows), while each URL inside the chunk carries its own lastmod."""
    entries = []
    for section, sitemap_class in sitemaps.items():
        sitemap = sitemap_class()
        location = absolute_url(reverse(section_url_name, kwargs={"section": section}))
        entries.append(SitemapIndexItem(location))
        entries += [
            SitemapIndexItem(f"{location}?p={number}")
            for number in range(2, sitemap.paginator.num_pages + 1)
        ]
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml"
    )


def _w3c(moment: datetime) -> str:
    return timezone.localtime(moment).isoformat(timespec="seconds")


@x_robots_tag
def sitemap_section(
    request: HttpRequest, sitemaps: dict[str, type[SiteSitemap]], section: str
) -> HttpResponse:
    """One chunk (?p=N) of one section. Rows are read with iterator(), so only the XML text is
    held, never 50,000 model instances; Last-Modified is the newest lastmod in the chunk."""
    if section not in sitemaps:
        raise Http404("没有这个站点地图")
    sitemap = sitemaps[section]()
    try:
        page = sitemap.paginator.page(request.GET.get("p", 1))
    except (EmptyPage, PageNotAnInteger):
        raise Http404("没有这一页") from None
    rows: Iterable[Any] = page.object_list
    if isinstance(rows, QuerySet):
        rows = rows.iterator(chunk_size=2000)
    site = f"{sitemap.get_protocol()}://{sitemap.get_domain()}"
    newest: datetime | None = None
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
    ]
    for row in rows:
        parts.append(f"<url><loc>{escape(site + sitemap.location(row))}</loc>")
        lastmod = sitemap.lastmod(row)
        if lastmod is not None:
            parts.append(f"<lastmod>{_w3c(lastmod)}</lastmod>")
            newest = lastmod if newest is None else max(newest, lastmod)
        parts.append("</url>\n")
    parts.append("</urlset>\n")
    response = HttpResponse("".join(parts), content_type="application/xml")
    if newest is not None:
        response.headers["Last-Modified"] = http_date(newest.timestamp())
    return response
