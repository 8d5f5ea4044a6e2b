"""What crawlers may not visit: one list, read by robots.txt and by the X-Robots-Tag header.

robots.txt only asks crawlers to stay out; a page it disallows can still be indexed from a link
elsewhere, so the same paths also answer with ``X-Robots-Tag: noindex``. Pages crawlers may
visit but must not index (search results, the assessment result, hidden questions shown to
staff) say so in their own ``<meta name="robots">`` instead (templates/includes/_meta.html).
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from seo.absolute import absolute_url


def private_path_prefixes() -> list[str]:
    """Sign-in, account and notification pages, the ask and lawyer-application forms, the
    lawyer workspace, the answer actions (追问 included), the admin and the API (with its
    docs)."""
    return [
        _parent(reverse("accounts:account")),  # every page under /accounts/
        reverse("consult:question-create"),
        reverse("consult:lawyer-apply"),
        reverse("consult:lawyer-workspace"),  # and its pages: a lawyer's own
        reverse("consult:notification-list"),
        reverse("consult:search-suggestions"),
        # /answers/<id>/edit|accept|helpful/: actions only; an answer is read on its question.
        _parent(_parent(reverse("consult:answer-edit", args=[0]))),
        reverse("admin:index"),
        reverse("api:api-root"),  # the JSON API, the assessment endpoint, schema and docs
    ]


def _parent(path: str) -> str:
    """ "/accounts/me/" → "/accounts/"."""
    return path.rstrip("/").rsplit("/", 1)[0] + "/"


@require_safe
@cache_control(public=True, max_age=3600)
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = ["User-agent: *"]
    lines += [f"Disallow: {prefix}" for prefix in private_path_prefixes()]
    lines += ["", f"Sitemap: {absolute_url(reverse('seo:sitemap-index'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


class NoindexPrivatePathsMiddleware:
    """``X-Robots-Tag: noindex`` on every response under a path robots.txt disallows, including
    the admin's and DRF's own pages, which no template of ours renders."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.prefixes: tuple[str, ...] | None = None

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self.prefixes is None:
            # Resolved on the first request, when the URLconf is certainly loaded.
            self.prefixes = tuple(private_path_prefixes())
        if request.path.startswith(self.prefixes):
            response.headers["X-Robots-Tag"] = "noindex, nofollow"
        return response
