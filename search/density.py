"""Cover density for SQLite: how close together a row's matches of every query group stand.

PostgreSQL's ts_rank_cd rewards a document where the query's words occur near each other; FTS5's
bm25 does not. This is the same idea in Python, registered as the SQL function
`search_cover_density` on SQLite connections (search.apps): for each column, every minimal
stretch of words that contains a word of each group (a "cover") adds 1 / its length in words,
and columns are weighted like the A/B/C weights on PostgreSQL.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

COLUMN_WEIGHTS = (1.0, 0.4, 0.2)


def cover_density(words: Sequence[str], groups: Sequence[frozenset[str]]) -> float:
    """Σ 1/len over the minimal covers of the groups in the word sequence."""
    if not groups:
        return 0.0
    hits = [
        (position, index)
        for position, word in enumerate(words)
        for index, group in enumerate(groups)
        if word in group
    ]
    needed = len(groups)
    counts = [0] * needed
    covered = 0
    score = 0.0
    left = 0
    for right, (_, group) in enumerate(hits):
        counts[group] += 1
        if counts[group] == 1:
            covered += 1
        while covered == needed:
            start, first = hits[left]
            end = hits[right][0]
            # Minimal on the left: dropping `first` would uncover its group.
            if counts[first] == 1:
                score += 1.0 / (1 + end - start)
            counts[first] -= 1
            if counts[first] == 0:
                covered -= 1
            left += 1
    return score


def _sql_cover_density(terms_a: str, terms_b: str, terms_c: str, groups_json: str) -> float:
    groups = [frozenset(group) for group in json.loads(groups_json)]
    columns = (terms_a or "", terms_b or "", terms_c or "")
    return sum(
        weight * cover_density(text.split(), groups)
        for weight, text in zip(COLUMN_WEIGHTS, columns, strict=True)
    )


def register(connection: sqlite3.Connection) -> None:
    connection.create_function("search_cover_density", 4, _sql_cover_density, deterministic=True)
