"""Paginators for the HTML lists that don't count every row on every page view."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet

from portal.api.pagination import _beyond, _flip, _jsonable, _plain_key


class KnownCountPaginator(Paginator):
    """The number of rows is already known (a stored counter): no COUNT(*) is run."""

    def __init__(self, object_list: Any, per_page: int, *, count: int, **kwargs: Any) -> None:
        super().__init__(object_list, per_page, **kwargs)
        self._known_count = count

    @cached_property
    def count(self) -> int:
        return self._known_count


class CappedPaginator(Paginator):
    """Counts at most `cap` rows (COUNT over a LIMIT), so pages beyond the cap don't exist and
    the count costs the same however many rows match."""

    object_list: QuerySet[Any]

    def __init__(
        self, object_list: QuerySet[Any], per_page: int, *, cap: int, **kwargs: Any
    ) -> None:
        super().__init__(object_list, per_page, **kwargs)
        self.cap = cap

    @cached_property
    def count(self) -> int:
        return self.object_list[: self.cap].count()

    @property
    def capped(self) -> bool:
        return self.count >= self.cap


class InvalidCursor(ValueError):
    """The cursor was edited, truncated or made for another ordering."""


@dataclass(frozen=True)
class KeysetPage:
    """One page of an HTML list paged by keyset (see portal.api.pagination.KeysetPagination,
    whose cursor format and WHERE it shares): stable while rows are added, no COUNT, no OFFSET."""

    object_list: list[Any]
    next_cursor: str | None
    previous_cursor: str | None

    @property
    def has_other_pages(self) -> bool:
        return bool(self.next_cursor or self.previous_cursor)


def _encode(ordering: tuple[str, ...], row: Any, *, backwards: bool) -> str:
    key = [_jsonable(getattr(row, field.lstrip("-"))) for field in ordering]
    payload = json.dumps({"o": list(ordering), "k": key, "r": backwards})
    return base64.urlsafe_b64encode(payload.encode()).decode("ascii")


def _decode(ordering: tuple[str, ...], encoded: str) -> tuple[list[Any], bool]:
    try:
        cursor = json.loads(base64.urlsafe_b64decode(encoded.encode("ascii")))
    except (ValueError, UnicodeError, binascii.Error):
        raise InvalidCursor from None
    if not (
        isinstance(cursor, dict)
        and cursor.get("o") == list(ordering)
        and isinstance(cursor.get("k"), list)
        and len(cursor["k"]) == len(ordering)
        and all(_plain_key(value) for value in cursor["k"])
        and isinstance(cursor.get("r"), bool)
    ):
        raise InvalidCursor
    return cursor["k"], cursor["r"]


def keyset_page(
    queryset: QuerySet, ordering: tuple[str, ...], cursor: str | None, *, per_page: int
) -> KeysetPage:
    """The page after (or, for a backwards cursor, before) the cursor's row; the first page
    without one. `ordering` must end with the primary key. Raises InvalidCursor."""
    backwards = False
    if cursor:
        key, backwards = _decode(ordering, cursor)
        try:
            condition = _beyond(ordering, key, backwards)
            queryset = queryset.filter(condition)
        except (DjangoValidationError, ValueError, TypeError, OverflowError):
            raise InvalidCursor from None
    order = tuple(_flip(field) for field in ordering) if backwards else ordering
    try:
        rows = list(queryset.order_by(*order)[: per_page + 1])
    except (DjangoValidationError, ValueError, TypeError, OverflowError):
        raise InvalidCursor from None
    more = len(rows) > per_page
    rows = rows[:per_page]
    if backwards:
        rows.reverse()
        has_previous, has_next = more, True
    else:
        has_previous, has_next = bool(cursor), more
    return KeysetPage(
        object_list=rows,
        next_cursor=_encode(ordering, rows[-1], backwards=False) if has_next and rows else None,
        previous_cursor=_encode(ordering, rows[0], backwards=True)
        if has_previous and rows
        else None,
    )
