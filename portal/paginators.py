"""Paginators for the HTML lists that don't count every row on every page view."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.core.paginator import Paginator


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

    def __init__(self, object_list: Any, per_page: int, *, cap: int, **kwargs: Any) -> None:
        super().__init__(object_list, per_page, **kwargs)
        self.cap = cap

    @cached_property
    def count(self) -> int:
        return self.object_list[: self.cap].count()

    @property
    def capped(self) -> bool:
        return self.count >= self.cap
