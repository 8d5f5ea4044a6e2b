"""A parsed query against a FullTextDocument table, on PostgreSQL or SQLite.

PostgreSQL: `document @@ to_tsquery('simple', …)` over the GIN index, scored by ts_rank_cd
with the A/B/C weights. SQLite: the FTS5 table that mirrors the document table, scored by a
cover density function and bm25. Either way the queryset keeps the caller's filters and gains
two annotations, the relevance order being (-matched, -rank):

- matched: how much of the query the row matches. Each group of the query (one idea: a word
  with its typo fixes and inner words, or an everyday term's legal terms) counts with the
  inverse document frequency of the alternative that matched (search.stats), so a question
  matching the rare "夫妻共同债务" beats one matching the common "认定"; unweighted (a plain
  count of groups) when the caller asks for it.
- rank: how well, within that: cover density (the query's words close together, title words
  above body above answers).

A query's common words (in more than search.stats.COMMON_SHARE of the documents) still count
in both annotations, but when it has rarer words the rows are fetched by those alone: the
index never walks every document that merely says "公司".
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, FloatField, Model, QuerySet, Value, When
from django.db.models.expressions import Combinable, RawSQL

from search import stats
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
SQLITE_CORE_WEIGHTS = (2.5, 1.0, 0.0)
RELEVANCE = ("-matched", "-rank")
# PostgreSQL ranks every match of a query that is in at most RANK_ALL documents; a broader
# one ranks at most RANK_ALL + WINDOW of them (_window), in a table of more than
# WINDOW_FROM_DOCUMENTS documents. Ranking costs 30–150 µs a row at a million questions
# (ts_rank_cd and the matched groups on a 4.7 KB document), so these bound the ranking of a
# search to ~10–45 ms (bench/search_scale.py).
RANK_ALL = 200
WINDOW = 100
WINDOW_FROM_DOCUMENTS = 50_000
# How much the OR query's density adds beside the all-groups density (PostgreSQL), and
# bm25 beside the cover density (SQLite).
OR_SHARE = 0.1
BM25_SHARE = 0.01


def _joined(phrases: list[Phrase], *, both: str, either: str, quote: str) -> str:
    # Words are \\w+ (search.segmenter): quoted, each is a literal term, never an operator.
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


# A one-character Han word ("卖", "罪") is a morpheme more than a word: the statutes write
# 出售 where people write 卖, so its rarity in the documents says little. Its weight is cut.
SINGLE_CHARACTER_SHARE = 0.3


def _idf_of(word: str, idf: dict[str, float]) -> float:
    single = len(word) == 1 and not word.isascii()
    return idf[word] * (SINGLE_CHARACTER_SHARE if single else 1.0)


class _Weights:
    """Each phrase's weight (the idf of its rarest word), how many documents it is in (at
    most), and whether it is common."""

    def __init__(self, model: type[Model], query: ParsedQuery, *, weighted: bool) -> None:
        words = query.words
        df = stats.frequencies(model, words)
        idf = stats.idf(model, words) if weighted else dict.fromkeys(words, 1.0)
        self.weight = {phrase: max(_idf_of(w, idf) for w in phrase) for phrase in query.phrases}
        self.df = {phrase: min(df[w] for w in phrase) for phrase in query.phrases}
        self.common = {phrase: stats.is_common(model, n) for phrase, n in self.df.items()}

    def fetching(self, query: ParsedQuery) -> list[Phrase]:
        """The phrases rows are fetched by: those that are in some documents but not common,
        or, when there are none, every phrase."""
        rare = [p for p in query.phrases if not self.common[p] and self.df[p] > 0]
        return rare or query.phrases

    def estimate(self, phrases: list[Phrase]) -> int:
        """At most how many documents match any of the phrases."""
        return sum(self.df[phrase] for phrase in phrases)

    def broad(self, model: type[Model], query: ParsedQuery) -> bool:
        """Too many matches to rank them all (only in a large table: a small one, like the
        statutes' 4,700 articles, ranks every match in a few milliseconds)."""
        large = stats.document_count(model) > WINDOW_FROM_DOCUMENTS
        return large and self.estimate(self.fetching(query)) > RANK_ALL

    def telling_group(self, query: ParsedQuery) -> tuple[Phrase, ...]:
        """The query's most telling idea: the group, in some documents, of the highest
        weight (rare and not a single character)."""

        def weight(group: tuple[Phrase, ...]) -> float:
            return max((self.weight[p] for p in group if self.df[p] > 0), default=0.0)

        present = [g for g in query.groups if sum(self.df[p] for p in g) > 0] or query.groups
        return max(present, key=weight)

    def ranked(self, group: tuple[Phrase, ...]) -> list[Phrase]:
        return sorted(group, key=lambda phrase: self.weight[phrase], reverse=True)


def search(
    queryset: QuerySet,
    query: ParsedQuery,
    *,
    document: str,
    weighted: bool = True,
    core_only: bool = False,
) -> QuerySet:
    """Rows of the queryset whose document matches, annotated with `matched` and `rank`.

    document: the relation from the queryset's model to its FullTextDocument
    (e.g. "search_document"); weighted: False counts matched groups instead of weighing them;
    core_only: match and rank the A and B words alone — a question's title and body, not its
    answers (the document model needs a `core_document` column on PostgreSQL, see
    search.schema).
    """
    model: type[Model] = queryset.model
    document_model = _document_model(model, document)
    weights = _Weights(document_model, query, weighted=weighted)
    if connection.vendor == "postgresql":
        column = "core_document" if core_only else "document"
        return _postgresql_search(
            queryset, query, weights, document_model, document=document, column=column
        )
    return _sqlite_search(queryset, query, weights, document=document, core_only=core_only)


def _tsquery(phrases: list[Phrase]) -> SearchQuery:
    return SearchQuery(tsquery_text(phrases), search_type="raw", config="simple")


def _sum(parts: Sequence[Combinable]) -> Combinable:
    total = parts[0]
    for part in parts[1:]:
        total = total + part
    return total


def windowed(model: type[Model], query: ParsedQuery) -> bool:
    """Whether a search ranks only a window of its matches (PostgreSQL, broad queries)."""
    if connection.vendor != "postgresql" or not query:
        return False
    return _Weights(model, query, weighted=False).broad(model, query)


def _window(
    model: type[Model], query: ParsedQuery, weights: _Weights, column: str, core: str
) -> RawSQL:
    """Ids of up to RANK_ALL documents with the query's most telling idea in their core
    vector (a question's title and body), and only when there are fewer of those, up to
    WINDOW more with any of its fetching words: at most RANK_ALL + WINDOW rows to rank.

    No ORDER BY: PostgreSQL then stops after the limit, from the GIN index or a scan. Any
    order (newest first, say) would make it visit every match, or decompress each row's
    document while walking the key backwards: 130–670 ms for a word in 8,000 of a million
    documents (bench/search_scale.py, EXPLAIN ANALYZE). What a bitmap scan of the GIN index
    still costs is reading the posting lists of the words it looks for (~20–40 ms for a word in
    5 % of a million documents), so the second look, over every fetching word of the whole
    document, runs only when the first found too few (a one-time filter: PostgreSQL skips it).
    """
    table, key = model._meta.db_table, model._meta.pk.column
    telling = tsquery_text(list(weights.telling_group(query)))
    fetching = tsquery_text(weights.fetching(query))
    return RawSQL(
        f"""WITH telling AS MATERIALIZED (
              SELECT {key} FROM {table} WHERE {core} @@ to_tsquery('simple', %s) LIMIT %s)
            SELECT {key} FROM telling
            UNION
            SELECT {key} FROM (SELECT {key} FROM {table}
              WHERE {column} @@ to_tsquery('simple', %s) LIMIT %s) AS more
            WHERE (SELECT count(*) FROM telling) < %s""",
        [telling, RANK_ALL, fetching, WINDOW, RANK_ALL],
    )


def _postgresql_search(
    queryset: QuerySet,
    query: ParsedQuery,
    weights: _Weights,
    document_model: type[Model],
    *,
    document: str,
    column: str,
) -> QuerySet:
    field = f"{document}__{column}"
    # The core vector (title and body, a fraction of the size, see search.schema) is what
    # ranking reads when the table has one: every read of the full document fetches and
    # decompresses kilobytes of TOAST again (~10-20 µs each, several a row). Measured on
    # tests/search/relevance.toml: the same recall and MRR as ranking on the full document.
    core_column = "core_document" if _has_core_vector(document_model) else column
    core = f"{document}__{core_column}"
    broad = weights.broad(document_model, query)
    # A phrase found in the core vector needs no look at the full one (answers). A broad
    # query's window comes from the core vector, and its rows are weighed by it alone: a look
    # at the full document for each phrase a row lacks in its core cost ~0.3 ms a row at a
    # million questions (a third of such a search). Every other search counts answers too
    # (relevance.toml: 0.996 recall@5 with them, 0.980 without).
    vectors = [core] if broad else list(dict.fromkeys([core, field]))
    matched = [
        Case(
            *(
                When(**{vector: _tsquery([phrase])}, then=Value(weights.weight[phrase]))
                for phrase in weights.ranked(group)
                for vector in vectors
            ),
            default=Value(0.0),
            output_field=FloatField(),
        )
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
    everything = _tsquery(query.phrases)

    def density(tsquery: SearchQuery) -> SearchRank:
        return SearchRank(
            F(core),
            tsquery,
            weights=PG_WEIGHTS,
            cover_density=True,
            normalization=PG_NORMALIZATION,
        )

    fetching = weights.fetching(query)
    if broad:
        # A broad query ("离婚 孩子 抚养权" matches a third of a million questions): ranking
        # every match costs ~30 µs a row, so only a window of them is ranked.
        window = _window(document_model, query, weights, column, core_column)
        queryset = queryset.filter(pk__in=window)
    else:
        queryset = queryset.filter(**{field: _tsquery(fetching)})
    return queryset.annotate(
        matched=_sum(matched),
        rank=density(every_group) + OR_SHARE * density(everything),
    )


def _document_model(model: type[Model], document: str) -> type[Model]:
    """The FullTextDocument model that `document` (e.g. "search_document") relates to."""
    related = model._meta.get_field(document).related_model
    if not isinstance(related, type):  # None for a plain field, "self" only when unresolved
        raise TypeError(f"{model.__name__}.{document} is not a relation to a document model")
    return related


def _has_core_vector(document_model: type[Model]) -> bool:
    return any(f.name == "core_document" for f in document_model._meta.get_fields())


def _sqlite_search(
    queryset: QuerySet, query: ParsedQuery, weights: _Weights, *, document: str, core_only: bool
) -> QuerySet:
    model: type[Model] = queryset.model
    document_model = _document_model(model, document)
    table = document_model._meta.db_table
    key = document_model._meta.pk.column
    fts = fts_table(table)
    outer = f'"{model._meta.db_table}"."{model._meta.pk.column}"'
    # Table and column names come from the models' meta; the query text is always a parameter.
    one_row = f"FROM {fts} WHERE {fts} MATCH %s AND rowid = {outer}"

    def expression(phrases: list[Phrase]) -> str:
        # FTS5's column filter: the A and B words alone.
        text = fts5_text(phrases)
        return f"{{terms_a terms_b}} : ({text})" if core_only else text

    matched = []
    for group in query.groups:
        # max(…, 0) with two or more arguments is SQLite's scalar max: the best alternative.
        parts = [f"(SELECT count(*) {one_row}) * {weights.weight[p]!r}" for p in group]
        matched.append(
            RawSQL(
                f"max({', '.join(parts)}, 0)",
                [expression([phrase]) for phrase in group],
                output_field=FloatField(),
            )
        )
    everything = expression(query.phrases)
    # bm25 is lower for better matches: negated, higher is better on both databases.
    column_weights = ", ".join(
        str(w) for w in (SQLITE_CORE_WEIGHTS if core_only else SQLITE_WEIGHTS)
    )
    # Cover density of every group (search.density, as ts_rank_cd on PostgreSQL) first; bm25
    # (which weighs rare words up but knows nothing of proximity) a small share beside it.
    groups = json.dumps([sorted({w for phrase in group for w in phrase}) for group in query.groups])
    columns = "terms_a, terms_b, ''" if core_only else "terms_a, terms_b, terms_c"
    density = RawSQL(
        f"SELECT search_cover_density({columns}, %s) FROM {table} WHERE {key} = {outer}",
        [groups],
        output_field=FloatField(),
    )
    rank = density + BM25_SHARE * RawSQL(
        f"SELECT -bm25({fts}, {column_weights}) {one_row}", [everything], output_field=FloatField()
    )
    fetching = expression(weights.fetching(query))
    return queryset.filter(
        pk__in=RawSQL(f"SELECT rowid FROM {fts} WHERE {fts} MATCH %s", [fetching])
    ).annotate(matched=_sum(matched), rank=rank)
