"""The one question search: the search page, the API's `q` filter and the suggestions on the
ask page all come here.

A query is parsed once (search.query: words, synonyms, typo fixes), matched against the
questions' full-text documents (search.fulltext: PostgreSQL tsvector + GIN or SQLite FTS5) and
ranked by relevance, newer first on equal rank. Hidden questions are whatever the caller's
queryset leaves out.
"""

from __future__ import annotations

from django.db.models import QuerySet

from consult import selectors
from consult.models import Question, QuestionSearchDocument
from search import fulltext
from search.highlight import Hit, highlight, snippet
from search.query import ParsedQuery, parse_query
from search.results import ResultPage, result_page

SUGGESTION_LIMIT = 5
RELEVANCE_ORDER = (*fulltext.RELEVANCE, "-created_at", "-pk")


def search_questions(
    queryset: QuerySet[Question],
    query: ParsedQuery,
    *,
    weighted: bool = True,
    core_only: bool = False,
) -> QuerySet[Question]:
    """The questions of the queryset that match, best first. An empty query matches nothing.
    weighted=False: `matched` counts the query's groups instead of weighing them by rarity;
    core_only: only the questions' own words (title and body) are searched, not answers."""
    if not query:
        return queryset.none()
    return fulltext.search(
        queryset, query, document="search_document", weighted=weighted, core_only=core_only
    ).order_by(*RELEVANCE_ORDER)


def question_search(text: str) -> QuerySet[Question]:
    """Visible questions matching the text, with what a list row shows, best first."""
    return search_questions(selectors.question_list(), parse_query(text))


def similar_questions(title: str, *, limit: int = SUGGESTION_LIMIT) -> list[Question]:
    """Existing questions like the one whose title is being typed, for the ask page (duplicates
    avoided). Against the questions' own words, not their answers: a question asked before
    reads like this one, and that vector is small enough to search while the asker types
    (recall@5 0.973 on tests/search/relevance.toml, against 0.996 with answers and 0.855 with
    titles alone: bench/search_relevance.py)."""
    query = parse_query(title)
    return list(search_questions(selectors.question_list(), query, core_only=True)[:limit])


def hits(questions: list[Question], query: ParsedQuery) -> list[Hit]:
    words = query.words
    return [
        Hit(item=q, title=highlight(q.title, words), excerpt=snippet(q.body, words))
        for q in questions
    ]


def question_result_page(
    results: QuerySet[Question], query: ParsedQuery, *, number: int, per_page: int
) -> ResultPage:
    return result_page(
        results,
        number=number,
        per_page=per_page,
        to_hits=lambda rows: hits(rows, query),
        windowed=fulltext.windowed(QuestionSearchDocument, query),
    )
