"""Stored counters: what the pages show as numbers, kept with every write so that no page counts.

| counter                        | what it counts                                                |
|--------------------------------|---------------------------------------------------------------|
| Question.answer_count          | the question's visible answers                                |
| Question.helpful_count         | "有帮助" marks on the question's visible answers              |
| Answer.helpful_count           | the answer's "有帮助" marks                                   |
| LawyerProfile.helped_count     | 已帮助 N 人: distinct askers of visible questions the lawyer  |
|                                | answered with a visible answer                                |
| Category.question_count        | the category's visible questions                              |
| Question.best_answer_excerpt   | the start of the best visible answer: the accepted one, else  |
|                                | the most helpful (then the oldest); "" without answers        |

A visible question is one the public sees (models.public_questions): not hidden, not deleted
by its asker, not held for review.

Each definition lives once, below, as a correlated subquery. The services call the refresh_*
functions inside their own transaction, for the rows a write touched: the counter commits (or
rolls back) with the write, and costs one UPDATE of those rows however large the site is.
A mark is a plain +1 (F() is exact there and takes no lock beyond the row). `manage.py recount`
applies the same definitions to every row: idempotent, and the check that nothing drifted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, F, Model, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Substr

from consult.models import (
    BEST_ANSWER_EXCERPT_CHARS,
    Answer,
    Category,
    HelpfulMark,
    LawyerProfile,
    Question,
)


def _count(rows: QuerySet, group: str, *, distinct: str | None = None) -> Coalesce:
    """COUNT of the rows (or of distinct values of `distinct`) for the outer row; 0 for none."""
    counted = Count(distinct, distinct=True) if distinct else Count("pk")
    return Coalesce(Subquery(rows.order_by().values(group).annotate(n=counted).values("n")[:1]), 0)


def answer_count() -> Coalesce:
    return _count(Answer.objects.filter(question=OuterRef("pk"), is_hidden=False), "question")


def question_helpful_count() -> Coalesce:
    marks = HelpfulMark.objects.filter(answer__question=OuterRef("pk"), answer__is_hidden=False)
    return _count(marks, "answer__question")


def answer_helpful_count() -> Coalesce:
    return _count(HelpfulMark.objects.filter(answer=OuterRef("pk")), "answer")


def helped_count() -> Coalesce:
    answers = Answer.objects.public().filter(lawyer=OuterRef("pk"))
    return _count(answers, "lawyer", distinct="question__author")


def question_count() -> Coalesce:
    return _count(Question.objects.visible().filter(category=OuterRef("pk")), "category")


def best_answer_excerpt() -> Coalesce:
    best = (
        Answer.objects.filter(question=OuterRef("pk"), is_hidden=False)
        .order_by("-is_accepted", "-helpful_count", "created_at", "pk")
        .annotate(excerpt=Substr("body", 1, BEST_ANSWER_EXCERPT_CHARS))
        .values("excerpt")[:1]
    )
    return Coalesce(Subquery(best), Value(""))


@dataclass(frozen=True)
class Counter:
    model: type[Model]
    field: str
    definition: Callable[[], Coalesce]

    @property
    def label(self) -> str:
        return f"{self.model.__name__}.{self.field}"


COUNTERS = (
    Counter(Question, "answer_count", answer_count),
    Counter(Question, "helpful_count", question_helpful_count),
    Counter(Answer, "helpful_count", answer_helpful_count),
    Counter(LawyerProfile, "helped_count", helped_count),
    Counter(Category, "question_count", question_count),
    Counter(Question, "best_answer_excerpt", best_answer_excerpt),
)


def _refresh(model: type[Model], ids: Iterable[int | None], **fields: Coalesce) -> None:
    """Lock the rows, then recount them.

    The lock comes first, in its own statement: an UPDATE that waited for another writer's lock
    would still compute its subquery from the snapshot taken before that writer committed (in
    PostgreSQL's READ COMMITTED), and lose the other write. After the lock, the UPDATE's
    snapshot includes it. Rows are locked in id order, and models in the order of the
    refresh_* functions below, so that two writers don't wait for each other.
    """
    wanted = sorted({pk for pk in ids if pk is not None})
    if wanted:
        rows = model._default_manager.filter(pk__in=wanted)
        # Inside the caller's transaction (the services'); its own one for callers that have
        # none (the test factories, a live-server test): a lock needs a transaction to hold it.
        with transaction.atomic(savepoint=False):
            list(rows.select_for_update().order_by("pk").values_list("pk", flat=True))
            rows.update(**fields)


# ---------------------------------------------------------------------------------------------
# Called by the services (and the admin, the demo loader, the test factories) after a write


def refresh_questions(ids: Iterable[int | None]) -> None:
    """After a question's answers appear, change visibility, move or go."""
    _refresh(
        Question,
        ids,
        answer_count=answer_count(),
        helpful_count=question_helpful_count(),
        best_answer_excerpt=best_answer_excerpt(),
    )


def refresh_best_answer(question_id: int) -> None:
    """After an answer of the question is edited, accepted or marked helpful: which answer is
    best, or its text, may have changed."""
    _refresh(Question, [question_id], best_answer_excerpt=best_answer_excerpt())


def refresh_answers(ids: Iterable[int | None]) -> None:
    _refresh(Answer, ids, helpful_count=answer_helpful_count())


def refresh_lawyers(ids: Iterable[int | None]) -> None:
    """After one of the lawyer's answers, or a question one answers, appears, changes
    visibility or asker, or goes."""
    _refresh(LawyerProfile, ids, helped_count=helped_count())


def refresh_categories(ids: Iterable[int | None]) -> None:
    _refresh(Category, ids, question_count=question_count())


def lawyers_of(question_ids: Iterable[int]) -> set[int]:
    """Lawyers who answered these questions: whose helped count a change to them may move."""
    return set(
        Answer.objects.filter(question_id__in=list(question_ids)).values_list(
            "lawyer_id", flat=True
        )
    )


def answer_changed(answer: Answer) -> None:
    """After an answer is created, hidden or unhidden."""
    refresh_questions([answer.question_id])
    refresh_lawyers([answer.lawyer_id])


def question_changed(question: Question, *, old_category_id: int | None = None) -> None:
    """After a question is created, hidden, unhidden, deleted, approved or moved to another
    category."""
    refresh_lawyers(lawyers_of([question.pk]))
    refresh_categories([question.category_id, old_category_id])


def helpful_mark_added(answer: Answer) -> None:
    """+1 on the answer, and on its question while the answer is visible. The question is
    locked first, so a moderator hiding the answer meanwhile is seen either before (no +1)
    or after (the hide recounts the question, this mark included)."""
    with transaction.atomic(savepoint=False):
        list(Question.objects.select_for_update().filter(pk=answer.question_id).values_list("pk"))
        Answer.objects.filter(pk=answer.pk).update(helpful_count=F("helpful_count") + 1)
        if Answer.objects.filter(pk=answer.pk, is_hidden=False).exists():
            Question.objects.filter(pk=answer.question_id).update(
                helpful_count=F("helpful_count") + 1, best_answer_excerpt=best_answer_excerpt()
            )


@dataclass
class Affected:
    """Rows whose counters a deletion may move, read before the delete (the cascade takes the
    links with it) and refreshed after."""

    questions: set[int]
    answers: set[int]
    lawyers: set[int]
    categories: set[int]

    def refresh(self) -> None:
        # Rows the delete took are simply not found.
        refresh_questions(self.questions)
        refresh_answers(self.answers)
        refresh_lawyers(self.lawyers)
        refresh_categories(self.categories)


def affected_by_deleting(
    *,
    questions: QuerySet[Question] | None = None,
    answers: QuerySet[Answer] | None = None,
    marks: QuerySet[HelpfulMark] | None = None,
) -> Affected:
    question_ids = set(questions.values_list("pk", flat=True)) if questions is not None else set()
    answer_rows: QuerySet[Answer] = Answer.objects.none()
    if answers is not None:
        answer_rows = answers
    answer_rows = answer_rows | Answer.objects.filter(question_id__in=question_ids)
    answer_info = list(answer_rows.values_list("pk", "question_id", "lawyer_id"))
    mark_answers = set(marks.values_list("answer_id", flat=True)) if marks is not None else set()
    mark_questions = set(
        Answer.objects.filter(pk__in=mark_answers).values_list("question_id", flat=True)
    )
    return Affected(
        questions={q for _, q, _ in answer_info} | mark_questions,
        answers=mark_answers,
        lawyers={lawyer for _, _, lawyer in answer_info},
        categories=set(
            Question.objects.filter(pk__in=question_ids).values_list("category_id", flat=True)
        ),
    )


# ---------------------------------------------------------------------------------------------
# manage.py recount


@dataclass(frozen=True)
class Difference:
    counter: str
    pk: int
    stored: int
    actual: int


def differences() -> list[Difference]:
    """Every stored counter that disagrees with a recount (one SELECT per counter)."""
    found = []
    for counter in COUNTERS:
        rows = (
            counter.model._default_manager.annotate(_actual=counter.definition())
            .exclude(**{counter.field: F("_actual")})
            .order_by("pk")
            .values_list("pk", counter.field, "_actual")
        )
        found += [Difference(counter.label, pk, stored, actual) for pk, stored, actual in rows]
    return found


def recount_all() -> None:
    """Recompute every counter of every row: one UPDATE per model, no row through Python."""
    by_model: dict[type[Model], dict[str, Coalesce]] = {}
    for counter in COUNTERS:
        by_model.setdefault(counter.model, {})[counter.field] = counter.definition()
    for model, fields in by_model.items():
        model._default_manager.update(**fields)
