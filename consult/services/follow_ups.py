"""追问: the asker asks again under an answer and the answering lawyer replies."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from accounts.models import User
from consult import permissions
from consult.models import Answer, FollowUp, Notification
from consult.services.masking import Masked, masked
from consult.services.notifications import notify
from portal import page_cache

# A follow-up thread clarifies an answer; a longer conversation belongs in a new question.
MAX_PER_ANSWER = 20
MIN_LENGTH = 2


@transaction.atomic
def follow_up_create(
    *, answer: Answer, by: User, body: str, masked_report: list[Masked] | None = None
) -> FollowUp:
    """Add to the thread under the answer; the other side is notified. Personal identifiers
    are masked before the text is saved, as in questions and answers."""
    # The answer's row is the thread's lock: two writers can't both take the last place.
    answer = (
        Answer.objects.select_for_update()
        .select_related("question__author", "lawyer__user")
        .get(pk=answer.pk)
    )
    if not permissions.can_follow_up(by, answer):
        raise PermissionDenied(permissions.FOLLOW_UP_DENIED)
    text = masked(body.strip(), masked_report)
    if len(text) < MIN_LENGTH:
        raise ValidationError({"body": f"追问内容至少 {MIN_LENGTH} 个字。"})
    if answer.follow_ups.count() >= MAX_PER_ANSWER:
        raise ValidationError({"body": f"每条回答最多 {MAX_PER_ANSWER} 条追问和回复，请另行提问。"})
    follow_up = FollowUp(answer=answer, author=by, body=text)
    follow_up.full_clean()
    follow_up.save()
    # The question page shows the thread.
    page_cache.bump(page_cache.question_scope(answer.question_id))
    if by.pk == answer.question.author_id:
        recipient, kind = answer.lawyer.user, Notification.Kind.FOLLOW_UP_ASKED
    else:
        recipient, kind = answer.question.author, Notification.Kind.FOLLOW_UP_REPLIED
    notify(recipient=recipient, kind=kind, answer=answer, follow_up=follow_up)
    return follow_up
