"""A question's title goes into the Subject of the notification e-mails; a newline in it must
neither be a header injection nor, as Django refuses such a header, a 500 for the lawyer
answering or the asker accepting (their write is committed by then)."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from consult.models import Answer, Question
from consult.services.questions import question_create
from tests.factories import make_category, make_lawyer

pytestmark = pytest.mark.django_db

ANSWER = {"body": "根据相关规定，建议您先固定证据，再向公安机关报案。", "cited_articles": ""}


@pytest.fixture
def question(alice) -> Question:
    # Forms, the API and the service now refuse a newline in a title (portal/text.py), but a
    # question asked before that may have one (its address masked as it was saved).
    question = question_create(
        author=alice,
        title="我的个人信息被卖了",
        body="有人把我的住址和电话卖给了别人。",
        category=make_category("刑事", slug="criminal"),
    )
    Question.objects.filter(pk=question.pk).update(
        title="我的个人信息被卖了\r\nBcc: v***@example.net"
    )
    question.refresh_from_db()
    return question


def test_answering_a_question_whose_title_has_a_newline_sends_a_one_line_subject(
    question: Question, django_capture_on_commit_callbacks
) -> None:
    client = Client()
    client.force_login(make_lawyer().user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("consult:answer-create", args=[question.pk]), ANSWER)
    assert response.status_code == 302
    [message] = mail.outbox
    # One line; the address in the title was masked when the question was saved.
    assert message.subject == "您的问题有了律师回答：我的个人信息被卖了 Bcc: v***@example.net"
    sent = message.message()
    assert sent["Bcc"] is None
    assert "victim@example.net" not in message.recipients()


def test_accepting_an_answer_to_such_a_question_works_and_mails_the_lawyer(
    question: Question, alice, django_capture_on_commit_callbacks
) -> None:
    lawyer = make_lawyer()
    answer = Answer.objects.create(question=question, lawyer=lawyer, body=ANSWER["body"])
    client = Client()
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("consult:answer-accept", args=[answer.pk]))
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == [lawyer.user.email]
    assert "\n" not in message.subject and "\r" not in message.subject
    assert message.message()["Bcc"] is None
