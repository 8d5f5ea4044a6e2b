"""Query counts, server time and a pyinstrument profile of the pages load.py finds slow.

Usage:  .venv/bin/python bench/load_profile.py [--requests 5] [--profile question] [PATH ...]

In-process (Django's test client, DEBUG off, the page cache off so every request renders)
against DATABASE_URL, by default the 1,000,000-question `bench_search`, READ-ONLY (GET only).
Prints, per page, the queries one request makes and the median server time; with --profile
NAME, the pyinstrument call tree of that page (bench/out/profile-NAME.html and a text summary).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=5)
    parser.add_argument("--profile", default="", help="the name of one page to profile")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench_search")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    os.environ.update(
        DEBUG="false", SECRET_KEY="bench-" + "x" * 50, ALLOWED_HOSTS="testserver",
        SECURE_SSL_REDIRECT="false", THROTTLE_ANON="10000000/min",
    )  # fmt: skip
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from consult.models import Question

    settings.PAGE_CACHE_ENABLED = False
    visible = Question.objects.visible()
    top = visible.order_by("-pk").values_list("pk", flat=True).first()
    if top is None:
        raise SystemExit("No visible question: seed the database first.")
    # Questions spread over the table, as the load run's random ids are.
    ids = list(
        visible.filter(pk__in=range(top // 7, top, top // 7)).values_list("pk", flat=True)
    ) or [top]
    pages = {
        "home": lambda _: "/",
        "question": lambda index: f"/questions/{ids[index % len(ids)]}/",
        "article": lambda _: "/statutes/criminal-law/253-1/",
        "search": lambda _: "/search/?q=%E6%8B%96%E6%AC%A0+%E5%B7%A5%E8%B5%84",
        "api questions": lambda _: "/api/v1/questions/",
    }
    client = Client()
    client.get("/")  # imports, the search tables
    print(f"{'page':16} {'queries':>7} {'median ms':>9}   ({args.requests} requests, cache off)")
    for name, path_for in pages.items():
        timings, queries = [], 0
        for index in range(args.requests):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(path_for(index))
                timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (name, response.status_code)
            queries = len(captured)
        print(f"{name:16} {queries:7d} {statistics.median(timings):9.1f}")
        if name == args.profile:
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.001)
            with profiler:
                for index in range(args.requests):
                    client.get(path_for(index + 1))
            (OUT / f"profile-{name}.html").write_text(profiler.output_html())
            print(profiler.output_text(unicode=True, color=False, show_all=False))


if __name__ == "__main__":
    main()
