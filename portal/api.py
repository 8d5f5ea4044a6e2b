"""Pieces every API resource shares: errors, strict query parameters, throttles, pagination.

Viewsets only declare; what they declare lives here, written once.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from django.core.exceptions import NON_FIELD_ERRORS, ImproperlyConfigured
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Model, Q, QuerySet
from django.http import Http404
from django_filters import FilterSet
from django_filters.rest_framework import DjangoFilterBackend
from django_filters.widgets import SuffixedMultiWidget
from drf_spectacular.utils import OpenApiResponse
from rest_framework import exceptions, serializers
from rest_framework.pagination import CursorPagination
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, SimpleRateThrottle, UserRateThrottle
from rest_framework.utils.urls import replace_query_param

if TYPE_CHECKING:
    from rest_framework.views import APIView

# rest_framework.views is not imported at module level: it reads DEFAULT_THROTTLE_CLASSES
# while it is being imported, and those classes live here.

# ---------------------------------------------------------------------------------------------
# Errors


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's handler, taught the services' Django exceptions.

    Services raise django.core.exceptions.ValidationError / PermissionDenied with messages
    written for people, in Chinese; DRF would answer a bare 500 or a generic 403 for them.
    """
    from rest_framework.views import exception_handler as drf_exception_handler

    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(detail=django_error_detail(exc))
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(detail=str(exc) or None)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound(detail=str(exc) or None)
    elif isinstance(exc, exceptions.ParseError) and str(exc.detail).startswith("JSON parse error"):
        # DRF's JSON parser speaks English, untranslated ("JSON parse error - Expecting …").
        exc = exceptions.ParseError(detail="请求体不是有效的 JSON。")
    return drf_exception_handler(exc, context)


def django_error_detail(error: DjangoValidationError) -> dict[str, list[str]]:
    """Field-by-field messages; errors about no one field go under non_field_errors."""
    if hasattr(error, "error_dict"):
        return {
            (api_settings.NON_FIELD_ERRORS_KEY if field == NON_FIELD_ERRORS else field): messages
            for field, messages in error.message_dict.items()
        }
    return {api_settings.NON_FIELD_ERRORS_KEY: list(error.messages)}


class StrictSerializer(serializers.Serializer):
    """An input serializer that refuses keys it doesn't know: a typo must not be dropped silently.

    The unknown keys are reported together with the other fields' errors.
    """

    def to_internal_value(self, data: Any) -> Any:
        unknown: dict[str, list[str]] = {}
        if isinstance(data, Mapping):
            writable = {name for name, field in self.fields.items() if not field.read_only}
            allowed = "、".join(sorted(writable))
            unknown = {
                key: [f"不支持的字段。可用的字段：{allowed}。"]
                for key in sorted(set(data) - writable)
            }
        try:
            value = super().to_internal_value(data)
        except exceptions.ValidationError as error:
            if unknown and isinstance(error.detail, dict):
                raise exceptions.ValidationError({**error.detail, **unknown}) from None
            raise
        if unknown:
            raise exceptions.ValidationError(unknown)
        return value


# The shapes of error bodies, for the schema.
_MESSAGES = {"type": "array", "items": {"type": "string"}}
FIELD_ERRORS_SCHEMA = {
    "type": "object",
    "description": "按字段列出的错误信息；不属于某个字段的错误在 non_field_errors 或 detail 下。",
    "additionalProperties": {"oneOf": [_MESSAGES, {"type": "string"}]},
    "example": {"title": ["该字段是必填项。"], "non_field_errors": ["……"]},
}


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="面向用户的中文说明")


_ERROR_DESCRIPTIONS = {
    400: "输入有误：逐字段的中文错误信息（包括未知的或格式错误的查询参数、无效的分页游标）。",
    401: "未登录：请使用会话或 `Authorization: Token …` 认证。",
    403: "无权执行此操作（说明在 detail 中）。",
    404: "不存在，或已被隐藏。",
    429: "请求过于频繁；`Retry-After` 头给出需要等待的秒数。",
}


