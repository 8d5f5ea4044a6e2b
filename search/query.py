"""A search query read the way people type: words, everyday words taken to legal ones, typos.

Backend-neutral: `parse_query` turns text into groups of alternatives; `search.fulltext`
renders them for PostgreSQL (tsquery) or SQLite (FTS5). A document matches when any
alternative of any group matches (an OR query: people describe their situation in more words
than any one question uses); ranking then prefers documents that match more of it, in the title.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from search import typos
from search.segmenter import DATA_DIR, components, inner_words, normalize, query_words

# Enough words to say what a question is about; more only slow the query down.
MAX_WORDS = 10
MAX_SYNONYMS = 4
MAX_FIXES = 3
MIN_INNER_CHARS = 3
MAX_TERM_CHARS = 20  # search.models.Synonym.term

# One alternative: words that must all occur (a legal term segmented into several words).
Phrase = tuple[str, ...]


@cache
def stopwords() -> frozenset[str]:
    text = (DATA_DIR / "stopwords.txt").read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0] for line in text.splitlines())
    return frozenset(word for line in lines for word in line.split())


@dataclass(frozen=True)
class ParsedQuery:
    """groups: one per idea of the query; each a tuple of alternative phrases."""

    text: str
    groups: tuple[tuple[Phrase, ...], ...]

    def __bool__(self) -> bool:
        return bool(self.groups)

    @property
    def phrases(self) -> list[Phrase]:
        """Every alternative once, in order."""
        return list(dict.fromkeys(phrase for group in self.groups for phrase in group))

    @property
    def words(self) -> list[str]:
        """Every word any alternative looks for (what result snippets highlight)."""
        return list(dict.fromkeys(word for phrase in self.phrases for word in phrase))


def _phrase(text: str) -> Phrase:
    return tuple(word for word in query_words(text) if word not in stopwords())


def _phrases(text: str) -> list[Phrase]:
    """A legal term as the words a text must contain: itself, and its parts ("出售公民个人信息"
    is rarely written whole; "出售或者提供公民个人信息" has 出售 and 公民个人信息)."""
    whole = _phrase(text)
    parts = tuple(part for word in whole for part in (components(word) or [word]))
    return [p for p in dict.fromkeys((whole, parts)) if p]


def _synonym_terms(pieces: list[str], synonyms: Mapping[str, Sequence[str]]) -> list[str]:
    """Terms that are a run of whole words of the query ("撞人跑了" from 撞人|跑|了), so that
    "定金" is not found inside "约定|金额"."""
    found = []
    for start in range(len(pieces)):
        run = ""
        for piece in pieces[start:]:
            run += piece
            if len(run) > MAX_TERM_CHARS:
                break
            if run in synonyms:
                found.append(run)
    return list(dict.fromkeys(found))


def parse_query(text: str, synonyms: Mapping[str, Sequence[str]] | None = None) -> ParsedQuery:
    """synonyms: everyday term → legal terms (search.synonyms.synonym_map() by default)."""
    if synonyms is None:
        from search.synonyms import synonym_map

        synonyms = synonym_map()
    normalized = normalize(text)
    pieces = query_words(normalized)
    words = [w for w in dict.fromkeys(pieces) if w not in stopwords()]
    words = words[:MAX_WORDS]
    groups: list[tuple[Phrase, ...]] = []
    for word in words:
        # A long word also finds the long words inside it ("搭顺风车" finds "顺风车"); the
        # short ones ("个人" in "个人信息") would say too little.
        inner = (w for w in inner_words(word) if len(w) >= MIN_INNER_CHARS)
        alternatives = [
            (word,),
            *((w,) for w in inner),
            *((fix,) for fix in typos.corrections(word)),
        ]
        groups.append(tuple(dict.fromkeys(alternatives)))
    found = _synonym_terms(pieces, synonyms)
    # Longest terms first: "喝酒开车" says more than the "开车" inside it.
    for term in sorted(found, key=len, reverse=True)[:MAX_SYNONYMS]:
        expansions = tuple(dict.fromkeys(p for legal in synonyms[term] for p in _phrases(legal)))
        if expansions:
            groups.append(expansions)
    for fix in typos.window_corrections(pieces, exclude=set(words))[:MAX_FIXES]:
        groups.append(((fix,),))
    return ParsedQuery(text=normalized, groups=tuple(dict.fromkeys(groups)))
