"""The words the code uses for "which questions": one QuerySet vocabulary for every reader."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from consult.models import Question
from tests.factories import article, make_answer, make_question, make_user

pytestmark = pytest.mark.django_db


def test_hidden_questions_are_visible_to_staff_only() -> None:
    shown, hidden = make_question(), make_question(is_hidden=True)
    staff = make_user(is_staff=True)
    for user in (AnonymousUser(), make_user()):
        assert list(Question.objects.visible_to(user)) == [shown]
    assert set(Question.objects.visible_to(staff)) == {shown, hidden}


def test_citing_counts_the_question_and_its_visible_answers_only() -> None:
    cited = article("criminal-law", 253, 1)
    by_itself = make_question(cites=[cited])
    by_answer = make_answer(cites=[cited]).question
    by_hidden_answer = make_answer(cites=[cited], is_hidden=True).question
    make_question()
    citing = set(Question.objects.citing(cited))
    assert citing == {by_itself, by_answer}
    assert by_hidden_answer not in citing


def test_djangos_latest_still_returns_one_question() -> None:
    make_question()
    newest = make_question()
    assert Question.objects.latest("created_at") == newest
    assert Question.objects.newest().first() == newest
