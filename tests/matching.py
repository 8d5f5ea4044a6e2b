"""re.search for tests: a pattern that should be in a page or a mail fails the test, with the
text, when it isn't (instead of a TypeError on None)."""

from __future__ import annotations

import re

from django.utils.functional import Promise


def must_search(pattern: str, text: str | Promise, flags: int = 0) -> re.Match[str]:
    text = str(text)  # a mail's body may be a lazy string
    match = re.search(pattern, text, flags)
    assert match is not None, f"{pattern!r} not found in {text[:500]!r}"
    return match
