"""A parsed query against a FullTextDocument table, on PostgreSQL or SQLite.

PostgreSQL: `document @@ to_tsquery('simple', …)` over the GIN index, scored by ts_rank_cd
with the A/B/C weights. SQLite: the FTS5 table that mirrors the document table, scored by
bm25 with per-column weights. Either way the queryset keeps the caller's filters and gains two
annotations, the relevance order being (-matched, -rank):

- matched: how many of the query's groups (its ideas: a word with its typo fixes, or an
  everyday term's legal terms) the row matches. Neither ts_rank_cd nor bm25 alone knows that
  a question matching four of five ideas beats one that repeats a single common word.
- rank: the database's text score (higher is better; title words above body above answers).
"""

from __future__ import annotations

import json

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import (
    Case,
    F,
    FloatField,
    IntegerField,
    Model,
    QuerySet,
    Value,
    When,
)
from django.db.models.expressions import RawSQL

from search.query import ParsedQuery, Phrase
from search.schema import fts_table

# PostgreSQL's weight order is {D, C, B, A}: a title (A) word counts two and a half times a
# body (B) word, an answer (C) word half a body word. Chosen on tests/search/relevance.toml.
PG_WEIGHTS = [0.05, 0.2, 0.4, 1.0]
# ts_rank_cd normalization 1: divide by 1 + log(document length), so a long answer thread
# doesn't outrank a short question that is all about the query.
PG_NORMALIZATION = 1
# bm25 column weights for terms_a, terms_b, terms_c (the same reading as above).
SQLITE_WEIGHTS = (2.5, 1.0, 0.5)
RELEVANCE = ("-matched", "-rank")
BM25_SHARE = 0.01
# How much the OR query's density adds beside the all-groups density (PostgreSQL).
OR_SHARE = 0.1


def _joined(phrases: list[Phrase], *, both: str, either: str, quote: str) -> str:
    # Words are \w+ (search.segmenter): quoted, each is a literal term, never an operator.
    parts = []
    for phrase in phrases:
        words = f" {both} ".join(f"{quote}{word}{quote}" for word in phrase)
        parts.append(f"({words})" if len(phrase) > 1 else words)
    return f" {either} ".join(parts)


def tsquery_text(phrases: list[Phrase]) -> str:
    """to_tsquery input: alternatives OR-ed, the words of one alternative AND-ed."""
    return _joined(phrases, both="&", either="|", quote="'")


def fts5_text(phrases: list[Phrase]) -> str:
    return _joined(phrases, both="AND", either="OR", quote='"')


def search(queryset: QuerySet, query: ParsedQuery, *, document: str) -> QuerySet:
    """Rows of the queryset whose document matches, annotated with `matched` and `rank`.

    document: the relation from the queryset's model to its FullTextDocument
    (e.g. "search_document").
    """
    if connection.vendor == "postgresql":
        return _postgresql_search(queryset, query, document=document)
    return _sqlite_search(queryset, query, document=document)


def _tsquery(phrases: list[Phrase]) -> SearchQuery:
    return SearchQuery(tsquery_text(phrases), search_type="raw", config="simple")


def _postgresql_search(queryset: QuerySet, query: ParsedQuery, *, document: str) -> QuerySet:
    field = f"{document}__document"
    everything = _tsquery(query.phrases)
    matched = [
        Case(When(**{field: _tsquery(list(group))}, then=Value(1)), default=Value(0))
        for group in query.groups
    ]
    # Cover density of all the groups together rewards a row whose matches stand close
    # ("出售或者提供公民个人信息" over an article that says 出售 and 个人信息 paragraphs apart);
    # a row that misses a group scores 0 there and is ordered by the OR query's density.
    every_group = SearchQuery(
        " & ".join(f"({tsquery_text(list(group))})" for group in query.groups),
        search_type="raw",
        config="simple",
    )

    def density(tsquery: SearchQuery) -> SearchRank:
        return SearchRank(
            F(field),
            tsquery,
            weights=PG_WEIGHTS,
            cover_density=True,
            normalization=PG_NORMALIZATION,
        )

    return queryset.filter(**{field: everything}).annotate(
        matched=sum(matched[1:], start=matched[0]) if len(matched) > 1 else matched[0],
        rank=density(every_group) + OR_SHARE * density(everything),
    )


def _sqlite_search(queryset: QuerySet, query: ParsedQuery, *, document: str) -> QuerySet:
    model: type[Model] = queryset.model
    document_model = model._meta.get_field(document).related_model
    fts = fts_table(document_model._meta.db_table)
    outer = f'"{model._meta.db_table}"."{model._meta.pk.column}"'
    # bm25 is lower for better matches: negated, higher is better on both databases.
    weights = ", ".join(str(w) for w in SQLITE_WEIGHTS)
    # Table and column names come from the models' meta; the query text is always a parameter.
    one_row = f"FROM {fts} WHERE {fts} MATCH %s AND rowid = {outer}"
    matched = [
        RawSQL(f"SELECT count(*) {one_row}", [fts5_text(list(group))], output_field=IntegerField())
        for group in query.groups
    ]
    everything = fts5_text(query.phrases)
    # Cover density of every group (search.density, as ts_rank_cd on PostgreSQL) first; bm25
    # (which weighs rare words up but knows nothing of proximity) a small share beside it.
    table = document_model._meta.db_table
    key = document_model._meta.pk.column
    groups = json.dumps([sorted({w for phrase in group for w in phrase}) for group in query.groups])
    density = RawSQL(
        f"SELECT search_cover_density(terms_a, terms_b, terms_c, %s) FROM {table} WHERE {key} = {outer}",
        [groups],
        output_field=FloatField(),
    )
    rank = density + BM25_SHARE * RawSQL(
        f"SELECT -bm25({fts}, {weights}) {one_row}",
        [everything],
        output_field=FloatField(),
    )
    return queryset.filter(
        pk__in=RawSQL(f"SELECT rowid FROM {fts} WHERE {fts} MATCH %s", [everything])
    ).annotate(
        matched=sum(matched[1:], start=matched[0]) if len(matched) > 1 else matched[0],
        rank=rank,
    )
