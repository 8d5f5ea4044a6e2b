"""Personal identifiers leave what askers and lawyers write before it is saved.

Every service that saves a question's title or body or an answer's body passes the text through
`masked()` first, so the database, its history (django-simple-history copies the saved row), the
search index, every page, excerpt, feed and API field only ever hold the masked form: the raw
identifier is never stored. The caller may pass a list to learn what was hidden, to tell the
writer — the kind and the masked form, never the raw value.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import QuerySet

from consult.models import Answer, Question
from consult.search_index import index_questions
from privacy.identifiers import mask_text


@dataclass(frozen=True, slots=True)
class Masked:
    """One identifier hidden from a text: its kind (手机号 …) and the masked form shown."""

    kind: str
    masked: str


def masked(text: str, report: list[Masked] | None = None) -> str:
    result = mask_text(text)
    if report is not None:
        report.extend(Masked(finding.kind.value, finding.masked) for finding in result.findings)
    return result.text


def describe(items: list[Masked]) -> str:
    """ "手机号 138****5678、身份证号 110105********002X" for a notice to the writer."""
    return "、".join(f"{item.kind} {item.masked}" for item in items)


@dataclass
class StoredMasking:
    """How many rows `mask_stored_text` changed (or, in a dry run, would change)."""

    questions: int = 0
    answers: int = 0
    history_rows: int = 0


BATCH = 500


def _mask_rows(
    queryset: QuerySet, fields: tuple[str, ...], *, question: str, dry_run: bool
) -> tuple[int, set[int]]:
    """Mask `fields` of every row, a batch per transaction (keyset by pk); the number of rows
    changed and the ids (column `question`) of their questions."""
    changed = 0
    question_ids: set[int] = set()
    last = None
    while True:
        batch = queryset.order_by("pk") if last is None else queryset.filter(pk__gt=last)
        rows = list(batch.order_by("pk").values("pk", question, *fields)[:BATCH])
        if not rows:
            return changed, question_ids
        with transaction.atomic():
            for row in rows:
                new = {name: masked(row[name]) for name in fields}
                if new != {name: row[name] for name in fields}:
                    changed += 1
                    question_ids.add(row[question])
                    if not dry_run:
                        # update(), not save(): masking is no edit, so neither updated_at nor
                        # a new history row records it.
                        queryset.filter(pk=row["pk"]).update(**new)
        last = rows[-1]["pk"]


def mask_stored_text(*, dry_run: bool = False) -> StoredMasking:
    """Mask what was saved before masking existed: questions, answers, their history rows, and
    the search documents of the questions concerned. Safe to run again (masked text stays)."""
    questions, changed = _mask_rows(
        Question.objects.all(), ("title", "body"), question="id", dry_run=dry_run
    )
    answers, answered = _mask_rows(
        Answer.objects.all(), ("body",), question="question_id", dry_run=dry_run
    )
    old_questions, _ = _mask_rows(
        Question.history.model.objects.all(), ("title", "body"), question="id", dry_run=dry_run
    )
    old_answers, _ = _mask_rows(
        Answer.history.model.objects.all(), ("body",), question="question_id", dry_run=dry_run
    )
    if not dry_run:
        ids = sorted(changed | answered)
        for start in range(0, len(ids), BATCH):
            with transaction.atomic():
                index_questions(ids[start : start + BATCH])
    return StoredMasking(questions, answers, old_questions + old_answers)
