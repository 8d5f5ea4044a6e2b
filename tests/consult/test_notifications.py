"""Notifications on the site and by e-mail (the unsubscribe link: tests/accounts/)."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from consult.models import Notification
from consult.services.notifications import unsubscribe_token
from tests.factories import make_answer, make_lawyer, make_question

pytestmark = pytest.mark.django_db

BODY = "根据相关规定，建议您先与对方协商，协商不成再通过诉讼解决。"


def post_answer(client: Client, question, lawyer) -> None:
    client.force_login(lawyer.user)
    client.post(
        reverse("consult:answer-create", args=[question.pk]), {"body": BODY, "cited_articles": ""}
    )


def test_an_answer_notifies_the_asker_on_the_site_and_by_email(
    client: Client, alice, vera, django_capture_on_commit_callbacks
) -> None:
    question = make_question(author=alice, title="工伤怎么认定？")
    lawyer = vera
    with django_capture_on_commit_callbacks(execute=True):
        post_answer(client, question, lawyer)
    note = Notification.objects.get(recipient=alice)
    assert note.kind == Notification.Kind.ANSWER_POSTED
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [alice.email]
    assert "工伤怎么认定" in message.subject
    assert "/accounts/unsubscribe/" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    client.force_login(alice)
    home = client.get(reverse("consult:home")).content.decode()
    assert '<span class="badge">1<span class="visually-hidden">条未读</span></span>' in home
    page = client.get(reverse("consult:notification-list")).content.decode()
    assert "韦律师律师回答了您的问题“工伤怎么认定？”" in page


def test_opening_a_notification_marks_it_read_and_goes_to_the_answer(client: Client, alice) -> None:
    answer = make_answer(question=make_question(author=alice))
    note = Notification.objects.create(
        recipient=alice, kind="answer_posted", question=answer.question, answer=answer
    )
    client.force_login(alice)
    response = client.get(reverse("consult:notification-open", args=[note.pk]))
    assert response["Location"] == answer.get_absolute_url()
    note.refresh_from_db()
    assert note.read_at is not None


def test_mark_all_read(client: Client, alice) -> None:
    answer = make_answer(question=make_question(author=alice))
    Notification.objects.create(
        recipient=alice, kind="answer_posted", question=answer.question, answer=answer
    )
    client.force_login(alice)
    client.post(reverse("consult:notification-list"))
    assert not Notification.objects.filter(recipient=alice).unread().exists()


def test_nobody_opens_another_users_notification(client: Client, alice, bob) -> None:
    answer = make_answer(question=make_question(author=alice))
    note = Notification.objects.create(
        recipient=alice, kind="answer_posted", question=answer.question, answer=answer
    )
    client.force_login(bob)
    assert client.get(reverse("consult:notification-open", args=[note.pk])).status_code == 404


def test_accepting_notifies_the_lawyer(
    client: Client, alice, django_capture_on_commit_callbacks
) -> None:
    lawyer = make_lawyer()
    answer = make_answer(question=make_question(author=alice), lawyer=lawyer)
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("consult:answer-accept", args=[answer.pk]))
    assert Notification.objects.get(recipient=lawyer.user).kind == Notification.Kind.ANSWER_ACCEPTED
    assert mail.outbox[0].to == [lawyer.user.email]


def test_unsubscribing_stops_emails_but_not_site_notifications(
    client: Client, alice, django_capture_on_commit_callbacks
) -> None:
    client.post(reverse("accounts:unsubscribe", args=[unsubscribe_token(alice)]))
    alice.refresh_from_db()
    assert not alice.email_notifications
    with django_capture_on_commit_callbacks(execute=True):
        post_answer(client, make_question(author=alice), make_lawyer())
    assert mail.outbox == []
    assert Notification.objects.filter(recipient=alice).exists()


def test_a_failed_answer_sends_nothing(
    client: Client, alice, django_capture_on_commit_callbacks
) -> None:
    question = make_question(author=alice)
    lawyer = make_lawyer()
    client.force_login(lawyer.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("consult:answer-create", args=[question.pk]),
            {"body": "短", "cited_articles": ""},
        )
    assert mail.outbox == []
    assert not Notification.objects.exists()
