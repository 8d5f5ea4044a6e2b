"""Asking and editing questions."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from accounts.models import User
from consult import counters, permissions
from consult.models import Category, LawyerProfile, Notification, Question
from consult.search_index import index_question
from consult.services.citations import set_typed_citations, sync_detected_citations
from consult.services.masking import Masked, masked
from consult.services.notifications import notify
from statutes.assessment import Facts
from statutes.models import Article


@transaction.atomic
def question_create(
    *,
    author: User,
    title: str,
    body: str,
    category: Category,
    is_anonymous: bool = False,
    cited_articles: Iterable[Article] = (),
    assessment_facts: Facts | None = None,
    addressed_to: LawyerProfile | None = None,
    masked_report: list[Masked] | None = None,
) -> Question:
    """Ask a question (addressed to a lawyer, who is notified, when one is given). Personal
    identifiers in the title and body are masked before anything is saved; what was masked is
    appended to `masked_report` when one is given."""
    if not permissions.can_ask(author):
        raise PermissionDenied("请先登录再提问。")
    if addressed_to is not None and not permissions.can_address(author, addressed_to):
        raise ValidationError({"addressed_to": permissions.ADDRESS_DENIED})
    question = Question(
        author=author,
        title=masked(title.strip(), masked_report),
        body=masked(body.strip(), masked_report),
        category=category,
        is_anonymous=is_anonymous,
        assessment_facts=assessment_facts.to_dict() if assessment_facts else None,
        addressed_to=addressed_to,
    )
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
    masked_report: list[Masked] | None = None,
) -> Question:
    """Edit a question: its new title and body are masked as when it was asked."""
    # Lock the row so an answer arriving meanwhile can't slip in under an edit.
    question = Question.objects.select_for_update().get(pk=question.pk)
    if not permissions.can_edit_question(by, question):
        raise PermissionDenied(permissions.EDIT_QUESTION_DENIED)
    old_category_id = question.category_id
    question.title = masked(title.strip(), masked_report)
    question.body = masked(body.strip(), masked_report)
    question.category = category
    question.is_anonymous = is_anonymous
    question.full_clean()
    # Only the fields edited here: the stored counters are the counters' to write.
    question.save(update_fields=["title", "body", "category", "is_anonymous", "updated_at"])
    sync_detected_citations(question)
    if question.category_id != old_category_id:
        counters.refresh_categories([old_category_id, question.category_id])
    index_question(question.pk)
    return question
