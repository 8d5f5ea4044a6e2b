"""Pages of ranked results: offset pages over at most COUNT_CAP matches, never a COUNT(*)
over the whole table ("1000+")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from search.highlight import Hit

COUNT_CAP = 1000


def capped_count(queryset: QuerySet, cap: int = COUNT_CAP) -> int:
    """How many rows match, counting no further than cap + 1."""
    # Only the key in the bounded subquery: no ranking for rows that are only counted.
    return queryset.order_by().values("pk")[: cap + 1].count()


def page_number(raw: str | None, *, per_page: int) -> int:
    """The requested page; 1 when it is missing, not a number or beyond the last page."""
    last = COUNT_CAP // per_page
    if raw and raw.isascii() and raw.isdigit() and 1 <= int(raw) <= last:
        return int(raw)
    return 1


@dataclass(frozen=True)
class ResultPage:
    hits: list[Hit]
    number: int
    count: int
    per_page: int
    # The count is of a window of the matches (search.fulltext: a broad query at scale).
    windowed: bool = False

    @property
    def count_label(self) -> str:
        if self.count > COUNT_CAP:
            return f"{COUNT_CAP}+"
        return f"{self.count}+" if self.windowed else str(self.count)

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number * self.per_page < min(self.count, COUNT_CAP)

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1


def result_page(
    results: QuerySet,
    *,
    number: int,
    per_page: int,
    to_hits: Callable[[list[Any]], list[Hit]],
    windowed: bool = False,
) -> ResultPage:
    start = (number - 1) * per_page
    return ResultPage(
        hits=to_hits(list(results[start : start + per_page])),
        number=number,
        count=capped_count(results),
        per_page=per_page,
        windowed=windowed,
    )
