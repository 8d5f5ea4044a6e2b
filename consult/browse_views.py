"""/questions/: every visible question, filtered and sorted, paged by keyset."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from consult import page_scopes, selectors
from consult.filters import QUESTION_ORDERINGS, QuestionFilter
from portal.page_cache import cached_page
from portal.paginators import InvalidCursor, keyset_page

PAGE_SIZE = 20
# The API's filters, by the same names and with the same meaning; its other ones (cites,
# dates) are not offered here.
FILTER_PARAMS = ("category", "answered", "has_accepted", "ordering")
CURSOR_PARAM = "cursor"
INVALID_CURSOR = "分页链接无效或已过期，已为您显示第一页。"


@cached_page(page_scopes.browse_lists, params=(*FILTER_PARAMS, CURSOR_PARAM))
def question_browse(request: HttpRequest) -> HttpResponse:
    data = {name: request.GET[name] for name in FILTER_PARAMS if request.GET.get(name)}
    filters = QuestionFilter(data, queryset=selectors.question_list())
    context: dict[str, object] = {
        "filters": filters,
        "categories": selectors.categories(),
        "selected": data,
    }
    if not filters.is_valid():
        return render(request, "consult/question_list.html", context, status=400)
    ordering = QUESTION_ORDERINGS[data.get("ordering", "newest")]
    status = 200
    try:
        page = keyset_page(filters.qs, ordering, request.GET.get(CURSOR_PARAM), per_page=PAGE_SIZE)
    except InvalidCursor:
        # An edited or truncated link: say so, and start again rather than fail.
        page = keyset_page(filters.qs, ordering, None, per_page=PAGE_SIZE)
        context["notice"] = INVALID_CURSOR
        status = 400
    context["page"] = page
    return render(request, "consult/question_list.html", context, status=status)
