"""Answering, accepting and marking answers helpful."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import User
from consult import counters, permissions
from consult.models import Answer, HelpfulMark, Notification, Question
from consult.search_index import index_question
from consult.services.citations import set_typed_citations, sync_detected_citations
from consult.services.masking import Masked, masked
from consult.services.notifications import notify
from portal import page_cache
from statutes.models import Article

MAX_CITATIONS = 10


def _check_citations(cited_articles: Iterable[Article]) -> list[Article]:
    articles = list(dict.fromkeys(cited_articles))
    if len(articles) > MAX_CITATIONS:
        raise ValidationError({"cited_articles": f"最多引用 {MAX_CITATIONS} 条法条。"})
    return articles


@transaction.atomic
def answer_create(
    *,
    question: Question,
    by: User,
    body: str,
    cited_articles: Iterable[Article] = (),
    masked_report: list[Masked] | None = None,
) -> Answer:
    """Answer a question; personal identifiers in the body are masked before it is saved."""
    question = Question.objects.select_for_update().get(pk=question.pk)
    if not permissions.can_answer(by, question):
        raise PermissionDenied(permissions.ANSWER_DENIED)
    articles = _check_citations(cited_articles)
    answer = Answer(
        question=question, lawyer=by.lawyer_profile, body=masked(body.strip(), masked_report)
    )
    answer.full_clean()
    answer.save()
    set_typed_citations(answer, articles)
    sync_detected_citations(answer)
    counters.answer_changed(answer)
    index_question(question.pk)
    notify(recipient=question.author, kind=Notification.Kind.ANSWER_POSTED, answer=answer)
    return answer


@transaction.atomic
def answer_update(
    *,
    answer: Answer,
    by: User,
    body: str,
    cited_articles: Iterable[Article] = (),
    masked_report: list[Masked] | None = None,
) -> Answer:
    if not permissions.can_edit_answer(by, answer):
        raise PermissionDenied(permissions.EDIT_ANSWER_DENIED)
    articles = _check_citations(cited_articles)
    answer.body = masked(body.strip(), masked_report)
    answer.full_clean()
    # Only the fields edited here: the helpful count is the counters' to write.
    answer.save(update_fields=["body", "updated_at"])
    set_typed_citations(answer, articles)
    sync_detected_citations(answer)
    counters.refresh_best_answer(answer.question_id)
    index_question(answer.question_id)
    return answer


@transaction.atomic
def answer_accept(*, answer: Answer, by: User) -> Answer:
    """The asker accepts the answer that helped; accepting another moves the mark to it."""
    question = Question.objects.select_for_update().get(pk=answer.question_id)
    answer = Answer.objects.select_related("question", "lawyer__user").get(pk=answer.pk)
    if not permissions.can_accept(by, answer):
        raise PermissionDenied(permissions.accept_denied(by, answer))
    question.answers.filter(is_accepted=True).update(is_accepted=False, accepted_at=None)
    answer.is_accepted = True
    answer.accepted_at = timezone.now()
    answer.save(update_fields=["is_accepted", "accepted_at", "updated_at"])
    counters.refresh_best_answer(question.pk)
    # Lists show the accepted answer's start ("律师解答：…").
    page_cache.bump(page_cache.question_scope(question.pk), page_cache.BROWSE)
    notify(recipient=answer.lawyer.user, kind=Notification.Kind.ANSWER_ACCEPTED, answer=answer)
    return answer


def helpful_mark(*, answer: Answer, by: User) -> HelpfulMark:
    if not permissions.can_mark_helpful(by, answer):
        raise PermissionDenied(permissions.HELPFUL_DENIED)
    try:
        with transaction.atomic():
            mark = HelpfulMark.objects.create(user=by, answer=answer)
            counters.helpful_mark_added(answer)
            # Lists sorted by 有帮助, and the best answer's start they show, may change.
            page_cache.bump(page_cache.question_scope(answer.question_id), page_cache.BROWSE)
            return mark
    except IntegrityError:
        raise ValidationError(permissions.ALREADY_MARKED_HELPFUL) from None
