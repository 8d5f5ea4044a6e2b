"""Keeping the questions' full-text documents current.

Every service that changes what a question's document holds — its title or body, or the text
or visibility of one of its answers — or whether the question is public at all (hidden, deleted,
held for review, approved) calls index_question inside its own transaction, so the index
commits (or rolls back) with the write. Only public questions have a document: a deleted or
held one is not in the index at all, not merely filtered out of the results.
"""

from __future__ import annotations

from collections.abc import Iterable

from consult import related
from consult.models import Answer, Question, QuestionSearchDocument
from portal import page_cache
from search.segmenter import index_text


def index_question(question_id: int, *, recompute_related: bool = True) -> None:
    """Write the question's document from its title, body and visible answers (or remove it,
    when the question is not public), and forget its cached related questions, which were
    computed from them, and its cached pages."""
    row = Question.objects.visible().filter(pk=question_id).values_list("title", "body").first()
    if row is None:
        QuestionSearchDocument.objects.filter(question_id=question_id).delete()
    else:
        title, body = row
        answers = Answer.objects.filter(question_id=question_id, is_hidden=False).order_by("pk")
        QuestionSearchDocument.objects.update_or_create(
            question_id=question_id,
            defaults={
                "terms_a": index_text(title),
                "terms_b": index_text(body),
                "terms_c": index_text("\n".join(answers.values_list("body", flat=True))),
            },
        )
    related.forget(question_id, recompute=recompute_related)
    # Its title, text or answers show in lists too (latest, recommended, citing articles), and
    # on its own page.
    page_cache.bump(page_cache.question_scope(question_id), page_cache.LISTS)


def index_questions(question_ids: Iterable[int]) -> int:
    """In bulk (a rebuild, the masking of old texts, seeding): each related list is computed
    again at the question's next view, not all of them when the batch commits."""
    count = 0
    for question_id in question_ids:
        index_question(question_id, recompute_related=False)
        count += 1
    return count
