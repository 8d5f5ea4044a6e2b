"""Typos of the kind a pinyin input method makes: the right sound, the wrong character
(押金 typed as 压金, 离婚 as 离昏, 赔偿 as 赔尝).

Only words of the site's vocabulary (search/data/legal_words.txt and the shipped synonym
table) are offered as corrections, and only for text the segmenter doesn't know as a word,
so a correct query is left alone. A correction is added beside the typed word, never instead
of it. Readings come from pypinyin's character table, without tones (input methods pick the
character from the toneless syllable).
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from functools import cache

from search.segmenter import is_known_word
from search.segmenter import vocabulary as segmenter_vocabulary

_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
_TONES = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ", "aaaaeeeeiiiioooouuuuvvvvvnnnm")
WINDOW_SIZES = (2, 3, 4)


@cache
def readings(char: str) -> frozenset[str]:
    # One character at a time, from pypinyin's own table: a precomputed table of all ~42,000
    # characters was 12 MB in every process, for the few thousand a site's queries use.
    value = _pinyin_dict().get(ord(char))
    return frozenset(r.translate(_TONES) for r in value.split(",")) if value else frozenset()


@cache
def _pinyin_dict() -> dict[int, str]:
    # Only the character table is used. Without these two, importing pypinyin also loads its
    # phrase table from JSON, copies both tables and builds a segmenter over the phrases:
    # ~55 MB more in every gunicorn worker, none of it used here.
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")
    os.environ.setdefault("PYPINYIN_NO_DICT_COPY", "1")
    from pypinyin.pinyin_dict import pinyin_dict

    return pinyin_dict


@cache
def vocabulary() -> frozenset[str]:
    """Words a typo may be corrected to: the segmenter's vocabulary, Han words of 2–4."""
    return frozenset(
        w for w in segmenter_vocabulary() if _HAN_RUN.fullmatch(w) and len(w) <= max(WINDOW_SIZES)
    )


@cache
def _by_first_reading() -> dict[tuple[int, str], list[str]]:
    index: dict[tuple[int, str], list[str]] = defaultdict(list)
    for word in sorted(vocabulary()):
        for reading in readings(word[0]):
            index[(len(word), reading)].append(word)
    return dict(index)


def _sounds_alike(a: str, b: str) -> bool:
    return len(a) == len(b) and all(readings(x) & readings(y) for x, y in zip(a, b, strict=True))


def corrections(word: str) -> list[str]:
    """Vocabulary words that sound like this unknown word (none for a known word)."""
    if len(word) < 2 or not _HAN_RUN.fullmatch(word) or word in vocabulary():
        return []
    if is_known_word(word):
        return []
    found = []
    for reading in readings(word[0]):
        for candidate in _by_first_reading().get((len(word), reading), ()):
            if candidate != word and _sounds_alike(word, candidate):
                found.append(candidate)
    return list(dict.fromkeys(found))


def window_corrections(pieces: list[str], *, exclude: set[str]) -> list[str]:
    """Corrections for a typo the segmenter cut into pieces: "离昏" as 离|昏, "取保侯审" as
    取保|侯审. Only runs of 2–4 characters over several pieces, at least one of which is a
    single character or not a known word, so "怎么|认定" is never read as "骂人"."""
    found: list[str] = []
    for start in range(len(pieces)):
        for end in range(start + 2, min(start + 4, len(pieces)) + 1):
            run = pieces[start:end]
            window = "".join(run)
            if len(window) > max(WINDOW_SIZES):
                break
            if all(len(p) >= 2 and is_known_word(p) for p in run):
                continue
            if not _HAN_RUN.fullmatch(window) or window in exclude or window in vocabulary():
                continue
            found.extend(fix for fix in corrections(window) if fix not in exclude)
    return list(dict.fromkeys(found))


def load_tables() -> None:
    """Load the segmenter's dictionary and build the typo tables now (~1.5 s, mostly
    pypinyin's character table) rather than in the first search that needs them: gunicorn's
    master calls this before it forks the workers (portal/gunicorn.conf.py), which then share
    the tables; the benches call it before they time anything."""
    is_known_word("法")
    _by_first_reading()
