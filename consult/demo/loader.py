"""Load and remove the demo content of consult/demo/*.toml (format in consult/demo/README.md).

Everything loaded is marked is_demo, so `manage.py remove_demo` takes exactly it away again.
"""

from __future__ import annotations

import datetime
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from consult import counters
from consult.models import (
    Answer,
    Category,
    HelpfulMark,
    LawyerProfile,
    Question,
    RelatedLink,
)
from consult.search_index import index_questions
from consult.services.citations import sync_detected_citations
from portal import page_cache
from statutes.models import Article

DEMO_DIR = Path(__file__).resolve().parent
ASKER_COUNT = 24  # enough distinct askers for helpful marks (at most 20 per answer) and 已帮助 N 人


class DemoDataError(ValueError):
    pass


@dataclass
class DemoReport:
    categories: int = 0
    lawyers: int = 0
    askers: int = 0
    questions: int = 0
    answers: int = 0
    citations: int = 0
    related_links: int = 0
    helpful_marks: int = 0
    skipped: bool = False
    # Demo accounts that already existed and were given the --password.
    passwords_set: int = 0


def _read(name: str, table: str) -> list[dict]:
    path = DEMO_DIR / name
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))[table]
    except (OSError, tomllib.TOMLDecodeError, KeyError) as error:
        raise DemoDataError(f"{path.name}：{error}") from None


def demo_loaded() -> bool:
    return Question.objects.filter(is_demo=True).exists()


def set_demo_password(password: str) -> int:
    """Give every demo account (and no other) this password; returns how many."""
    return User.objects.filter(is_demo=True).update(password=make_password(password))


