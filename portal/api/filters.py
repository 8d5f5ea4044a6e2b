"""Query parameters: an unknown one is an error, never a silently unfiltered list."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django_filters import FilterSet
from django_filters.rest_framework import DjangoFilterBackend
from django_filters.widgets import SuffixedMultiWidget
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.settings import api_settings

if TYPE_CHECKING:
    from rest_framework.views import APIView


def check_query_params(request: Request, allowed: Iterable[str]) -> None:
    allowed = set(allowed)
    params = request.query_params
    errors: dict[str, list[str]] = {}
    for name in params:
        if name not in allowed:
            names = "、".join(sorted(allowed))
            errors[name] = [f"不支持的查询参数。可用的参数：{names}。"]
        elif len(params.getlist(name)) > 1:
            errors[name] = ["该参数只能出现一次。"]
    if errors:
        raise exceptions.ValidationError(errors)


def filter_param_names(filterset_class: type[FilterSet] | None) -> set[str]:
    if filterset_class is None:
        return set()
    names: set[str] = set()
    for name, filter_ in filterset_class.base_filters.items():
        widget = filter_.field.widget
        if isinstance(widget, SuffixedMultiWidget):
            # A range filter reads name_after/name_before (or _min/_max), not name itself.
            names.update(widget.suffixed(name, suffix) for suffix in widget.suffixes)
        else:
            names.add(name)
    return names


def pagination_param_names(view: APIView) -> set[str]:
    paginator = getattr(view, "paginator", None)
    attributes = ("cursor_query_param", "page_query_param", "page_size_query_param")
    return {name for name in (getattr(paginator, a, None) for a in attributes) if name is not None}


class StrictFilterBackend(DjangoFilterBackend):
    """django-filter that answers 400 for a parameter it doesn't know or can't read.

    Lists accept their FilterSet's filters and the pagination parameters; every other action
    (a detail, an update) accepts none: `?categroy=x` must not quietly return everything.
    """

    def filter_queryset(self, request: Request, queryset: QuerySet, view: APIView) -> QuerySet:
        listing = getattr(view, "action", None) == "list"
        allowed = {api_settings.URL_FORMAT_OVERRIDE}
        if listing:
            allowed |= pagination_param_names(view)
            allowed |= filter_param_names(self.get_filterset_class(view, queryset))
        check_query_params(request, allowed)
        if not listing:
            return queryset
        return super().filter_queryset(request, queryset, view)
