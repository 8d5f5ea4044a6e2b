"""Chinese word segmentation for the full-text index, in the application.

No Chinese parser extension (zhparser, pg_jieba) is packaged for Debian, so text is segmented
here with rjieba (the jieba-rs binding) and handed to the database as space-separated words:
PostgreSQL's built-in `simple` configuration and SQLite's FTS5 `unicode61` tokenizer both split
on the spaces and keep each word whole.

Documents are segmented in search mode (every dictionary word inside a long word too, so
"个人信息" is also indexed as "个人" and "信息"); queries in precise mode (one reading of the
sentence), which keeps a query's words few and specific. bench/search_segmentation.py measured
both against tests/search/relevance.toml.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

import rjieba

DATA_DIR = Path(__file__).resolve().parent / "data"
# The longest query the page and the API accept: a question title is at most 100 characters,
# and people paste a sentence or two of their situation. Longer input is refused there (and
# cut here), since segmenting and matching cost time linear in the length.
MAX_QUERY_CHARS = 200

# A word worth indexing: letters (Han included) or digits, nothing else.
_WORD_RUN = re.compile(r"[^\W_]+")
_SPACES = re.compile(r"\s+")
# Characters that only break or disguise text (zero-width, bidi controls, NUL).
_INVISIBLE = re.compile("[\u0000-\u001f\u007f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")


@cache
def vocabulary() -> frozenset[str]:
    """The site's legal vocabulary: search/data/legal_words.txt and the legal side of the
    shipped synonym table. Fixed with the release (not the synonyms curators add later), so
    the index and the queries are always segmented with the same dictionary. Everyday terms
    stay out: as dictionary words they would cut sentences wrongly ("试用期被辞|退有"); a
    query finds them as runs of its words (search.query)."""
    words = set()
    for line in (DATA_DIR / "legal_words.txt").read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.add(word)
    synonyms = DATA_DIR / "synonyms.toml"
    if synonyms.exists():
        for item in tomllib.loads(synonyms.read_text(encoding="utf-8")).get("synonym", []):
            words.update(item["legal"])
    return frozenset(normalize(word) for word in words)


@cache
def _load_dictionary() -> None:
    """Teach the segmenter the vocabulary (once per process), so that "失信被执行人" or
    "交通肇事逃逸" are single words in documents and queries alike."""
    for word in sorted(vocabulary()):
        rjieba.add_word(word, None, None)


def normalize(text: str) -> str:
    """NFKC (full-width letters and digits to half-width), invisible characters out,
    lower case, runs of whitespace as one space."""
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub(" ", text)
    return _SPACES.sub(" ", text).strip().lower()


def _words(pieces: list[str]) -> list[str]:
    # The segmenter keeps "253-1" or "3.5" whole; the index and the query both want the
    # letters-and-digits runs inside ("_" is a \w character but no word).
    return [word for piece in pieces for word in _WORD_RUN.findall(piece)]


def document_words(text: str) -> list[str]:
    """The words of a document, search mode, in text order: each word the segmenter finds,
    the dictionary words inside it, and every word of the site's vocabulary that occurs in
    the text even where the segmenter cut across it ("试用期" in 试用|期间).

    rjieba's own search mode only looks inside for 2- and 3-character words, so
    "公民个人信息" would not be found by "个人信息"; here every inner length counts.
    """
    _load_dictionary()
    text = normalize(text)
    found: dict[tuple[int, str], None] = {}
    covered: dict[int, set[str]] = {}  # position → words already found around it
    for piece, start, end in rjieba.tokenize(text):
        for word in _words([piece]):
            words = {word, *inner_words(word)}
            found[(start, word)] = None
            for inner in inner_words(word):
                found[(start + word.index(inner), inner)] = None
            for position in range(start, end):
                covered[position] = words
    for start, word in _vocabulary_in(text):
        if word not in covered.get(start, ()):
            found.setdefault((start, word), None)
    return [word for _, word in sorted(found, key=lambda item: item[0])]


def _vocabulary_in(text: str) -> list[tuple[int, str]]:
    """(position, word) of every vocabulary word of 2 or more characters (押金 in 扣押|金 too) in the text."""
    words, lengths = vocabulary(), _vocabulary_lengths()
    return [
        (start, text[start : start + size])
        for start in range(len(text) - 1)
        for size in lengths
        if text[start : start + size] in words
    ]


@cache
def _vocabulary_lengths() -> tuple[int, ...]:
    return tuple(sorted({len(word) for word in vocabulary() if len(word) >= 2}))


def components(word: str) -> list[str]:
    """The word as consecutive dictionary words, longest first from the left ("出售公民个人
    信息" → 出售, 公民个人信息); empty unless it splits into two or more."""
    inner = set(inner_words(word))
    parts, start = [], 0
    while start < len(word):
        for end in range(len(word), start + 1, -1):
            if word[start:end] in inner:
                parts.append(word[start:end])
                start = end
                break
        else:
            start += 1  # a single character no word covers ("罪" in 侵犯公民个人信息罪)
    return parts if len(parts) >= 2 else []


@lru_cache(maxsize=100_000)
def inner_words(word: str) -> tuple[str, ...]:
    _load_dictionary()  # before the first lookup: results are cached
    if len(word) < 3 or not word.isalpha():
        return ()
    return tuple(
        word[start : start + size]
        for size in range(2, len(word))
        for start in range(len(word) - size + 1)
        if rjieba.has_word(word[start : start + size])
    )


def index_text(text: str) -> str:
    """What the full-text index stores for a text: its words, separated by spaces."""
    return " ".join(document_words(text))


def query_words(text: str) -> list[str]:
    """The words of a query, precise mode, in order, repeats kept."""
    _load_dictionary()
    return _words(rjieba.cut(normalize(text)[:MAX_QUERY_CHARS]))


def is_known_word(word: str) -> bool:
    _load_dictionary()
    return rjieba.has_word(word)
