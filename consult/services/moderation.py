"""Staff moderation: hiding and unhiding questions and answers.

Each object is saved on its own (not a bulk UPDATE) so that the history records who did it.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from accounts.models import User
from consult import counters
from consult.models import Answer, Question
from consult.search_index import index_question


@transaction.atomic
def set_hidden(
    items: Iterable[Question | Answer], *, hidden: bool, by: User, reason: str = ""
) -> int:
    """Hide or unhide the given questions or answers; returns how many changed."""
    changed = 0
    for item in items:
        if item.is_hidden == hidden:
            continue
        item.is_hidden = hidden
        item.hidden_reason = reason[:200] if hidden else ""
        item._change_reason = f"{by.username}：{'隐藏' if hidden else '取消隐藏'}"
        item.save(update_fields=["is_hidden", "hidden_reason", "updated_at"])
        if isinstance(item, Answer):
            counters.answer_changed(item)
            # A hidden answer's words leave the question's document (and come back on unhide).
            index_question(item.question_id)
        else:
            counters.question_changed(item)
            # Only public questions are in the index (and a hidden one's page and lists go).
            index_question(item.pk)
        changed += 1
    return changed


@transaction.atomic
def review(questions: Iterable[Question], *, approve: bool, by: User, note: str = "") -> int:
    """Staff decide on questions held for review: approved ones are published (and indexed and
    counted), rejected ones stay invisible to all but their asker and staff. Returns how many
    were decided; questions not waiting for review are left alone."""
    decided = 0
    for question in questions:
        question = Question.objects.select_for_update().get(pk=question.pk)
        if question.review_status != Question.Review.PENDING or question.is_deleted:
            continue
        question.review_status = Question.Review.PUBLISHED if approve else Question.Review.REJECTED
        question.review_note = (note or question.review_note)[:200]
        question._change_reason = f"{by.username}：{'审核通过' if approve else '审核不通过'}"
        question.save(update_fields=["review_status", "review_note", "updated_at"])
        counters.question_changed(question)
        index_question(question.pk)
        decided += 1
    return decided