def error_responses(*codes: int) -> dict[int, OpenApiResponse]:
    """Schema entries for the error responses an operation can give."""
    return {
        code: OpenApiResponse(
            response=FIELD_ERRORS_SCHEMA if code == 400 else ErrorSerializer,
            description=_ERROR_DESCRIPTIONS[code],
        )
        for code in codes
    }


# ---------------------------------------------------------------------------------------------
# Query parameters: an unknown one is an error, never a silently unfiltered list


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


# ---------------------------------------------------------------------------------------------
# Permissions


def staff_with(perm: str) -> type[BasePermission]:
    """Staff holding the same model permission the admin screen asks for."""

    class StaffWithPermission(BasePermission):
        message = "只有有相应权限的管理员可以执行此操作。"

        def has_permission(self, request: Request, view: APIView) -> bool:
            user = request.user
            return bool(user.is_authenticated and user.is_staff and user.has_perm(perm))

    StaffWithPermission.__name__ = f"StaffWith({perm})"
    return StaffWithPermission


# ---------------------------------------------------------------------------------------------
# Throttles. DRF's own classes read their rates once, at import; these read them per request,
# so that a deployment (and a test) can change settings.REST_FRAMEWORK.


class _LiveRates(SimpleRateThrottle):
    def get_rate(self) -> str | None:
        rates = api_settings.DEFAULT_THROTTLE_RATES
        if self.scope not in rates:
            raise ImproperlyConfigured(f"没有为“{self.scope}”设置限速。")
        return rates[self.scope]

    def _ident(self, request: Request) -> str:
        user = request.user
        return f"user-{user.pk}" if user.is_authenticated else f"ip-{self.get_ident(request)}"


class AnonThrottle(_LiveRates, AnonRateThrottle):
    """Visitors, per IP address."""


class UserThrottle(_LiveRates, UserRateThrottle):
    """Signed-in users, per user (visitors per IP address)."""


class WriteThrottle(_LiveRates):
    """Unsafe methods only, per user or per IP: stricter than the read rates."""

    scope = "writes"

    def get_cache_key(self, request: Request, view: APIView) -> str | None:
        if request.method in SAFE_METHODS:
            return None
        return self.cache_format % {"scope": self.scope, "ident": self._ident(request)}


class AssessmentThrottle(_LiveRates):
    """The assessment endpoint, every method, per user or per IP.

    A view that sets throttle_classes replaces the defaults; an assessment computes and stores
    nothing, so it takes the read rates and this one, not the write rate:
    `throttle_classes = [AnonThrottle, UserThrottle, AssessmentThrottle]`.
    """

    scope = "assessments"

    def get_cache_key(self, request: Request, view: APIView) -> str | None:
        return self.cache_format % {"scope": self.scope, "ident": self._ident(request)}


# ---------------------------------------------------------------------------------------------
# Pagination: keyset cursors, no COUNT(*), no OFFSET


