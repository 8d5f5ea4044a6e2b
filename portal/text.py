"""One-line text shown to other people (titles, names, firms): no spoofing characters.

A title or a name is read as one line beside the site's own words. Characters that change
how the text around them is laid out let a writer make it read as something else:

* bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C) reverse or
  reorder what follows — "‮moc.elgoog" is shown as "google.com", a name can appear to end
  with "律师事务所已认证";
* zero-width characters (U+200B–U+200D, U+2060, U+FEFF) make two different names look the
  same (a second "张律师") and split words so that search and masking miss them;
* line and paragraph separators (CR, LF, U+2028, U+2029, U+0085) and other control characters
  break one line into several, e.g. a forged second line under a question's title.

They are refused rather than silently removed: the writer sees what was wrong, and what is
saved is exactly what they typed. Bodies of questions and answers may have line breaks and
are not checked here. search.segmenter.normalize strips the same characters for searching.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError

SPOOFING_CHARACTERS = re.compile(
    "[\u0000-\u001f\u007f-\u009f"  # C0 and C1 controls: CR, LF, tab, NEL (U+0085) …
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidirectional marks and controls
    "\u200b-\u200d\u2060\ufeff"  # zero-width space, (non-)joiner, word joiner, BOM
    "\u2028\u2029]"  # line and paragraph separators
)

SPOOFING_MESSAGE = "不能包含换行、制表符、零宽字符或改变文字方向的控制字符，请删除后重新输入。"


def validate_single_line(value: str) -> None:
    if SPOOFING_CHARACTERS.search(value or ""):
        raise ValidationError(SPOOFING_MESSAGE, code="spoofing_characters")
