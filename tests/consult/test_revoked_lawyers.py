"""An answer outlives its lawyer's verification: once an admin revokes it, the answer no
longer calls them 执业律师 nor links to the profile page that is no longer public."""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from consult.models import LawyerProfile
from tests.factories import make_answer, make_lawyer
from tests.matching import must_search

pytestmark = pytest.mark.django_db


@pytest.fixture
def answer_by_revoked():
    lawyer = make_lawyer(real_name="撤销律师")
    answer = make_answer(lawyer=lawyer)
    LawyerProfile.objects.filter(pk=lawyer.pk).update(
        status=LawyerProfile.Status.REVOKED, status_changed_at=timezone.now()
    )
    return answer


def test_the_question_page_says_the_verification_was_revoked(
    client: Client, answer_by_revoked
) -> None:
    page = client.get(answer_by_revoked.question.get_absolute_url()).content.decode()
    card = page[page.index('<div class="lawyer-card">') :]
    card = card[: card.index("</div>\n</div>")]
    assert "撤销律师" in card
    assert "律师认证已撤销" in card
    assert "执业律师" not in card
    assert "已认证" not in card
    assert answer_by_revoked.lawyer.get_absolute_url() not in page
    assert client.get(answer_by_revoked.lawyer.get_absolute_url()).status_code == 404


def test_a_verified_lawyer_is_still_shown_as_one(client: Client) -> None:
    answer = make_answer(lawyer=make_lawyer(real_name="认证律师"))
    page = client.get(answer.question.get_absolute_url()).content.decode()
    assert "执业律师" in page
    assert f'href="{answer.lawyer.get_absolute_url()}"' in page


def test_the_api_gives_the_current_status_and_no_profile_link(
    client: Client, answer_by_revoked
) -> None:
    url = reverse("api:question-answer-list", args=[answer_by_revoked.question_id])
    card = client.get(url).json()[0]["lawyer"]
    assert card["status"] == "revoked"
    assert card["title"] == "律师认证已撤销"
    assert card["url"] is None
    assert card["html_url"] is None


def test_the_structured_data_names_no_job_title(client: Client, answer_by_revoked) -> None:
    page = client.get(answer_by_revoked.question.get_absolute_url()).content.decode()
    data = json.loads(
        must_search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)[1]
    )
    author = data["mainEntity"]["suggestedAnswer"][0]["author"]
    assert author == {"@type": "Person", "name": "撤销律师"}
