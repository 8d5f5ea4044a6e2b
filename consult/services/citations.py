"""The citations of a question or an answer: those typed in the "引用条文" lines and those
statutes.citing finds in its text, kept apart by QuestionCitation/AnswerCitation.detected.

Both kinds count wherever citations do (本条相关问题, the API's `cites` filter, 相关问题); only
the typed ones are offered back in the "引用条文" field when the text is edited, so editing
never turns a detected citation into a typed one."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from django.db import transaction
from django.db.models import QuerySet

from consult import related
from consult.models import Answer, AnswerCitation, Question, QuestionCitation
from statutes.citing import CitationTable, detected_articles
from statutes.models import Article

# The two through tables have the same shape; the work on them is written once, for either.
_Citation = TypeVar("_Citation", QuestionCitation, AnswerCitation)


def set_typed_citations(owner: Question | Answer, articles: Iterable[Article]) -> None:
    """Make `articles` the owner's typed citations; an article also found in the text stays
    cited, as typed."""
    wanted = list(dict.fromkeys(a.pk for a in articles))
    if isinstance(owner, Question):
        _set_typed(QuestionCitation, "question", owner, wanted)
    else:
        _set_typed(AnswerCitation, "answer", owner, wanted)


def _set_typed(
    model: type[_Citation], field: str, owner: Question | Answer, wanted: list[int]
) -> None:
    rows = model.objects.filter(**{field: owner})
    rows.filter(detected=False).exclude(article_id__in=wanted).delete()
    rows.filter(article_id__in=wanted, detected=True).update(detected=False)
    have = set(rows.filter(article_id__in=wanted).values_list("article_id", flat=True))
    model.objects.bulk_create(
        [model(**{field: owner}, article_id=pk) for pk in wanted if pk not in have]
    )


def sync_detected_citations(owner: Question | Answer, table: CitationTable | None = None) -> bool:
    """Store the articles the owner's text cites as its detected citations (beside the typed
    ones, which win when both name an article). Returns whether anything changed."""
    found = {a.pk for a in detected_articles(owner.body, owner.created_at, table)}
    if isinstance(owner, Question):
        return _sync_detected(QuestionCitation, "question", owner, found)
    return _sync_detected(AnswerCitation, "answer", owner, found)


def _sync_detected(
    model: type[_Citation], field: str, owner: Question | Answer, found: set[int]
) -> bool:
    rows = model.objects.filter(**{field: owner})
    typed: set[int] = set()
    detected: set[int] = set()
    for article_id, is_detected in rows.values_list("article_id", "detected"):
        (detected if is_detected else typed).add(article_id)
    found -= typed
    if found == detected:
        return False
    rows.filter(detected=True).exclude(article_id__in=found).delete()
    model.objects.bulk_create(
        [model(**{field: owner}, article_id=pk, detected=True) for pk in found - detected]
    )
    return True


def typed_citations(owner: Question | Answer) -> list[Article]:
    typed: QuerySet[QuestionCitation, int] | QuerySet[AnswerCitation, int]
    if isinstance(owner, Question):
        typed = QuestionCitation.objects.filter(question=owner, detected=False).values_list(
            "article_id", flat=True
        )
    else:
        typed = AnswerCitation.objects.filter(answer=owner, detected=False).values_list(
            "article_id", flat=True
        )
    return list(Article.objects.with_law().filter(pk__in=typed).order_by("version", "number"))


@dataclass
class DetectionReport:
    questions: int = 0
    answers: int = 0


def detect_stored_citations(*, batch_size: int = 500) -> DetectionReport:
    """Find the citations in every stored question and answer (texts saved before detection
    existed, or after the alias table grew). Idempotent; one transaction per batch; the
    related questions of every question whose citations changed are forgotten."""
    table = CitationTable.load()
    report = DetectionReport()
    owners: tuple[type[Question] | type[Answer], ...] = (Question, Answer)
    for model in owners:
        last = 0
        while True:
            batch: list[Question | Answer] = list(
                model.objects.filter(pk__gt=last).order_by("pk")[:batch_size]
            )
            if not batch:
                break
            last = batch[-1].pk
            with transaction.atomic():
                for owner in batch:
                    if sync_detected_citations(owner, table):
                        if isinstance(owner, Question):
                            report.questions += 1
                            related.forget(owner.pk)
                        else:
                            report.answers += 1
                            related.forget(owner.question_id)
    return report
