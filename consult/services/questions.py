"""Asking and editing questions."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from assessment.engine import Facts
from consult import counters, permissions
from consult.models import Category, LawyerProfile, Notification, Question
from consult.search_index import index_question
from consult.services.citations import set_typed_citations, sync_detected_citations
from consult.services.holds import hold_reason
from consult.services.masking import Masked, masked
from consult.services.notifications import notify
from statutes.models import Article


@transaction.atomic
def question_create(
    *,
    author: User,
    title: str,
    body: str,
    category: Category,
    is_anonymous: bool = False,
    region: str = "",
    cited_articles: Iterable[Article] = (),
    assessment_facts: Facts | None = None,
    addressed_to: LawyerProfile | None = None,
    masked_report: list[Masked] | None = None,
) -> Question:
    """Ask a question (addressed to a lawyer, who is notified, when one is given). Personal
    identifiers in the title and body are masked before anything is saved; what was masked is
    appended to `masked_report` when one is given. A question that looks like spam is held for
    review (consult.services.holds): not public until staff approve it."""
    if not permissions.can_ask(author):
        raise PermissionDenied(permissions.ASK_DENIED)
    if addressed_to is not None and not permissions.can_address(author, addressed_to):
        raise ValidationError({"addressed_to": permissions.ADDRESS_DENIED})
    question = Question(
        author=author,
        title=masked(title.strip(), masked_report),
        body=masked(body.strip(), masked_report),
        category=category,
        is_anonymous=is_anonymous,
        region=region.strip(),
        assessment_facts=assessment_facts.to_dict() if assessment_facts else None,
        addressed_to=addressed_to,
    )
    _hold_if_needed(question)
    question.full_clean()
    question.save()
    set_typed_citations(question, cited_articles)
    sync_detected_citations(question)
    counters.refresh_categories([question.category_id])
    index_question(question.pk)
    if addressed_to is not None:
        notify(
            recipient=addressed_to.user,
            kind=Notification.Kind.QUESTION_ADDRESSED,
            question=question,
        )
    return question


@transaction.atomic
def question_update(
    *,
    question: Question,
    by: User,
    title: str,
    body: str,
    category: Category,
    is_anonymous: bool,
    region: str | None = None,
    remove_assessment: bool = False,
    masked_report: list[Masked] | None = None,
) -> Question:
    """Edit a question, answered or not (its answers stay): its new title and body are masked
    as when it was asked, and checked for spam as then; the attached assessment can only be
    taken away (the facts came from the tool, not from this form). The earlier version stays
    in the question's history, for staff."""
    # Lock the row so an answer arriving meanwhile can't slip in under an edit.
    question = Question.objects.select_for_update().get(pk=question.pk)
    if not permissions.can_edit_question(by, question):
        raise PermissionDenied(permissions.EDIT_QUESTION_DENIED)
    old_category_id = question.category_id
    question.title = masked(title.strip(), masked_report)
    question.body = masked(body.strip(), masked_report)
    question.category = category
    question.is_anonymous = is_anonymous
    if region is not None:  # None: as it was (an API client that doesn't send it)
        question.region = region.strip()
    if remove_assessment:
        question.assessment_facts = None
    was_public = question.is_public
    _hold_if_needed(question)
    question.full_clean()
    question._change_reason = "提问者修改"
    # Only the fields edited here: the stored counters are the counters' to write.
    question.save(
        update_fields=[
            "title",
            "body",
            "category",
            "is_anonymous",
            "assessment_facts",
            "review_status",
            "review_note",
            "updated_at",
        ]
    )
    sync_detected_citations(question)
    if question.category_id != old_category_id or question.is_public != was_public:
        counters.question_changed(question, old_category_id=old_category_id)
    # The asker's name (anonymous or not) shows on lists and the answering lawyers' pages.
    index_question(question.pk)
    return question


def _hold_if_needed(question: Question) -> None:
    """Hold the question for review if its text looks like spam (consult.services.holds). A
    question staff already rejected stays rejected; one they approved is checked again, since
    the text is new."""
    if question.review_status == Question.Review.REJECTED:
        return
    reason = hold_reason(
        author=question.author, title=question.title, body=question.body, question_pk=question.pk
    )
    if reason:
        question.review_status = Question.Review.PENDING
        question.review_note = reason


@transaction.atomic
def question_delete(*, question: Question, by: User, reason: str) -> Question:
    """The asker deletes their question: at once gone from every page, list, feed, sitemap,
    the search index and the API, and from the counters; the row stays, for staff."""
    question = Question.objects.select_for_update().get(pk=question.pk)
    if not permissions.can_delete_question(by, question):
        raise PermissionDenied(permissions.DELETE_QUESTION_DENIED)
    _mark_deleted(question, by=by, reason=reason.strip()[:200] or "提问者删除")
    return question


def _mark_deleted(question: Question, *, by: User, reason: str) -> None:
    question.deleted_at = timezone.now()
    question.deleted_by = by
    question.delete_reason = reason
    question._change_reason = f"删除：{reason}"
    question.save(update_fields=["deleted_at", "deleted_by", "delete_reason", "updated_at"])
    counters.question_changed(question)
    index_question(question.pk)


def questions_delete_all(*, author: User, reason: str) -> int:
    """Every question of the author, deleted as by question_delete (for the account's deletion,
    inside its transaction); returns how many."""
    deleted = 0
    for question in Question.objects.not_deleted().filter(author=author).select_for_update():
        _mark_deleted(question, by=author, reason=reason)
        deleted += 1
    return deleted
