"""The citation detector over a corpus of sentences as people write them: its precision and
recall, printed (pytest -s) and held above 0.98 and 0.95."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

from statutes.citing import CitationTable, resolve

pytestmark = pytest.mark.django_db

CORPUS = tomllib.loads((Path(__file__).parent / "citations_corpus.toml").read_text("utf-8"))
Key = tuple[str, int, int, int, int]


def _expected(line: str) -> Key:
    """ "criminal-law 253-1/1/3" → ("criminal-law", 253, 1, 1, 3); 0 where no 款/项 is named."""
    slug, reference = line.split()
    article, _, rest = reference.partition("/")
    paragraph, _, item = rest.partition("/")
    number, _, suffix = article.partition("-")
    return (slug, int(number), int(suffix or 0), int(paragraph or 0), int(item or 0))


def _found(text: str, table: CitationTable) -> list[Key]:
    return [
        (
            r.article.version.law.slug,
            r.citation.number,
            r.citation.suffix,
            r.citation.paragraph or 0,
            r.citation.item or 0,
        )
        for r in resolve([(text, date(2026, 1, 15))], table)[0]
    ]


def test_the_corpus_is_big_enough() -> None:
    assert len(CORPUS["positive"]) >= 80
    assert len(CORPUS["negative"]) >= 30


def test_precision_and_recall_of_the_detector() -> None:
    table = CitationTable.load()
    true_positives = false_positives = false_negatives = 0
    mistakes: list[str] = []
    for case in [*CORPUS["positive"], *CORPUS["negative"]]:
        expected = [_expected(line) for line in case.get("cites", [])]
        found = _found(case["text"], table)
        hits = [key for key in found if key in expected]
        true_positives += len(hits)
        false_positives += len(found) - len(hits)
        false_negatives += len([key for key in expected if key not in found])
        if sorted(found) != sorted(expected):
            mistakes.append(f"{case['text']}\n  expected {expected}\n  found    {found}")
    precision = true_positives / (true_positives + false_positives)
    recall = true_positives / (true_positives + false_negatives)
    print(
        f"\ncitation corpus: {len(CORPUS['positive'])} sentences with citations, "
        f"{len(CORPUS['negative'])} without; precision {precision:.3f}, recall {recall:.3f}"
        + "".join(f"\n{m}" for m in mistakes)
    )
    assert precision >= 0.98, mistakes
    assert recall >= 0.95, mistakes
