"""Notifications: a row for the notifications page and, unless unsubscribed, an e-mail.

The e-mail goes out through the task queue (django-tasks; the database backend and its worker,
`manage.py db_worker`, in production; the immediate backend in development and tests), never
inside the request that caused it: a slow or unreachable mail server costs the person who
answered nothing, and a failed attempt is logged and tried again later instead of dropped.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from accounts.models import User
from consult.models import Answer, FollowUp, LawyerProfile, Notification, Question

logger = logging.getLogger(__name__)

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

# The first attempt and then one retry after each delay: a mail server that is down for up to
# about five and a half hours (1 + 4 + 16 + 64 + 256 minutes) still gets every notification.
RETRY_DELAYS = tuple(timedelta(minutes=4**n) for n in range(5))
MAX_ATTEMPTS = 1 + len(RETRY_DELAYS)


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
    if _wants_email(recipient):
        # Only once the write is committed: a rolled-back answer sends nothing. robust: should
        # even the queue be unreachable, the answer or acceptance that caused the notification
        # is committed already and must not turn into a 500 for whoever made it (it is logged).
        transaction.on_commit(
            lambda: send_notification_email.enqueue(notification_id=notification.pk),
            robust=True,
        )
    return notification


def one_line(text: str) -> str:
    """The text with every run of whitespace (newlines, tabs, U+2028 …) made one space.

    A title is the asker's to write, and a newline in it would end the Subject header: Django
    refuses to send such a mail (BadHeaderError) rather than let a header be injected.
    """
    return " ".join(text.split())


def _wants_email(recipient: User) -> bool:
    return bool(recipient.email and recipient.email_notifications and recipient.is_active)


@task()
def send_notification_email(*, notification_id: int, attempt: int = 1) -> None:
    """Send one notification's e-mail; when the mail server fails, try again later.

    Each failed attempt is logged (and recorded as a failed task, with its traceback) and
    queued again after the next of RETRY_DELAYS; the last one is logged as an error.
    """
    # Checked again at sending time, as a retry may come hours later: the recipient may have
    # unsubscribed or been deactivated, and a moderator may have hidden the question or the
    # answer (whose title is then for staff only).
    notification = (
        Notification.objects.visible()
        .select_related("recipient", "question", "answer")
        .filter(pk=notification_id)
        .first()
    )
    if notification is None or not _wants_email(notification.recipient):
        return
    try:
        _email(notification).send()
    except OSError as error:  # smtplib's errors and refused or dropped connections
        if attempt >= MAX_ATTEMPTS:
            logger.error(
                "Notification %s: e-mail not sent after %s attempts, giving up (%s)",
                notification_id,
                attempt,
                type(error).__name__,
            )
            raise
        delay = RETRY_DELAYS[attempt - 1]
        logger.warning(
            "Notification %s: e-mail attempt %s of %s failed (%s); retrying in %s",
            notification_id,
            attempt,
            MAX_ATTEMPTS,
            type(error).__name__,
            delay,
        )
        retry = send_notification_email
        # A backend that can't defer (the immediate one of development) retries at once.
        if retry.get_backend().supports_defer:
            retry = retry.using(run_after=timezone.now() + delay)
        retry.enqueue(notification_id=notification_id, attempt=attempt + 1)
        raise


def _email(notification: Notification) -> EmailMessage:
    recipient = notification.recipient
    unsubscribe = unsubscribe_url(recipient)
    context = {
        "notification": notification,
        "question_url": settings.SITE_URL + notification.get_absolute_url(),
        "unsubscribe_url": unsubscribe,
    }
    return EmailMessage(
        subject=SUBJECTS[Notification.Kind(notification.kind)].format(
            title=one_line(notification.question.title)[:40] if notification.question else ""
        ),
        body=render_to_string("consult/email/notification.txt", context),
        to=[recipient.email],
        # RFC 8058 one-click: a mail client POSTs "List-Unsubscribe=One-Click" to the URL.
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def mark_read(*, recipient: User, pk: int | None = None) -> int:
    """Mark the recipient's notifications (or just one of them) as read."""
    notifications = Notification.objects.filter(recipient=recipient).unread()
    if pk is not None:
        notifications = notifications.filter(pk=pk)
    return notifications.update(read_at=timezone.now())
