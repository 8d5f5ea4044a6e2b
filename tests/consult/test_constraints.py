"""Every invariant the database itself enforces."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import timezone

from consult.models import (
    AnswerCitation,
    HelpfulMark,
    LawyerProfile,
    QuestionCitation,
    RelatedLink,
)
from statutes.models import Article, LawVersion
from tests.factories import article, make_answer, make_lawyer, make_question, make_user

pytestmark = pytest.mark.django_db


def violates(make) -> bool:
    try:
        with transaction.atomic():
            make()
    except IntegrityError:
        return True
    return False


def test_a_user_marks_an_answer_helpful_once() -> None:
    answer, user = make_answer(), make_user()
    HelpfulMark.objects.create(user=user, answer=answer)
    assert violates(lambda: HelpfulMark.objects.create(user=user, answer=answer))


def test_a_question_has_at_most_one_accepted_answer() -> None:
    question = make_question()
    make_answer(question=question, is_accepted=True)
    assert violates(lambda: make_answer(question=question, is_accepted=True))
    make_answer(question=question)  # a second, not accepted answer is fine


def test_an_accepted_answer_records_when() -> None:
    assert violates(lambda: make_answer(is_accepted=True, accepted_at=None))


def test_a_lawyer_answers_a_question_once() -> None:
    question, lawyer = make_question(), make_lawyer()
    make_answer(question=question, lawyer=lawyer)
    assert violates(lambda: make_answer(question=question, lawyer=lawyer))


def test_a_licence_number_belongs_to_one_verified_lawyer() -> None:
    make_lawyer(license_number="11101201800000001")
    assert violates(lambda: make_lawyer(license_number="11101201800000001"))
    # Applications with the same number wait for the admin (see consult/forms.py).
    make_lawyer(license_number="11101201800000001", status=LawyerProfile.Status.PENDING)
    make_lawyer(license_number="11101201800000001", status=LawyerProfile.Status.REVOKED)


def test_a_lawyer_decision_records_when() -> None:
    assert violates(
        lambda: make_lawyer(status=LawyerProfile.Status.VERIFIED, status_changed_at=None)
    )
    make_lawyer(status=LawyerProfile.Status.PENDING, status_changed_at=None)


def test_a_lawyer_status_must_be_known() -> None:
    assert violates(lambda: make_lawyer(status="approved", status_changed_at=timezone.now()))


def test_a_question_does_not_link_to_itself_or_twice() -> None:
    a, b = make_question(), make_question()
    assert violates(lambda: RelatedLink.objects.create(from_question=a, to_question=a))
    RelatedLink.objects.create(from_question=a, to_question=b)
    assert violates(lambda: RelatedLink.objects.create(from_question=a, to_question=b))


def test_an_article_number_is_unique_within_a_law_version() -> None:
    existing = article("criminal-law", 253, 1)
    assert violates(
        lambda: Article.objects.create(
            version=existing.version, number=253, suffix=1, label="第二百五十三条之一", text="重复"
        )
    )


def test_the_same_number_may_exist_in_another_version() -> None:
    old = LawVersion.objects.get(slug="cybersecurity-law-2016")
    assert old.articles.filter(number=1).exists()
    assert article("cybersecurity-law", 1).version != old


def test_a_law_has_one_version_in_force() -> None:
    old = LawVersion.objects.get(slug="cybersecurity-law-2016")
    old.status = LawVersion.Status.VALID
    assert violates(old.save)


def test_an_article_has_text() -> None:
    existing = article("criminal-law", 1)
    assert violates(
        lambda: Article.objects.create(version=existing.version, number=9000, label="x", text="")
    )


def test_a_question_citation_is_unique() -> None:
    question = make_question()
    cited = article("criminal-law", 253, 1)
    question.cited_articles.add(cited)
    assert violates(lambda: QuestionCitation.objects.create(question=question, article=cited))


def test_an_answer_citation_is_unique() -> None:
    answer = make_answer()
    cited = article("criminal-law", 253, 1)
    answer.cited_articles.add(cited)
    assert violates(lambda: AnswerCitation.objects.create(answer=answer, article=cited))


def test_a_cited_article_cannot_be_deleted() -> None:
    cited = article("criminal-law", 253, 1)
    make_answer(cites=[cited])
    with pytest.raises(ProtectedError):
        cited.delete()
