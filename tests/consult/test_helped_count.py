"""已帮助 N 人解决法律问题 is derived: distinct askers of visible questions the lawyer answered."""

from __future__ import annotations

import pytest

from consult.models import LawyerProfile
from tests.factories import make_answer, make_lawyer, make_question, make_user

pytestmark = pytest.mark.django_db


def helped(lawyer: LawyerProfile) -> int:
    """The stored count, as every page shows it."""
    lawyer.refresh_from_db(fields=["helped_count"])
    return lawyer.helped_count


def test_it_counts_distinct_askers_not_answers() -> None:
    lawyer = make_lawyer()
    alice, bob = make_user(), make_user()
    make_answer(question=make_question(author=alice), lawyer=lawyer)
    make_answer(question=make_question(author=alice), lawyer=lawyer)
    make_answer(question=make_question(author=bob), lawyer=lawyer)
    assert helped(lawyer) == 2


def test_hidden_answers_and_hidden_questions_do_not_count() -> None:
    lawyer = make_lawyer()
    make_answer(question=make_question(), lawyer=lawyer, is_hidden=True)
    make_answer(question=make_question(is_hidden=True), lawyer=lawyer)
    assert helped(lawyer) == 0


def test_other_lawyers_answers_do_not_count() -> None:
    lawyer, other = make_lawyer(), make_lawyer()
    make_answer(lawyer=other)
    assert helped(lawyer) == 0


def test_the_profile_and_the_card_show_the_same_count(client) -> None:
    lawyer = make_lawyer()
    question = make_question()
    for _ in range(2):
        make_answer(lawyer=lawyer)
    make_answer(question=question, lawyer=lawyer)
    assert helped(lawyer) == 3
    for url in (lawyer.get_absolute_url(), question.get_absolute_url()):
        assert "已帮助 3 人解决法律问题" in client.get(url).content.decode()
