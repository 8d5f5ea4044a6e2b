"""Plain make_* helpers: each builds one valid object with sensible defaults."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Any

from django.utils import timezone

from accounts.models import User
from consult import counters
from consult.models import Answer, Category, HelpfulMark, LawyerProfile, Question
from consult.search_index import index_question
from consult.services.citations import sync_detected_citations
from portal import page_cache
from statutes.models import Article

_seq = itertools.count(1)


def make_user(username: str | None = None, **fields: Any) -> User:
    username = username or f"user{next(_seq)}"
    fields.setdefault("email", f"{username}@example.com")
    user = User(username=username, **fields)
    user.set_password("correct horse battery staple")
    user.save()
    return user


def make_category(name: str | None = None, **fields: Any) -> Category:
    n = next(_seq)
    fields.setdefault("slug", f"category-{n}")
    category = Category.objects.create(name=name or f"分类{n}", **fields)
    page_cache.bump(page_cache.LISTS)
    return category


def make_lawyer(
    user: User | None = None,
    status: str = LawyerProfile.Status.VERIFIED,
    practice_areas: Iterable[Category] = (),
    **fields: Any,
) -> LawyerProfile:
    n = next(_seq)
    fields.setdefault("real_name", f"律师{n}")
    fields.setdefault("license_number", f"{11101201800000000 + n:017d}")
    fields.setdefault("law_firm", "测试律师事务所")
    fields.setdefault("region", "北京市海淀区")
    if status != LawyerProfile.Status.PENDING:
        fields.setdefault("status_changed_at", timezone.now())
    profile = LawyerProfile.objects.create(user=user or make_user(), status=status, **fields)
    profile.practice_areas.set(practice_areas)
    page_cache.bump(page_cache.LISTS)
    return profile


def make_question(
    author: User | None = None,
    category: Category | None = None,
    cites: Iterable[Article] = (),
    **fields: Any,
) -> Question:
    fields.setdefault("title", f"测试问题{next(_seq)}？")
    fields.setdefault("body", "这是一个用于测试的问题描述，写得足够长以通过校验。")
    question = Question.objects.create(
        author=author or make_user(), category=category or make_category(), **fields
    )
    question.cited_articles.set(cites)
    # As the services do for every question they write (citations in the body count too):
    sync_detected_citations(question)
    counters.question_changed(question)
    index_question(question.pk)
    return question


def make_answer(
    question: Question | None = None,
    lawyer: LawyerProfile | None = None,
    cites: Iterable[Article] = (),
    **fields: Any,
) -> Answer:
    fields.setdefault("body", "根据相关法律规定，建议您先收集证据，再与对方协商。")
    if fields.get("is_accepted"):
        fields.setdefault("accepted_at", timezone.now())
    answer = Answer.objects.create(
        question=question or make_question(), lawyer=lawyer or make_lawyer(), **fields
    )
    answer.cited_articles.set(cites)
    sync_detected_citations(answer)
    counters.answer_changed(answer)
    index_question(answer.question_id)
    return answer


def make_helpful_mark(answer: Answer, user: User | None = None) -> HelpfulMark:
    mark = HelpfulMark.objects.create(user=user or make_user(), answer=answer)
    counters.helpful_mark_added(answer)
    page_cache.bump(page_cache.question_scope(answer.question_id), page_cache.BROWSE)
    return mark


def article(law: str, number: int, suffix: int = 0) -> Article:
    """An imported article of the version in force, e.g. article("criminal-law", 253, 1)."""
    return Article.objects.current().get(version__law__slug=law, number=number, suffix=suffix)
