"""Matched words marked in a result's title and snippet, the user's text escaped first."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

SNIPPET_CHARS = 90
# Context shown before the first match, so the snippet starts just before it.
LEAD_CHARS = 20


@dataclass(frozen=True)
class Hit:
    """One result as a page shows it: the object, its title and an excerpt, matched words
    marked, everything else escaped."""

    item: Any
    title: SafeString
    excerpt: SafeString


def _pattern(words: Sequence[str]) -> re.Pattern[str] | None:
    # Longest first: "个人信息" is marked whole rather than as "个人" + "信息".
    useful = sorted({w for w in words if w}, key=len, reverse=True)
    if not useful:
        return None
    return re.compile("|".join(re.escape(w) for w in useful), re.IGNORECASE)


def highlight(text: str, words: Sequence[str]) -> SafeString:
    """The whole text, escaped, each occurrence of a word wrapped in <mark>."""
    return _mark(text, _pattern(words))


def snippet(text: str, words: Sequence[str], *, length: int = SNIPPET_CHARS) -> SafeString:
    """About `length` characters of the text around its first match, escaped and marked."""
    text = " ".join(text.split())
    pattern = _pattern(words)
    match = pattern.search(text) if pattern else None
    start = max(0, match.start() - LEAD_CHARS) if match else 0
    piece = text[start : start + length]
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + length < len(text) else ""
    return mark_safe(prefix + _mark(piece, pattern) + suffix)  # noqa: S308 — built from escaped parts


def _mark(text: str, pattern: re.Pattern[str] | None) -> SafeString:
    if pattern is None:
        return mark_safe(escape(text))  # noqa: S308
    out: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append(f"<mark>{escape(match.group())}</mark>")
        last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 — every piece of user text went through escape()
