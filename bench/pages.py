"""Seed a database at scale and time the busiest pages; prints numbers, asserts nothing.

Usage:  .venv/bin/python bench/pages.py [--questions 20000] [--requests 50]
Uses its own SQLite file under bench/out/ (or DATABASE_URL if set), so the dev database is safe.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--questions", type=int, default=20000)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument(
        "--no-page-cache",
        action="store_true",
        help="render every request (the anonymous page cache off): what a cache miss costs",
    )
    args = parser.parse_args()

    OUT.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{OUT / 'bench.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    # The development settings, as before DEBUG defaulted to false.
    os.environ.setdefault("DEBUG", "true")
    # The bench measures the pages, not the rate limits.
    os.environ["RATELIMIT_ENABLE"] = "false"
    for scope in ("ANON", "USER"):
        os.environ[f"THROTTLE_{scope}"] = "1000000/min"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.ALLOWED_HOSTS = ["*"]
    settings.PAGE_CACHE_ENABLED = not args.no_page_cache
    call_command("migrate", verbosity=0)
    call_command("import_laws", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    seed(args.questions)
    if connection.vendor == "postgresql":
        # Fresh bulk inserts leave the planner without statistics; autovacuum would gather
        # them on a live site, so gather them here before measuring.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    from consult.models import Category, LawyerProfile, Question

    question = Question.objects.filter(answers__isnull=False).order_by("-pk").first()
    category = Category.objects.first()
    lawyer = LawyerProfile.objects.first()
    if question is None or category is None or lawyer is None:
        raise SystemExit("No answered question, category or lawyer: seed the database first.")
    pages = {
        "home": "/",
        "category": category.get_absolute_url(),
        "category page 50": category.get_absolute_url() + "?page=50",
        "question": question.get_absolute_url(),
        "lawyer": lawyer.get_absolute_url(),
        "search": "/search/?q=%E5%90%88%E5%90%8C",
        "article": "/statutes/criminal-law/253-1/",
        "law (505 articles)": "/statutes/criminal-law/",
        "api questions": "/api/v1/questions/?page_size=50",
        "api most helpful": "/api/v1/questions/?ordering=helpful&page_size=50",
        "api question": f"/api/v1/questions/{question.pk}/",
        "api articles": "/api/v1/articles/?page_size=100",
    }
    client = Client()
    cache = "off" if args.no_page_cache else "on"
    print(f"questions={Question.objects.count()} database={connection.vendor} page cache={cache}")
    print(f"{'page':<22}{'median ms':>10}{'p95 ms':>10}{'queries':>9}")
    for name, url in pages.items():
        client.get(url)  # warm caches
        timings = []
        for _ in range(args.requests):
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        timings.sort()
        p95 = timings[int(len(timings) * 0.95) - 1]
        print(f"{name:<22}{statistics.median(timings):>10.1f}{p95:>10.1f}{len(queries):>9}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MiB")


def seed(count: int) -> None:
    """Bulk-create demo-like questions with answers, citations and marks up to `count`."""
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from accounts.models import User
    from consult.counters import recount_all
    from consult.models import (
        Answer,
        AnswerCitation,
        Category,
        HelpfulMark,
        LawyerProfile,
        Question,
    )
    from consult.search_index import index_questions
    from statutes.models import Article

    existing = Question.objects.count()
    if existing >= count:
        return
    unusable = make_password(None)
    with transaction.atomic():
        categories = [
            Category.objects.get_or_create(slug=f"bench-{n}", defaults={"name": f"压测分类{n}"})[0]
            for n in range(10)
        ]
        users = User.objects.bulk_create(
            [User(username=f"bench-{existing}-{n}", password=unusable) for n in range(200)]
        )
        lawyers = []
        for n in range(20):
            user = User.objects.create(username=f"bench-lawyer-{existing}-{n}", password=unusable)
            lawyers.append(
                LawyerProfile.objects.create(
                    user=user,
                    real_name=f"压测律师{n}",
                    license_number=f"{9 * 10**16 + existing * 100 + n}",
                    law_firm="压测律师事务所",
                    region="北京市",
                    status="verified",
                    status_changed_at="2026-01-01T00:00:00Z",
                )
            )
        articles = list(
            Article.objects.current().filter(version__law__slug="labor-contract-law")[:40]
        )
        words = [
            "劳动合同",
            "加班费",
            "工伤",
            "离婚",
            "彩礼",
            "交通事故",
            "宅基地",
            "商标",
            "合同违约",
            "个人信息",
        ]
        questions = Question.objects.bulk_create(
            [
                Question(
                    author=users[n % len(users)],
                    category=categories[n % 10],
                    title=f"{words[n % 10]}问题第{n}号该怎么处理？",
                    body=f"关于{words[n % 10]}的详细描述，编号 {n}。" * 5,
                )
                for n in range(existing, count)
            ]
        )
        answers = Answer.objects.bulk_create(
            [
                Answer(question=q, lawyer=lawyers[i % len(lawyers)], body="律师的回答内容。" * 20)
                for i, q in enumerate(questions)
                if i % 4
            ]
        )
        AnswerCitation.objects.bulk_create(
            [
                AnswerCitation(answer=a, article=articles[i % len(articles)])
                for i, a in enumerate(answers)
            ]
        )
        HelpfulMark.objects.bulk_create(
            [
                HelpfulMark(user=users[i % len(users)], answer=a)
                for i, a in enumerate(answers)
                if i % 3 == 0
            ]
        )
        # bulk_create skips the services, which keep the search documents and the stored
        # counters: write them here.
        index_questions(question.pk for question in questions)
        recount_all()


if __name__ == "__main__":
    main()
