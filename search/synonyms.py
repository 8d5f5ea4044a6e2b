"""The synonym table as the query parser reads it: active rows, cached until a curator edits."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction

from search.models import Synonym, split_legal_terms
from search.segmenter import DATA_DIR, normalize

CACHE_KEY = "search:synonyms:v1"
SHIPPED = DATA_DIR / "synonyms.toml"


def synonym_map() -> dict[str, list[str]]:
    """Everyday term → legal terms, from the database (one query, then cached)."""
    cached = cache.get(CACHE_KEY)
    if cached is None:
        rows = Synonym.objects.filter(is_active=True).values_list("term", "legal_terms")
        # Queries are normalized (lower case, half-width) before matching: so are the terms.
        cached = {normalize(term): split_legal_terms(legal) for term, legal in rows}
        cache.set(CACHE_KEY, cached, timeout=None)
    return cached


def forget() -> None:
    """Called after every write to the table, so the next search reads it afresh: now, and
    again once the write commits (a search in between may have cached the old table)."""
    cache.delete(CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))


@dataclass
class LoadReport:
    added: int = 0
    kept: int = 0


def read_shipped() -> list[tuple[str, list[str]]]:
    items = tomllib.loads(SHIPPED.read_text(encoding="utf-8"))["synonym"]
    return [(item["term"], list(item["legal"])) for item in items]


@transaction.atomic
def load_shipped() -> LoadReport:
    """Add the shipped pairs that are missing; rows curators added or changed stay as they are."""
    report = LoadReport()
    existing = set(Synonym.objects.values_list("term", flat=True))
    new = []
    for term, legal in read_shipped():
        if term in existing:
            report.kept += 1
            continue
        synonym = Synonym(term=term, legal_terms="、".join(legal), is_shipped=True)
        synonym.full_clean()
        new.append(synonym)
    Synonym.objects.bulk_create(new)
    report.added = len(new)
    forget()
    return report
