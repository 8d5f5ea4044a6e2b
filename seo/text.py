"""Text that search engines and feed readers show of a page: one line, cut to a length."""

from __future__ import annotations

from django.utils.text import Truncator

# What search engines show of a Chinese description (about 80–120 characters).
DESCRIPTION_CHARS = 120


def summary(text: object, length: int = DESCRIPTION_CHARS) -> str:
    """The text's whitespace collapsed (line breaks included), cut at ``length`` characters
    with "…" (Django's zh-hans translation would put "...")."""
    return Truncator(" ".join(str(text).split())).chars(length, truncate="…")
