"""Stored counters agree with a recount after any sequence of writes, hides and deletions."""

from __future__ import annotations

import contextlib
import random
from collections.abc import Sequence
from io import StringIO

import pytest
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.test import RequestFactory

from accounts.models import User
from consult import counters
from consult.models import Answer, Category, LawyerProfile, Question
from consult.services import answers as answer_services
from consult.services import lawyers as lawyer_services
from consult.services import questions as question_services
from consult.services.lawyers import TransitionError
from consult.services.moderation import review, set_hidden
from tests.factories import make_category, make_lawyer, make_user

pytestmark = pytest.mark.django_db


def assert_counters_match_a_recount() -> None:
    assert counters.differences() == []


def _admin_request(staff: User):
    request = RequestFactory().post("/admin/")
    request.user = staff
    return request


class RandomSite:
    """Writes through the services (and the admin's deletes), chosen by a seeded generator."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.staff = make_user(is_staff=True, is_superuser=True)
        self.categories = [make_category() for _ in range(3)]
        self.askers = [make_user() for _ in range(4)]
        self.lawyers = [make_lawyer() for _ in range(4)]
        self.markers = [*self.askers, *(lawyer.user for lawyer in self.lawyers)]

    def questions(self) -> list[Question]:
        return list(Question.objects.order_by("pk"))

    def answers(self) -> list[Answer]:
        return list(Answer.objects.select_related("question", "lawyer").order_by("pk"))

    def step(self) -> None:
        rng = self.rng
        action = rng.choice(
            [self.ask] * 3
            + [self.answer] * 4
            + [self.mark] * 4
            + [self.hide, self.unhide, self.accept, self.move, self.revoke, self.delete]
            + [self.delete_own, self.review] * 2
        )
        # A refused write changes nothing, which the recount checks as well.
        with contextlib.suppress(PermissionDenied, ValidationError, TransitionError, IndexError):
            action()

    def ask(self) -> None:
        question_services.question_create(
            author=self.rng.choice(self.askers),
            title="随机生成的问题？",
            body="随机生成的问题描述，足够长以通过校验。",
            category=self.rng.choice(self.categories),
        )

    def answer(self) -> None:
        lawyer = self.rng.choice(list(LawyerProfile.objects.verified().select_related("user")))
        open_questions = Question.objects.visible().exclude(answers__lawyer=lawyer)
        answer_services.answer_create(
            question=self.rng.choice(list(open_questions.order_by("pk"))),
            by=lawyer.user,
            body="随机生成的回答内容，足够长以通过回答的校验。",
        )

    def mark(self) -> None:
        answer = self.rng.choice(self.answers())
        user = User.objects.get(pk=self.rng.choice(self.markers).pk)
        answer_services.helpful_mark(answer=answer, by=user)

    def _item(self) -> Question | Answer:
        pools: list[Sequence[Question | Answer]] = [self.questions(), self.answers()]
        return self.rng.choice(self.rng.choice(pools))

    def hide(self) -> None:
        set_hidden([self._item()], hidden=True, by=self.staff, reason="测试")

    def unhide(self) -> None:
        set_hidden([self._item()], hidden=False, by=self.staff)

    def accept(self) -> None:
        answer = self.rng.choice(self.answers())
        answer_services.answer_accept(answer=answer, by=answer.question.author)

    def move(self) -> None:
        question = self.rng.choice(self.questions())
        question_services.question_update(
            question=question,
            by=question.author,
            title=question.title,
            body=question.body,
            category=self.rng.choice(self.categories),
            is_anonymous=question.is_anonymous,
        )

    def revoke(self) -> None:
        lawyer = self.rng.choice(self.lawyers)
        status = LawyerProfile.objects.get(pk=lawyer.pk).status
        target = "verified" if status == "revoked" else "revoked"
        lawyer_services.lawyer_set_status(profile=lawyer, status=target, by=self.staff)

    def delete_own(self) -> None:
        """The asker deletes a question (soft: the row stays, the counters drop it)."""
        question = self.rng.choice(self.questions())
        question_services.question_delete(question=question, by=question.author, reason="测试")

    def review(self) -> None:
        """Staff decide on a held question (the askers are new accounts that repeat their
        text: many of their questions are held)."""
        held = list(Question.objects.held().order_by("pk"))
        review([self.rng.choice(held)], approve=self.rng.random() < 0.7, by=self.staff)

    def delete(self) -> None:
        request = _admin_request(self.staff)
        if self.rng.random() < 0.5:
            answers = self.answers()
            if answers:
                admin.site._registry[Answer].delete_model(request, self.rng.choice(answers))
        else:
            questions = Question.objects.filter(pk=self.rng.choice(self.questions()).pk)
            admin.site._registry[Question].delete_queryset(request, questions)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_counter_matches_a_recount_after_random_writes(seed: int) -> None:
    site = RandomSite(seed)
    for _ in range(200):
        site.step()
        # After every step: a later write could otherwise recount a drifted row by chance.
        assert_counters_match_a_recount()
    # The sequence did reach the interesting states.
    assert Answer.objects.filter(helpful_count__gt=0).exists()
    assert Question.objects.filter(deleted_at__isnull=False, answer_count__gt=0).exists()
    assert Question.objects.filter(review_status="published").exclude(review_note="").exists()
    assert Question.objects.filter(is_hidden=True).exists() or Answer.objects.filter(is_hidden=True)


def test_deleting_a_user_recounts_what_their_questions_and_marks_moved() -> None:
    site = RandomSite(7)
    for _ in range(60):
        site.step()
    request = _admin_request(site.staff)
    admin.site._registry[User].delete_model(request, User.objects.get(pk=site.askers[0].pk))
    assert_counters_match_a_recount()


def test_recount_dry_run_lists_a_drifted_counter_and_writes_nothing() -> None:
    category = make_category()
    Category.objects.filter(pk=category.pk).update(question_count=7)
    out = StringIO()
    call_command("recount", "--dry-run", stdout=out)
    assert f"Category.question_count #{category.pk}：存储 7，实际 0" in out.getvalue()
    assert Category.objects.get(pk=category.pk).question_count == 7


def test_recount_fixes_drift_and_a_second_run_finds_nothing() -> None:
    category = make_category()
    Category.objects.filter(pk=category.pk).update(question_count=7)
    call_command("recount", stdout=StringIO())
    assert Category.objects.get(pk=category.pk).question_count == 0
    out = StringIO()
    call_command("recount", stdout=out)
    assert "修正 0 处计数" in out.getvalue()
