"""What the site stores about a user: handed over as JSON, or removed with the account.

Both read the same list of places, so that a new kind of personal data is added to one and
the other alike:
- the account (user name, e-mail, names, dates, settings) and its API token;
- the user's questions, with their state (hidden, held for review, deleted) and the reason
  given for a deletion;
- the user's lawyer application and, if they answered, their answers;
- their "有帮助" marks and their notifications.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from axes.models import AccessAttempt, AccessFailureLog
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from rest_framework.authtoken.models import Token

from accounts.models import DELETED_NAME, User
from consult import counters
from consult.models import Answer, HelpfulMark, LawyerProfile, Notification, Question
from consult.services.questions import questions_delete_all
from portal import page_cache

BAD_CONFIRMATION = "密码不正确。"


def _when(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def user_data_export(*, user: User) -> dict[str, Any]:
    """Everything stored about the user, as JSON-ready data (never the password hash or the
    API token's key)."""
    questions = Question.objects.filter(author=user).select_related("category").order_by("pk")
    lawyer = LawyerProfile.objects.filter(user=user).prefetch_related("practice_areas").first()
    answers = (
        Answer.objects.filter(lawyer=lawyer).select_related("question").order_by("pk")
        if lawyer is not None
        else Answer.objects.none()
    )
    marks = HelpfulMark.objects.filter(user=user).select_related("answer").order_by("pk")
    notifications = Notification.objects.filter(recipient=user).order_by("pk")
    return {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "username": user.username,
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": _when(user.date_joined),
            "last_login": _when(user.last_login),
            "email_notifications": user.email_notifications,
            "has_api_token": Token.objects.filter(user=user).exists(),
        },
        "questions": [
            {
                "id": q.pk,
                "title": q.title,
                "body": q.body,
                "category": q.category.name,
                "is_anonymous": q.is_anonymous,
                "assessment_facts": q.assessment_facts,
                "created_at": _when(q.created_at),
                "updated_at": _when(q.updated_at),
                "is_hidden": q.is_hidden,
                "review_status": q.review_status,
                "deleted_at": _when(q.deleted_at),
                "delete_reason": q.delete_reason,
            }
            for q in questions
        ],
        "lawyer_application": None
        if lawyer is None
        else {
            "real_name": lawyer.real_name,
            "license_number": lawyer.license_number,
            "law_firm": lawyer.law_firm,
            "region": lawyer.region,
            "practice_areas": [area.name for area in lawyer.practice_areas.all()],
            "bio": lawyer.bio,
            "status": lawyer.status,
            "status_note": lawyer.status_note,
            "applied_at": _when(lawyer.applied_at),
        },
        "answers": [
            {
                "id": a.pk,
                "question": a.question_id,
                "question_title": a.question.title,
                "body": a.body,
                "is_accepted": a.is_accepted,
                "created_at": _when(a.created_at),
                "updated_at": _when(a.updated_at),
                "is_hidden": a.is_hidden,
            }
            for a in answers
        ],
        "helpful_marks": [
            {
                "answer": m.answer_id,
                "question": m.answer.question_id,
                "created_at": _when(m.created_at),
            }
            for m in marks
        ],
        "notifications": [
            {
                "kind": n.kind,
                "question": n.question_id,
                "answer": n.answer_id,
                "created_at": _when(n.created_at),
                "read_at": _when(n.read_at),
            }
            for n in notifications
        ],
    }


@transaction.atomic
def account_delete(*, user: User, password: str, delete_questions: bool = False) -> None:
    """Delete the user's account: every personal field emptied in one transaction, the sign-in
    made impossible (password, API token; each session ends at its next request, as its
    password hash no longer matches and the user is inactive). What they published stays under
    "已注销用户" — or, if they chose, their questions are deleted as by the asker."""
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.deleted_at is not None:
        raise ValidationError("该账号已注销。")
    if not user.check_password(password):
        raise ValidationError({"password": BAD_CONFIRMATION})
    old_username = user.username
    question_ids = list(Question.objects.filter(author=user).values_list("pk", flat=True))
    if delete_questions:
        questions_delete_all(author=user, reason="提问者注销账号时一并删除")
    # Earlier versions of their questions may hold what they edited out: only the current
    # text stays (for staff, and in public unless deleted).
    Question.history.model.objects.filter(id__in=question_ids).delete()
    _erase_lawyer_profile(user)
    Notification.objects.filter(recipient=user).delete()
    Token.objects.filter(user=user).delete()
    AccessAttempt.objects.filter(username=old_username).delete()
    AccessFailureLog.objects.filter(username=old_username).delete()
    user.username = f"deleted-{user.pk}"
    user.email = ""
    user.first_name = ""
    user.last_name = ""
    user.email_notifications = False
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.last_login = None
    user.deleted_at = timezone.now()
    user.set_unusable_password()
    user.save()
    # The asker's name shows on their questions' pages and in lists.
    page_cache.bump(page_cache.LISTS, *map(page_cache.question_scope, question_ids))


def _erase_lawyer_profile(user: User) -> None:
    """A lawyer's answers stay (under 已注销用户, no longer vouched for as 执业律师); their
    name, licence number, firm, region and biography go, with the profile's history."""
    profile = LawyerProfile.objects.select_for_update().filter(user=user).first()
    if profile is None:
        return
    now = timezone.now()
    # update(): the emptied licence number is not a valid one, on purpose.
    LawyerProfile.objects.filter(pk=profile.pk).update(
        real_name=DELETED_NAME,
        license_number="",
        law_firm="",
        region="",
        bio="",
        status=LawyerProfile.Status.REVOKED,
        status_changed_at=now,
        status_note="账号已注销",
    )
    LawyerProfile.history.model.objects.filter(id=profile.pk).delete()
    counters.refresh_lawyers([profile.pk])
