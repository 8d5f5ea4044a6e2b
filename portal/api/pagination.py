"""Pagination: keyset cursors, no COUNT(*), no OFFSET."""

from __future__ import annotations

import base64
import binascii
import datetime
import json
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Model, Q, QuerySet
from rest_framework import exceptions
from rest_framework.pagination import CursorPagination
from rest_framework.request import Request
from rest_framework.utils.urls import replace_query_param

if TYPE_CHECKING:
    from rest_framework.views import APIView


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
    ordering: tuple[str, ...] = ("-pk",)

    def paginate_queryset(
        self,
        queryset: QuerySet[Any, Any] | Sequence[Any],
        request: Request,
        view: APIView | None = None,
    ) -> list[Any]:
        if not isinstance(queryset, QuerySet):
            raise TypeError("KeysetPagination pages a QuerySet (its ordering is the key)")
        self.request = request
        self._page_url = self.base_url = request.build_absolute_uri()
        self.page_size = self.get_page_size(request)
        self.ordering = self.get_ordering(request, queryset, view)
        cursor = self._decode_key_cursor(request)
        self.backwards = bool(cursor and cursor["r"])
        if self.backwards:
            queryset = queryset.order_by(*(_flip(field) for field in self.ordering))
        else:
            queryset = queryset.order_by(*self.ordering)
        if cursor is not None:
            try:
                queryset = queryset.filter(_beyond(self.ordering, cursor["k"], self.backwards))
            except (DjangoValidationError, ValueError, TypeError, OverflowError):
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

    def get_schema_operation_parameters(self, view: APIView) -> list[dict[str, Any]]:
        # The range get_page_size() enforces, stated in the schema.
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"] = {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": self.max_page_size,
                    "default": self.page_size,
                }
        return parameters

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
        fields = tuple(queryset.query.order_by) or tuple(self.ordering)
        ordering = tuple(f for f in fields if isinstance(f, str) and "__" not in f)
        assert ordering == fields, fields  # plain field names only: they go into the cursor
        # The primary key last makes every sort key unique: no ties, no OFFSET.
        if ordering[-1].lstrip("-") not in ("pk", "id"):
            ordering = (*ordering, "pk")
        return ordering

    def _decode_key_cursor(self, request: Request) -> dict[str, Any] | None:
        # Not DRF's decode_cursor(): this cursor holds the whole sort key, not a Cursor tuple.
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
            and all(_plain_key(v) for v in cursor["k"])
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
        return replace_query_param(self._page_url, self.cursor_query_param, encoded)

    def get_next_link(self) -> str | None:
        if not (self.has_next and self.page):
            return None
        return self._link(self.page[-1], backwards=False)

    def get_previous_link(self) -> str | None:
        if not (self.has_previous and self.page):
            return None
        return self._link(self.page[0], backwards=True)


def _plain_key(value: Any) -> bool:
    """A key value the database can compare with: an edited cursor may hold 1e400 (infinity,
    which no integer column can take) or a NUL (which PostgreSQL refuses in text) — a 500."""
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, str):
        return "\x00" not in value
    return isinstance(value, int | bool)


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
