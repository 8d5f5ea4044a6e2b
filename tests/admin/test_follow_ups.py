"""Staff delete a 追问 from the admin; its question page shows the thread without it at once."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from consult.models import FollowUp
from tests.factories import make_answer

pytestmark = pytest.mark.django_db


def test_deleting_a_follow_up_takes_it_off_the_cached_question_page(
    admin_client: Client, client: Client
) -> None:
    answer = make_answer()
    follow_up = FollowUp.objects.create(
        answer=answer, author=answer.question.author, body="不该公开的追问"
    )
    url = answer.question.get_absolute_url()
    assert "不该公开的追问" in client.get(url).content.decode()
    admin_client.post(
        reverse("admin:consult_followup_changelist"),
        {"action": "delete_selected", "_selected_action": [follow_up.pk], "post": "yes"},
    )
    assert not FollowUp.objects.exists()
    assert "不该公开的追问" not in client.get(url).content.decode()


def test_staff_cannot_write_follow_ups_in_the_admin(admin_client: Client) -> None:
    assert admin_client.get(reverse("admin:consult_followup_add")).status_code == 403
    assert admin_client.get(reverse("admin:consult_followup_changelist")).status_code == 200
