"""Statute pages: the list of laws, a law (one version), an article."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from consult import page_scopes
from consult import selectors as consult_selectors
from portal.page_cache import cached_page
from portal.paginators import CappedPaginator
from statutes import selectors, structured_data

CITING_PAGE_SIZE = 20
# At most this many citing questions are reachable from an article's page (50 pages): the
# count costs the same for an article cited a thousand times as for one cited a million.
CITING_CAP = 1000


@cached_page(page_scopes.law_page)
def law_list(request: HttpRequest) -> HttpResponse:
    return render(request, "statutes/law_list.html", {"groups": selectors.law_groups()})


@cached_page(page_scopes.law_page)
def law_detail(request: HttpRequest, law: str, version: str | None = None) -> HttpResponse:
    law_version = selectors.law_version(law, version)
    if version is not None and law_version.is_current:
        # The version in force lives at the law's own URL.
        return redirect(law_version, permanent=True)
    return render(
        request,
        "statutes/law_detail.html",
        {
            "version": law_version,
            "law": law_version.law,
            "articles": law_version.articles.all(),
            "other_versions": selectors.other_versions(law_version),
        },
    )


@cached_page(page_scopes.article_page, params=("page",))
def article_detail(
    request: HttpRequest, law: str, article: tuple[int, int], version: str | None = None
) -> HttpResponse:
    law_version = selectors.law_version(law, version)
    if version is not None and law_version.is_current:
        return redirect("statutes:article-detail", law=law, article=article, permanent=True)
    obj = selectors.article_in(law_version, *article)
    previous, following = selectors.neighbours(obj)
    return render(
        request,
        "statutes/article_detail.html",
        {
            "article": obj,
            "structured_data": structured_data.legislation(obj),
            "version": law_version,
            "law": law_version.law,
            "previous": previous,
            "following": following,
            "concerns_pi_crime": selectors.concerns_pi_crime(obj),
            # Paged: anyone may ask a question citing an article, so the list has no natural bound.
            "page": CappedPaginator(
                consult_selectors.questions_citing(obj), CITING_PAGE_SIZE, cap=CITING_CAP
            ).get_page(request.GET.get("page")),
        },
    )
