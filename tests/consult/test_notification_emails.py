"""Notification e-mails leave through the task queue, and a mail server that is down delays them
instead of losing them: each failed attempt is logged and tried again later."""

from __future__ import annotations

import logging
import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from consult.services.answers import answer_create
from consult.services.notifications import MAX_ATTEMPTS
from tests.factories import make_lawyer, make_question

pytestmark = pytest.mark.django_db

BODY = "根据相关规定，建议您先与对方协商，协商不成再通过诉讼解决。"
HERE = "tests.consult.test_notification_emails"


class MailServer:
    """How many of the next connections the mail server refuses (the test sets it)."""

    refusals = 0
    attempts = 0


class FlakyBackend(LocmemBackend):
    """Django's test outbox behind a mail server that refuses MailServer.refusals connections."""

    def send_messages(self, messages):
        MailServer.attempts += 1
        if MailServer.refusals:
            MailServer.refusals -= 1
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)


@pytest.fixture
def mail_server(settings):
    settings.EMAIL_BACKEND = f"{HERE}.FlakyBackend"
    MailServer.refusals = MailServer.attempts = 0
    return MailServer


@pytest.fixture
def database_queue(settings, monkeypatch):
    """The production backend: tasks wait in the database for the worker."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    # Between tasks the worker drops a connection it may not trust; the test's transaction
    # must keep its own.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)


def run_worker() -> None:
    """What `manage.py db_worker --batch` does, without taking over the process's signals."""
    db_worker.Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    ).run()


@pytest.fixture
def answer_alices_question(alice, vera, django_capture_on_commit_callbacks):
    def answer() -> None:
        question = make_question(author=alice, title="工伤怎么认定？")
        with django_capture_on_commit_callbacks(execute=True):
            answer_create(question=question, by=vera.user, body=BODY)

    return answer


def test_a_refused_mail_is_logged_and_the_retry_delivers_it(
    alice, mail_server, caplog, answer_alices_question
) -> None:
    mail_server.refusals = 1
    with caplog.at_level(logging.WARNING, logger="consult.services.notifications"):
        answer_alices_question()
    assert mail_server.attempts == 2
    assert [message.to for message in mail.outbox] == [[alice.email]]
    assert "e-mail attempt 1 of 6 failed (SMTPServerDisconnected)" in caplog.text
    # The log names the notification, never the address.
    assert alice.email not in caplog.text


def test_a_mail_server_that_stays_down_gets_six_attempts_and_an_error_in_the_log(
    alice, mail_server, caplog, answer_alices_question
) -> None:
    mail_server.refusals = 100
    with caplog.at_level(logging.WARNING, logger="consult.services.notifications"):
        answer_alices_question()
    assert mail_server.attempts == MAX_ATTEMPTS == 6
    assert mail.outbox == []
    errors = [
        r for r in caplog.records if r.levelno == logging.ERROR and r.name.startswith("consult")
    ]
    assert [r.getMessage() for r in errors] == [
        f"Notification {alice.notifications.get().pk}: e-mail not sent after 6 attempts, "
        "giving up (SMTPServerDisconnected)"
    ]


def test_the_answer_is_saved_even_when_the_mail_server_is_down(
    client, alice, mail_server, django_capture_on_commit_callbacks
) -> None:
    mail_server.refusals = 100
    lawyer = make_lawyer()
    question = make_question(author=alice)
    client.force_login(lawyer.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("consult:answer-create", args=[question.pk]),
            {"body": BODY, "cited_articles": ""},
        )
    assert response.status_code == 302
    assert question.answers.count() == 1
    assert alice.notifications.count() == 1


def test_with_the_database_queue_the_mail_waits_for_the_worker_and_a_later_retry(
    alice, mail_server, database_queue, answer_alices_question
) -> None:
    answer_alices_question()
    # Nothing is sent inside the request: the task waits for the worker.
    assert mail_server.attempts == 0
    assert DBTaskResult.objects.get().status == "READY"

    mail_server.refusals = 1
    run_worker()
    assert mail.outbox == []
    failed, retry = DBTaskResult.objects.order_by("enqueued_at")
    assert failed.status == "FAILED"
    assert retry.status == "READY"
    assert retry.args_kwargs["kwargs"]["attempt"] == 2
    # The retry waits a minute; a worker running now leaves it alone.
    assert timedelta(seconds=50) < retry.run_after - timezone.now() <= timedelta(minutes=1)
    run_worker()
    assert mail.outbox == []

    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_worker()
    assert [message.to for message in mail.outbox] == [[alice.email]]
    retry.refresh_from_db()
    assert retry.status == "SUCCESSFUL"


def test_a_recipient_who_unsubscribes_while_the_mail_waits_gets_none(
    alice, mail_server, database_queue, answer_alices_question
) -> None:
    answer_alices_question()
    alice.email_notifications = False
    alice.save()
    run_worker()
    assert mail_server.attempts == 0
    assert mail.outbox == []
