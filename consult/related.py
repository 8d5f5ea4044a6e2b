"""相关问题: curated links first, in their order, then the best-scoring computed ones.

score = 3 × (statute articles cited by both questions or their visible answers)
      + 2 × (same category)
      + 1 × (the question's key terms the other question's document contains)

Key terms are the question's own words that say what it is about: its title's words and the
words of its body that belong to the site's legal vocabulary, question words and particles
left out (search.query). The other question's document is matched against them with the
site's full-text search, so the text counts by meaning (synonyms, inner words) and not by
shared characters. Candidates with a score of 0 are never shown; ties go to the newer question,
then the higher id. Hidden questions never appear, nor does any question twice.

The computed list is stored by question (ids only, RelatedList), deleted by forget() whenever
the question or its answers change (consult.search_index.index_question) or its curated links
change, and computed again when that write commits: a page view only reads it (a third of an
uncached question page at a million questions, before). The ids are fetched afresh for every
page, with hidden questions filtered out then, so a question hidden after the list was stored
still never shows. Other questions' writes don't reach a list (a new question joins the lists
it belongs to when they are next computed): a list older than REFRESH_AFTER is computed again
at its next view.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone

from consult.models import (
    Answer,
    AnswerCitation,
    Question,
    QuestionCitation,
    RelatedList,
    public_questions,
)
from consult.search import search_questions
from portal import page_cache
from search.query import parse_query, stopwords
from search.segmenter import query_words, vocabulary

ARTICLE_WEIGHT = 3
CATEGORY_WEIGHT = 2
TERM_WEIGHT = 1
RELATED_LIMIT = 8
MAX_KEY_TERMS = 8
TEXT_CANDIDATES = 40
CATEGORY_CANDIDATES = 40
ARTICLE_CANDIDATES = 300
# Newer questions join a list only when it is computed again: a list this old is, at its next
# view.
REFRESH_AFTER = timedelta(days=7)


def related_score(*, same_category: bool, shared_articles: int, shared_terms: int) -> int:
    return (
        ARTICLE_WEIGHT * shared_articles
        + CATEGORY_WEIGHT * int(same_category)
        + TERM_WEIGHT * shared_terms
    )


def key_terms(title: str, body: str) -> list[str]:
    """The title's words, then the body's vocabulary words; at most MAX_KEY_TERMS."""
    skip = stopwords()
    title_words = [w for w in query_words(title) if w not in skip and len(w) >= 2]
    body_words = [w for w in query_words(body) if w in vocabulary() and w not in skip]
    return list(dict.fromkeys(title_words + body_words))[:MAX_KEY_TERMS]


def forget(question_id: int, *, recompute: bool = True) -> None:
    """The one invalidation of a question's related list, for every write that changes it
    (its text, category, citations, answers or their visibility, its curated links): the
    stored list goes now, and is computed again once the write commits, so the page views
    after it only read it. A bulk write passes recompute=False and leaves each list to the
    question's next view."""
    RelatedList.objects.filter(question_id=question_id).delete()
    if recompute:
        # robust: the write has committed by then; should the database fail the recompute, the
        # write is still acknowledged (and the question's next view computes the list).
        transaction.on_commit(lambda: _recompute(question_id), robust=True)
    # Whatever made the related list stale changed the question's page too.
    page_cache.bump(page_cache.question_scope(question_id))


def _recompute(question_id: int) -> None:
    # Several writes in one transaction schedule it once each: the first one computes.
    if RelatedList.objects.filter(question_id=question_id).exists():
        return
    question = Question.objects.filter(pk=question_id).first()
    if question is not None:
        store(question)


def store(question: Question) -> list[int]:
    """Compute the question's list and store it (one upsert)."""
    ids = computed_ids(question)
    RelatedList.objects.bulk_create(
        # By id: a Question instance remembering this row would not see a later forget().
        [RelatedList(question_id=question.pk, ids=ids)],
        update_conflicts=True,
        unique_fields=["question"],
        update_fields=["ids", "computed_at"],
    )
    return ids


def _stored_ids(question: Question) -> list[int] | None:
    try:
        stored = question.related_list
    except RelatedList.DoesNotExist:
        return None
    if timezone.now() - stored.computed_at > REFRESH_AFTER:
        return None
    return stored.ids


def related_questions(question: Question, *, limit: int = RELATED_LIMIT) -> list[Question]:
    """The stored list (computed now if there is none, or it is old), visible questions only.
    Load the question with select_related("related_list") to spare a query."""
    ids = _stored_ids(question)
    if ids is None:
        ids = store(question)
    found = Question.objects.visible().select_related("category").in_bulk(ids)
    return [found[pk] for pk in ids if pk in found][:limit]


