"""How common each word is among a table's documents (document frequency), for weighting.

A query's rare words say more than its common ones: "夫妻共同债务" more than "认定". Neither
ts_rank_cd nor the count of matched groups knows that, so each group is weighted by the
inverse document frequency of its rarest word, ln(1 + N / df).

- PostgreSQL: the planner's statistics (pg_stats.most_common_elems of the tsvector column,
  gathered by ANALYZE/autovacuum) give the frequency of every common word for free; a word
  not among them is rarer than all of them, so counting its documents through the GIN index
  is cheap. Before the first ANALYZE (a new or small table) words are counted. One query for
  all the words of a search.
- SQLite: FTS5's own vocabulary table (fts5vocab, "row": documents per term) is exact.

Frequencies are cached (they drift slowly): a word is looked up at most once an hour.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable

from django.core.cache import cache
from django.db import connection
from django.db.models import Model

from search.schema import fts_table, vocab_table

CACHE_SECONDS = 60 * 60
# Words outside the planner's most common elements are counted up to this many documents:
# enough to tell rare from rarer, without visiting thousands of rows for one word.
COUNT_LIMIT = 1000
# A word in more than this share of the documents is "common": it still ranks, but a query
# that has rarer words doesn't fetch every document that merely contains it.
COMMON_SHARE = 0.02
# …and in at least this many: below it, fetching every match costs little, and leaving a word
# out would only lose results (in a small table most words are in 2% of the documents).
COMMON_DOCUMENTS = 2000


def _key(table: str, word: str) -> str:
    digest = hashlib.blake2b(word.encode(), digest_size=8).hexdigest()
    return f"search:df:{table}:{digest}"


def document_count(model: type[Model]) -> int:
    table, key_column = model._meta.db_table, model._meta.pk.column
    key = f"search:n:{table}"
    count = cache.get(key)
    if count is None:
        # An estimate is all idf needs, and never a COUNT(*) over the table: PostgreSQL's
        # planner estimate (kept by ANALYZE/autovacuum), else the highest key (ids are
        # dense: rows are rarely deleted).
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(
                    f"""SELECT CASE WHEN reltuples > 0 THEN reltuples::bigint
                                    ELSE (SELECT coalesce(max({key_column}), 0) FROM {table}) END
                          FROM pg_class WHERE relname = %s""",  # noqa: S608 — a model's table
                    [table],
                )
            else:
                cursor.execute(f"SELECT coalesce(max({key_column}), 0) FROM {table}")  # noqa: S608
            count = int(cursor.fetchone()[0])
        cache.set(key, count, CACHE_SECONDS)
    return max(count, 1)


def frequencies(model: type[Model], words: Iterable[str]) -> dict[str, int]:
    """Documents containing each word (cached)."""
    table = model._meta.db_table
    words = list(dict.fromkeys(words))
    keys = {word: _key(table, word) for word in words}
    cached = cache.get_many(keys.values())
    found = {word: cached[key] for word, key in keys.items() if key in cached}
    missing = [word for word in words if word not in found]
    if missing:
        looked_up = (
            _postgresql(model, missing)
            if connection.vendor == "postgresql"
            else _sqlite(table, missing)
        )
        cache.set_many({keys[w]: n for w, n in looked_up.items()}, CACHE_SECONDS)
        found.update(looked_up)
    return found


def idf(model: type[Model], words: Iterable[str]) -> dict[str, float]:
    n = document_count(model)
    return {word: math.log(1 + n / max(df, 1)) for word, df in frequencies(model, words).items()}


def is_common(model: type[Model], df: int) -> bool:
    return df > max(COMMON_SHARE * document_count(model), COMMON_DOCUMENTS)


def _postgresql(model: type[Model], words: list[str]) -> dict[str, int]:
    """One query: each word's share among the planner's most common elements times the
    table's size, or else (rarer than all of them) its documents counted through the index."""
    table, n = model._meta.db_table, document_count(model)
    sql = f"""
        SELECT word, COALESCE(
            (SELECT round(m.freq * %s)::bigint
               FROM pg_stats s,
                    unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs)
                        AS m(elem, freq)
              WHERE s.tablename = %s AND s.attname = 'document' AND m.elem = word),
            (SELECT count(*) FROM (SELECT 1 FROM {table}
              WHERE document @@ to_tsquery('simple', quote_literal(word)) LIMIT %s) AS matches))
          FROM unnest(%s::text[]) AS word"""  # noqa: S608 — a model's table; values are parameters
    with connection.cursor() as cursor:
        cursor.execute(sql, [n, table, COUNT_LIMIT, words])
        return {word: int(count) for word, count in cursor.fetchall()}


def _sqlite(table: str, words: list[str]) -> dict[str, int]:
    marks = ", ".join("%s" for _ in words)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT term, doc FROM {vocab_table(fts_table(table))} WHERE term IN ({marks})",  # noqa: S608
            words,
        )
        found = dict(cursor.fetchall())
    return {word: int(found.get(word, 0)) for word in words}