class KeysetPagination(CursorPagination):
    """Cursor pagination on the queryset's own ordering, with the whole sort key in the cursor.

    DRF's CursorPagination keeps only the first ordering field in its cursor and steps over
    ties with an OFFSET; ordering by a count (most helpful first) ties on almost every row,
    so its pages would degrade into OFFSET scans. Here the cursor holds every ordering field
    of the row at the page edge, ending with the primary key, and the next page is
    `WHERE (key) after (cursor) ORDER BY key LIMIT n + 1`: constant work per page, no COUNT.
    The ordering is whatever the queryset (or its FilterSet's `ordering`) says.
    """

    page_size = 20
    page_size_query_param = "page_size"
    page_size_query_description = "每页条数，1 到 100，默认 20。"
    cursor_query_description = "上一次响应的 next 或 previous 链接中的游标。"
    max_page_size = 100
    ordering = ("-pk",)

    def paginate_queryset(
        self, queryset: QuerySet, request: Request, view: APIView | None = None
    ) -> list[Model]:
        self.request = request
        self.base_url = request.build_absolute_uri()
        self.page_size = self.get_page_size(request)
        self.ordering = self.get_ordering(request, queryset, view)
        cursor = self.decode_cursor(request)
        self.backwards = bool(cursor and cursor["r"])
        if self.backwards:
            queryset = queryset.order_by(*(_flip(field) for field in self.ordering))
        else:
            queryset = queryset.order_by(*self.ordering)
        if cursor is not None:
            try:
                queryset = queryset.filter(_beyond(self.ordering, cursor["k"], self.backwards))
            except (DjangoValidationError, ValueError, TypeError):
                self._invalid_cursor()
        rows = list(queryset[: self.page_size + 1])
        more = len(rows) > self.page_size
        self.page = rows[: self.page_size]
        if self.backwards:
            self.page.reverse()
            self.has_previous, self.has_next = more, True
        else:
            self.has_previous, self.has_next = cursor is not None, more
        self.display_page_controls = self.has_previous or self.has_next
        return self.page

    def get_page_size(self, request: Request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not (raw.isascii() and raw.isdigit() and 1 <= int(raw) <= self.max_page_size):
            raise exceptions.ValidationError(
                {self.page_size_query_param: [f"每页条数应为 1 到 {self.max_page_size} 的整数。"]}
            )
        return int(raw)

    def get_ordering(
        self, request: Request, queryset: QuerySet, view: APIView | None
    ) -> tuple[str, ...]:
        ordering = tuple(queryset.query.order_by) or tuple(self.ordering)
        assert all(isinstance(f, str) and "__" not in f for f in ordering), ordering
        # The primary key last makes every sort key unique: no ties, no OFFSET.
        if ordering[-1].lstrip("-") not in ("pk", "id"):
            ordering = (*ordering, "pk")
        return ordering

    def decode_cursor(self, request: Request) -> dict[str, Any] | None:
        encoded = request.query_params.get(self.cursor_query_param)
        if encoded is None:
            return None
        try:
            cursor = json.loads(base64.urlsafe_b64decode(encoded.encode("ascii")))
        except (ValueError, UnicodeError, binascii.Error):
            self._invalid_cursor()
        if not (
            isinstance(cursor, dict)
            and cursor.get("o") == list(self.ordering)
            and isinstance(cursor.get("k"), list)
            and len(cursor["k"]) == len(self.ordering)
            and all(isinstance(v, str | int | float | bool) for v in cursor["k"])
            and isinstance(cursor.get("r"), bool)
        ):
            self._invalid_cursor()
        return cursor

    def _invalid_cursor(self) -> NoReturn:
        raise exceptions.ValidationError(
            {self.cursor_query_param: ["分页游标无效或与当前排序不符，请从第一页重新开始。"]}
        )

    def _link(self, row: Model, *, backwards: bool) -> str:
        key = [_jsonable(_value(row, field)) for field in self.ordering]
        payload = json.dumps({"o": list(self.ordering), "k": key, "r": backwards})
        encoded = base64.urlsafe_b64encode(payload.encode()).decode("ascii")
        return replace_query_param(self.base_url, self.cursor_query_param, encoded)

    def get_next_link(self) -> str | None:
        if not (self.has_next and self.page):
            return None
        return self._link(self.page[-1], backwards=False)

    def get_previous_link(self) -> str | None:
        if not (self.has_previous and self.page):
            return None
        return self._link(self.page[0], backwards=True)


def _flip(field: str) -> str:
    return field[1:] if field.startswith("-") else f"-{field}"


def _value(row: Model, field: str) -> Any:
    return getattr(row, field.lstrip("-"))


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime.date):  # datetimes too
        return value.isoformat()
    if value is None:
        raise AssertionError("keyset pagination needs non-null ordering fields")
    return value if isinstance(value, str | int | float | bool) else str(value)


def _beyond(ordering: Sequence[str], key: Sequence[Any], backwards: bool) -> Q:
    """Rows after the key in the ordering (before it when paging backwards).

    (a, b, pk) after (x, y, z) ≡ a > x OR (a = x AND b > y) OR (a = x AND b = y AND pk > z),
    with > read as < for descending fields.
    """
    condition = Q()
    equal: dict[str, Any] = {}
    for field, value in zip(ordering, key, strict=True):
        name = field.lstrip("-")
        descending = field.startswith("-")
        op = "lt" if descending != backwards else "gt"
        condition |= Q(**equal, **{f"{name}__{op}": value})
        equal[name] = value
    return condition