def computed_ids(question: Question, *, limit: int = RELATED_LIMIT) -> list[int]:
    """Curated links (visible ones, in order), then the best computed, as ids."""
    curated = list(
        question.related_links.filter(public_questions("to_question__")).values_list(
            "to_question_id", flat=True
        )
    )
    curated = list(dict.fromkeys(curated))[:limit]
    if len(curated) >= limit:
        return curated
    taken = {question.pk, *curated}
    visible = Question.objects.visible().exclude(pk__in=taken)
    fields = ("pk", "category_id", "created_at")
    rows: dict[int, dict] = {}
    shared_terms: dict[int, int] = {}
    terms = key_terms(question.title, question.body)
    if terms:
        # Parsed like a query, so an everyday key term also finds its legal one.
        query = parse_query(" ".join(terms))
        candidates = search_questions(visible, query, weighted=False, core_only=True)
        for row in candidates.values(*fields, "matched")[:TEXT_CANDIDATES]:
            rows[row["pk"]] = row
            shared_terms[row["pk"]] = round(row["matched"])
    for row in (
        visible.filter(category_id=question.category_id)
        .order_by("-created_at", "-pk")
        .values(*fields)[:CATEGORY_CANDIDATES]
    ):
        rows.setdefault(row["pk"], row)
    shared = _questions_sharing(_articles_of(question.pk), exclude=taken)
    missing = set(shared) - set(rows)
    if missing:
        rows.update((row["pk"], row) for row in visible.filter(pk__in=missing).values(*fields))
    scored = []
    for pk, row in rows.items():
        score = related_score(
            same_category=row["category_id"] == question.category_id,
            shared_articles=len(shared.get(pk, ())),
            shared_terms=shared_terms.get(pk, 0),
        )
        if score > 0:
            scored.append((score, row["created_at"], pk))
    scored.sort(reverse=True)
    return curated + [pk for _, _, pk in scored[: limit - len(curated)]]


def _articles_of(question_pk: int) -> set[int]:
    """Article ids the question cites itself or through its visible answers (two queries)."""
    through_q = QuestionCitation.objects.filter(question_id=question_pk)
    through_a = AnswerCitation.objects.filter(
        answer__question_id=question_pk, answer__is_hidden=False
    )
    return set(through_q.values_list("article_id", flat=True)) | set(
        through_a.values_list("article_id", flat=True)
    )


def _questions_sharing(articles: set[int], *, exclude: set[int]) -> dict[int, set[int]]:
    """The newest questions citing any of these articles (themselves or through a visible
    answer), each with the articles it shares; at most ARTICLE_CANDIDATES citations an article
    a side.

    One query: for each article, its newest citations read backwards from the
    (article, -question) and (article, -answer) indexes and stopped at the limit, so a popular
    article costs what a rare one does. Newest answer stands in for newest question: answers
    come after their question.
    """
    if not articles:
        return {}
    parts, params = [], []
    for article_id in sorted(articles):
        parts += [_NEWEST_QUESTION_CITATIONS, _NEWEST_ANSWER_CITATIONS]
        params += [article_id, ARTICLE_CANDIDATES, article_id, ARTICLE_CANDIDATES]
    shared: dict[int, set[int]] = {}
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        for question_id, article_id in cursor.fetchall():
            if question_id not in exclude:
                shared.setdefault(question_id, set()).add(article_id)
    return shared


# One article's newest citations as (question id, article id) rows, each wrapped in a subquery
# so that ORDER BY and LIMIT apply per article on SQLite as on PostgreSQL. Table names come
# from the models' meta; ids and limits are always parameters.
_NEWEST_QUESTION_CITATIONS = (
    "SELECT * FROM (SELECT question_id, article_id"
    f" FROM {QuestionCitation._meta.db_table}"
    " WHERE article_id = %s ORDER BY question_id DESC LIMIT %s) newest_q"
)
_NEWEST_ANSWER_CITATIONS = (
    "SELECT * FROM (SELECT a.question_id, c.article_id"
    f" FROM {AnswerCitation._meta.db_table} c JOIN {Answer._meta.db_table} a ON a.id = c.answer_id"
    " WHERE c.article_id = %s AND NOT a.is_hidden ORDER BY c.answer_id DESC LIMIT %s) newest_a"
)
