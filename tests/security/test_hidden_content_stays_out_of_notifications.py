"""Once a moderator hides a question or an answer, the notifications about it stop showing its
title or its lawyer: hidden content is for staff only, on every page."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from consult.models import Notification
from consult.services.answers import answer_accept, answer_create
from consult.services.moderation import set_hidden
from tests.factories import make_question

pytestmark = pytest.mark.django_db

BODY = "根据相关规定，建议您先固定证据，再向公安机关报案。"


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_lawyer_no_longer_sees_the_title_of_a_hidden_question(alice, vera, admin_user) -> None:
    question = make_question(author=alice, title="被隐藏的问题标题？")
    lawyer = vera
    answer = answer_create(question=question, by=lawyer.user, body=BODY)
    answer_accept(answer=answer, by=alice)
    set_hidden([question], hidden=True, by=admin_user, reason="含有他人个人信息")
    note = Notification.objects.get(recipient=lawyer.user)

    client = signed_in(lawyer.user)
    page = client.get(reverse("consult:notification-list")).content.decode()
    assert "被隐藏的问题标题" not in page
    assert 'class="badge"' not in client.get(reverse("consult:home")).content.decode()
    assert client.get(reverse("consult:notification-open", args=[note.pk])).status_code == 404


def test_an_asker_no_longer_sees_who_wrote_a_hidden_answer(alice, vera, admin_user) -> None:
    question = make_question(author=alice, title="公开的问题？")
    lawyer = vera
    answer = answer_create(question=question, by=lawyer.user, body=BODY)
    set_hidden([answer], hidden=True, by=admin_user, reason="广告")
    note = Notification.objects.get(recipient=alice)

    client = signed_in(alice)
    page = client.get(reverse("consult:notification-list")).content.decode()
    assert "韦律师" not in page
    assert client.get(reverse("consult:notification-open", args=[note.pk])).status_code == 404


def test_notifications_about_visible_content_are_still_shown(alice, vera) -> None:
    question = make_question(author=alice, title="公开的问题？")
    answer_create(question=question, by=vera.user, body=BODY)
    page = signed_in(alice).get(reverse("consult:notification-list")).content.decode()
    assert "韦律师律师回答了您的问题“公开的问题？”" in page
