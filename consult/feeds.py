"""Atom feeds: the newest questions (overall and per category) and a lawyer's answers.

A feed names no asker at all, not even 匿名用户: a question's entry carries its title, category
and an excerpt of its text. Hidden questions and answers, and lawyers who are not (or no
longer) verified, never appear.
"""

from __future__ import annotations

from datetime import datetime

from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import escape

from consult.models import Answer, Category, LawyerProfile, Question, public_questions
from seo.absolute import absolute_url
from seo.feeds import FEED_LENGTH, SiteFeed
from seo.text import summary

EXCERPT_CHARS = 200


def _excerpt(text: str) -> str:
    # The Atom summary is type="html": the text is escaped once as HTML, then as XML.
    return escape(summary(text, EXCERPT_CHARS))


def _questions() -> QuerySet[Question]:
    return (
        Question.objects.visible()
        .latest()
        .select_related("category")
        .only("pk", "title", "body", "created_at", "updated_at", "category", "category__name")
    )


class LatestQuestionsFeed(SiteFeed):
    title = "法律咨询网 · 最新问题"
    subtitle = "网友最新提出的法律问题，执业律师在线解答。"

    def link(self) -> str:
        return absolute_url(reverse("consult:home"))

    def feed_url(self) -> str:
        return absolute_url(reverse("consult:feed-questions"))

    def items(self) -> list[Question]:
        return list(_questions()[:FEED_LENGTH])

    def item_description(self, question: Question) -> str:
        return _excerpt(question.body)

    def item_pubdate(self, question: Question) -> datetime:
        return question.created_at

    def item_updateddate(self, question: Question) -> datetime:
        return question.updated_at

    def item_categories(self, question: Question) -> list[str]:
        return [question.category.name]


class CategoryQuestionsFeed(LatestQuestionsFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Category:
        return get_object_or_404(Category, slug=slug)

    def title(self, category: Category) -> str:  # type: ignore[override]
        return f"法律咨询网 · {category.name}最新问题"

    def subtitle(self, category: Category) -> str:  # type: ignore[override]
        return category.description or f"{category.name}方面的最新法律问题。"

    def link(self, category: Category) -> str:  # type: ignore[override]
        return absolute_url(category.get_absolute_url())

    def feed_url(self, category: Category) -> str:  # type: ignore[override]
        return absolute_url(reverse("consult:feed-category", kwargs={"slug": category.slug}))

    def items(self, category: Category) -> list[Question]:  # type: ignore[override]
        return list(_questions().filter(category=category)[:FEED_LENGTH])


class LawyerAnswersFeed(SiteFeed):
    def get_object(self, request: HttpRequest, pk: int) -> LawyerProfile:
        return get_object_or_404(LawyerProfile.objects.verified(), pk=pk)

    def title(self, lawyer: LawyerProfile) -> str:
        return f"{lawyer.real_name}律师的回答 · 法律咨询网"

    def subtitle(self, lawyer: LawyerProfile) -> str:
        return f"{lawyer.real_name}，{lawyer.law_firm}，{lawyer.region}"

    def link(self, lawyer: LawyerProfile) -> str:
        return absolute_url(lawyer.get_absolute_url())

    # The lawyer is public (their profile page): the feed's author, whom every entry inherits.
    def author_name(self, lawyer: LawyerProfile) -> str:  # type: ignore[override]
        return lawyer.real_name

    def author_link(self, lawyer: LawyerProfile) -> str:
        return absolute_url(lawyer.get_absolute_url())

    def feed_url(self, lawyer: LawyerProfile) -> str:
        return absolute_url(reverse("consult:feed-lawyer", kwargs={"pk": lawyer.pk}))

    def items(self, lawyer: LawyerProfile) -> list[Answer]:
        return list(
            lawyer.answers.visible()
            .filter(public_questions("question__"))
            .select_related("question")
            .only("body", "created_at", "updated_at", "lawyer", "question", "question__title")
            .order_by("-created_at", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, answer: Answer) -> str:
        return f"回答：{answer.question.title}"

    def item_description(self, answer: Answer) -> str:
        return _excerpt(answer.body)

    def item_pubdate(self, answer: Answer) -> datetime:
        return answer.created_at

    def item_updateddate(self, answer: Answer) -> datetime:
        return answer.updated_at
