"""Time the sitemap index, sitemap chunks of questions and the Atom feeds on a big database,
through Django's test client, and print wall time, SQL queries, size and peak memory.

Usage:  DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_search \\
            .venv/bin/python bench/sitemaps.py [--repeat 3]

Read-only: every transaction of the connection is READ ONLY, so the script can be pointed at a
database another script seeded (bench/search_scale.py's million questions) without risk.
Each request runs --repeat times for the timings (median and best), then once more under
tracemalloc for the peak of Python memory it allocated; the process's peak RSS is printed last.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup() -> None:
    os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench_search")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    os.environ["DEBUG"] = "true"  # the test client's Host (testserver) is allowed, plain HTTP
    import django

    django.setup()
    from django.db.backends.signals import connection_created

    def read_only(sender, connection, **kwargs) -> None:
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET default_transaction_read_only = on")

    connection_created.connect(read_only)


class QueryCounter:
    def __init__(self, queries: list[str]) -> None:
        self.queries = queries

    def __call__(self, execute, sql, params, many, context):
        self.queries.append(sql)
        return execute(sql, params, many, context)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    setup()

    from django.db import connection
    from django.db.models import Count, Max
    from django.test import Client
    from django.urls import reverse

    from consult.models import Answer, Category, Question
    from consult.sitemaps import QuestionSitemap

    questions = Question.objects.count()
    highest = Question.objects.aggregate(top=Max("pk"))["top"] or 0
    chunks = QuestionSitemap().paginator.num_pages
    busiest_lawyer = (
        Answer.objects.values("lawyer_id").annotate(n=Count("pk")).order_by("-n").first()
    )
    category = Category.objects.order_by("pk").first()
    print(
        f"{connection.vendor} {connection.settings_dict['NAME']}: {questions:,} questions "
        f"(highest id {highest:,}), {chunks} question chunks of ≤{QuestionSitemap.limit:,} URLs"
    )
    section = reverse("seo:sitemap-section", kwargs={"section": "questions"})
    requests = {
        "sitemap index": reverse("seo:sitemap-index"),
        "questions chunk 1": section,
        f"questions chunk {max(1, chunks // 2)}": f"{section}?p={max(1, chunks // 2)}",
        f"questions chunk {chunks} (newest)": f"{section}?p={chunks}",
        "articles section": reverse("seo:sitemap-section", kwargs={"section": "articles"}),
        "lawyers section": reverse("seo:sitemap-section", kwargs={"section": "lawyers"}),
        "categories section": reverse("seo:sitemap-section", kwargs={"section": "categories"}),
        "feed: newest questions": reverse("consult:feed-questions"),
    }
    if category is not None:
        requests["feed: a category"] = reverse("consult:feed-category", args=[category.slug])
    if busiest_lawyer is not None:
        requests[f"feed: busiest lawyer ({busiest_lawyer['n']:,} answers)"] = reverse(
            "consult:feed-lawyer", args=[busiest_lawyer["lawyer_id"]]
        )

    client = Client()
    print(
        f"{'request':44} {'median':>9} {'best':>9} {'queries':>7} {'URLs':>7} {'KB':>7} {'peak MB':>8}"
    )
    for name, url in requests.items():
        times = []
        for _ in range(args.repeat):
            queries: list[str] = []  # not CaptureQueriesContext: a request resets the query log
            with connection.execute_wrapper(QueryCounter(queries)):
                started = time.perf_counter()
                response = client.get(url)
                times.append(time.perf_counter() - started)
            assert response.status_code == 200, (url, response.status_code)
        tracemalloc.start()
        client.get(url)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        urls = response.content.count(b"<loc>") or response.content.count(b"<entry>")
        print(
            f"{name:44} {statistics.median(times) * 1000:7.0f}ms {min(times) * 1000:7.0f}ms "
            f"{len(queries):7} {urls:7,} {len(response.content) / 1024:7.0f} {peak / 2**20:8.1f}"
        )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of the process: {rss:.0f} MB")


if __name__ == "__main__":
    main()
