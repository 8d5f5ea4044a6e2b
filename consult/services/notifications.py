"""Notifications: a row for the notifications page and, unless unsubscribed, an e-mail."""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from consult.models import Answer, FollowUp, LawyerProfile, Notification, Question

UNSUBSCRIBE_SALT = "consult.unsubscribe"

Kind = Notification.Kind

SUBJECTS = {
    Kind.ANSWER_POSTED: "您的问题有了律师回答：{title}",
    Kind.ANSWER_ACCEPTED: "您的回答被采纳了：{title}",
    Kind.FOLLOW_UP_ASKED: "提问者对您的回答有追问：{title}",
    Kind.FOLLOW_UP_REPLIED: "律师回复了您的追问：{title}",
    Kind.QUESTION_ADDRESSED: "有人向您提问：{title}",
    Kind.LAWYER_VERIFIED: "您的律师认证已通过",
    Kind.LAWYER_REJECTED: "您的律师认证申请未通过",
    Kind.LAWYER_REVOKED: "您的律师认证已被撤销",
}

# What the admin decided, by the status the lawyer was set to.
LAWYER_DECISIONS = {
    LawyerProfile.Status.VERIFIED: Kind.LAWYER_VERIFIED,
    LawyerProfile.Status.REJECTED: Kind.LAWYER_REJECTED,
    LawyerProfile.Status.REVOKED: Kind.LAWYER_REVOKED,
}


def unsubscribe_token(user: User) -> str:
    return signing.dumps(user.pk, salt=UNSUBSCRIBE_SALT)


def user_from_unsubscribe_token(token: str) -> User | None:
    try:
        pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return User.objects.filter(pk=pk).first()


def unsubscribe_url(user: User) -> str:
    path = reverse("accounts:unsubscribe", kwargs={"token": unsubscribe_token(user)})
    return settings.SITE_URL + path


def notify(
    *,
    recipient: User,
    kind: str,
    answer: Answer | None = None,
    question: Question | None = None,
    follow_up: FollowUp | None = None,
    note: str = "",
) -> Notification:
    """Notify about an answer (or a 追问 under one), a question, or, with neither, a decision on
    the recipient's lawyer application (`note` carries the admin's reason)."""
    if answer is not None:
        question = answer.question
    notification = Notification.objects.create(
        recipient=recipient,
        kind=kind,
        question=question,
        answer=answer,
        follow_up=follow_up,
        note=note[:200],
    )
    if recipient.email and recipient.email_notifications and recipient.is_active:
        # Only once the write is committed: a rolled-back answer sends nothing.
        # robust: a mail that can't be sent is logged; the answer or acceptance that caused it is
        # committed already and must not turn into a 500 for whoever made it.
        transaction.on_commit(lambda: _send_email(notification), robust=True)
    return notification


def one_line(text: str) -> str:
    """The text with every run of whitespace (newlines, tabs, U+2028 …) made one space.

    A title is the asker's to write, and a newline in it would end the Subject header: Django
    refuses to send such a mail (BadHeaderError) rather than let a header be injected.
    """
    return " ".join(text.split())


def _send_email(notification: Notification) -> None:
    recipient = notification.recipient
    unsubscribe = unsubscribe_url(recipient)
    context = {
        "notification": notification,
        "question_url": settings.SITE_URL + notification.get_absolute_url(),
        "unsubscribe_url": unsubscribe,
    }
    message = EmailMessage(
        subject=SUBJECTS[notification.kind].format(
            title=one_line(notification.question.title)[:40] if notification.question else ""
        ),
        body=render_to_string("consult/email/notification.txt", context),
        to=[recipient.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.send(fail_silently=True)


def mark_read(*, recipient: User, pk: int | None = None) -> int:
    """Mark the recipient's notifications (or just one of them) as read."""
    notifications = Notification.objects.filter(recipient=recipient).unread()
    if pk is not None:
        notifications = notifications.filter(pk=pk)
    return notifications.update(read_at=timezone.now())
