"""URL converter for article numbers: "253-1" is 第二百五十三条之一."""

from __future__ import annotations


class ArticleNumberConverter:
    regex = r"[1-9][0-9]{0,3}(?:-[1-9][0-9]?)?"

    def to_python(self, value: str) -> tuple[int, int]:
        number, _, suffix = value.partition("-")
        return int(number), int(suffix or 0)

    def to_url(self, value: str | tuple[int, int]) -> str:
        if isinstance(value, tuple):
            number, suffix = value
            return f"{number}-{suffix}" if suffix else str(number)
        return str(value)
