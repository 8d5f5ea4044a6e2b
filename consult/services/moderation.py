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
from portal import page_cache


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
            page_cache.bump(page_cache.question_scope(item.pk), page_cache.LISTS)
        changed += 1
    return changed
