"""Sitemap sections of the Q&A side: questions, lawyers, categories. Only what a visitor may
see is listed: visible questions, verified lawyers (never pending, rejected or revoked ones)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.db.models import DateTimeField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce, Greatest

from consult.models import Answer, Category, LawyerProfile, Question
from seo.sitemaps import IdRangeSitemap, LastChange, SiteSitemap, integer_url

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


def _newest(queryset: QuerySet, field: str) -> Subquery:
    return Subquery(queryset.order_by(f"-{field}").values(field)[:1], output_field=DateTimeField())


class QuestionSitemap(IdRangeSitemap):
    """A million questions make 20 chunks. A row is a tuple of the id and the lastmod, the later
    of the question's own change and its answers' (a new, edited, accepted or hidden answer
    changes the page): no model instances, and answers are never loaded."""

    def __init__(self) -> None:
        self.question_path = integer_url("consult:question-detail")

    def items(self) -> QuerySet[Question, tuple[int, datetime]]:
        answers_changed = _newest(Answer.objects.filter(question=OuterRef("pk")), "updated_at")
        return (
            Question.objects.visible()
            # Greatest() is NULL on SQLite when an argument is: a question without answers
            # falls back to its own time.
            .annotate(last_change=Greatest("updated_at", Coalesce(answers_changed, "updated_at")))
            .values_list("pk", "last_change")
        )

    def location(self, row: tuple[int, datetime]) -> str:
        return self.question_path(row[0])

    def lastmod(self, row: tuple[int, datetime]) -> datetime:
        return row[1]


class LawyerSitemap(SiteSitemap):
    """Verified lawyers; a profile changes with the lawyer's verification and each new answer."""

    def items(self) -> QuerySet[WithAnnotations[LawyerProfile, LastChange]]:
        # The newest answer is the one with the highest id (ids and created_at grow together):
        # the primary key index finds it after a few rows, where ordering by created_at read
        # every answer of every lawyer (57 s at a million questions, bench/sitemaps.py).
        newest_answer = Subquery(
            Answer.objects.visible()
            .filter(lawyer=OuterRef("pk"))
            .order_by("-pk")
            .values("created_at")[:1],
            output_field=DateTimeField(),
        )
        return (
            LawyerProfile.objects.verified()
            .only("pk", "status_changed_at")
            .annotate(
                last_change=Greatest(
                    "status_changed_at", Coalesce(newest_answer, "status_changed_at")
                )
            )
            .order_by("pk")
        )

    def lastmod(self, lawyer: WithAnnotations[LawyerProfile, LastChange]) -> datetime | None:
        return lawyer.last_change


class CategorySitemap(SiteSitemap):
    def items(self) -> QuerySet[WithAnnotations[Category, LastChange]]:
        # The newest visible question of each category, read from the (category, -created_at) index.
        newest_question = _newest(
            Question.objects.visible().filter(category=OuterRef("pk")), "created_at"
        )
        return Category.objects.only("slug").annotate(last_change=newest_question).order_by("pk")

    def lastmod(self, category: WithAnnotations[Category, LastChange]) -> datetime | None:
        return category.last_change