@transaction.atomic
def load_demo(*, password: str | None = None, now: datetime.datetime | None = None) -> DemoReport:
    """Load all demo content, or nothing if it is already there (safe to run twice).

    password: give every demo account this password (for trying the site locally); by default
    demo accounts cannot sign in.
    """
    if demo_loaded():
        # The content stays as it is; the password is what someone running `bin/run` first
        # and then `load_demo --password` came for.
        passwords = set_demo_password(password) if password is not None else 0
        return DemoReport(skipped=True, passwords_set=passwords)
    now = now or timezone.now()
    hashed = make_password(password)  # unusable when password is None
    report = DemoReport()

    categories = {}
    for position, item in enumerate(_read("categories.toml", "category")):
        category, _ = Category.objects.update_or_create(
            slug=item["slug"],
            defaults={
                "name": item["name"],
                "description": item.get("description", ""),
                "position": position,
                "concerns_pi_crime": item.get("concerns_pi_crime", False),
                "is_demo": True,
            },
        )
        categories[item["slug"]] = category
        report.categories += 1

    lawyers = {}
    for item in _read("lawyers.toml", "lawyer"):
        user = User.objects.create(
            username=f"demo-{item['key']}",
            password=hashed,
            is_demo=True,
            email=f"{item['key']}@demo.invalid",
        )
        profile = LawyerProfile(
            user=user,
            real_name=item["real_name"],
            license_number=item["license_number"],
            law_firm=item["law_firm"],
            region=item["region"],
            bio=item.get("bio", ""),
            status=LawyerProfile.Status.VERIFIED,
            status_changed_at=now,
            status_note="演示数据",
            is_demo=True,
        )
        profile.full_clean(exclude=["user"])
        profile.save()
        profile.practice_areas.set([categories[slug] for slug in item["practice_areas"]])
        lawyers[item["key"]] = profile
        report.lawyers += 1

    askers = [
        User(
            username=f"demo-user-{n:02d}",
            password=hashed,
            is_demo=True,
            email=f"user{n:02d}@demo.invalid",
        )
        for n in range(1, ASKER_COUNT + 1)
    ]
    askers = User.objects.bulk_create(askers)
    report.askers = len(askers)

    questions: dict[str, Question] = {}
    items = _read("questions.toml", "question")
    for index, item in enumerate(items):
        created = now - datetime.timedelta(days=item.get("days_ago", 0), minutes=index * 37)
        question = Question(
            author=askers[index % len(askers)],
            category=categories[item["category"]],
            title=item["title"],
            body=item["body"],
            is_anonymous=item.get("anonymous", False),
            is_demo=True,
        )
        question.full_clean()
        question.save()
        question.cited_articles.set(_articles(item.get("cites", []), item["key"]))
        Question.objects.filter(pk=question.pk).update(created_at=created, updated_at=created)
        question.created_at = created
        sync_detected_citations(question)
        questions[item["key"]] = question
        report.questions += 1
        report.citations += len(item.get("cites", []))
        for order, answer_item in enumerate(item.get("answer", []), start=1):
            answered = created + datetime.timedelta(hours=3 * order)
            answer = Answer(
                question=question,
                lawyer=lawyers[answer_item["lawyer"]],
                body=answer_item["body"],
                is_accepted=answer_item.get("accepted", False),
                accepted_at=answered if answer_item.get("accepted", False) else None,
                is_demo=True,
            )
            answer.full_clean()
            answer.save()
            answer.cited_articles.set(_articles(answer_item.get("cites", []), item["key"]))
            Answer.objects.filter(pk=answer.pk).update(created_at=answered, updated_at=answered)
            answer.created_at = answered
            sync_detected_citations(answer)
            marks = [
                HelpfulMark(user=user, answer=answer)
                for user in askers[: answer_item.get("helpful", 0)]
                if user != question.author
            ]
            HelpfulMark.objects.bulk_create(marks)
            report.answers += 1
            report.citations += len(answer_item.get("cites", []))
            report.helpful_marks += len(marks)

    index_questions(question.pk for question in questions.values())
    # Written row by row above without the services: count what the pages show in one go.
    counters.refresh_questions(q.pk for q in questions.values())
    counters.refresh_answers(Answer.objects.filter(is_demo=True).values_list("pk", flat=True))
    counters.refresh_lawyers(lawyer.pk for lawyer in lawyers.values())
    counters.refresh_categories(category.pk for category in categories.values())

    for item in items:
        for position, key in enumerate(item.get("related", [])):
            if key not in questions:
                raise DemoDataError(f"{item['key']}：相关问题 {key} 不存在")
            RelatedLink.objects.create(
                from_question=questions[item["key"]], to_question=questions[key], position=position
            )
            report.related_links += 1
    page_cache.bump(page_cache.LISTS)
    return report


def _articles(cites: list[dict], where: str) -> list[Article]:
    articles = []
    for cite in cites:
        number, _, suffix = str(cite["article"]).partition("-")
        article = Article.objects.filter(
            version__slug=cite["law"], number=int(number), suffix=int(suffix or 0)
        ).first()
        if article is None:
            raise DemoDataError(
                f"{where}：找不到条文 {cite['law']} {cite['article']}（请先运行 import_laws）"
            )
        articles.append(article)
    return articles


@transaction.atomic
def remove_demo() -> Counter[str]:
    """Delete everything marked as demo; returns rows deleted per model (cascades included).

    Categories that real questions use are kept.
    """
    deleted: Counter[str] = Counter()
    demo_questions = Question.objects.filter(is_demo=True)
    demo_answers = Answer.objects.filter(lawyer__is_demo=True)
    affected = counters.affected_by_deleting(
        questions=demo_questions,
        answers=demo_answers,
        marks=HelpfulMark.objects.filter(user__is_demo=True),
    )
    for rows in (
        Question.objects.filter(is_demo=True),
        # Answers written from a demo lawyer account, even on real questions, are demo content.
        Answer.objects.filter(lawyer__is_demo=True),
        LawyerProfile.objects.filter(is_demo=True),
        User.objects.filter(is_demo=True),
        Category.objects.filter(is_demo=True, questions__isnull=True),
    ):
        deleted.update(rows.delete()[1])
    affected.refresh()
    page_cache.bump(page_cache.LISTS)
    return deleted
