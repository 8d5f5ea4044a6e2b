"""A process that spends one write budget from several threads at once, for
tests/portal/test_one_write_budget_across_processes.py.

Run as `python -m tests.portal.budget_worker BUCKET START_AT THREADS TRIES`, with DATABASE_URL
(and REDIS_URL, for Redis) in the environment; prints how many spends were allowed.
`python -m tests.portal.budget_worker create-table` creates the one table the budget needs.
"""

from __future__ import annotations

import os
import sys
import threading
import time


def create_table() -> None:
    from django.db import connection

    from portal.models import RateWindow

    with connection.schema_editor() as editor:
        editor.create_model(RateWindow)


def main(bucket: str, start_at: float, threads: int, tries: int) -> None:
    from django.db import connections

    from portal.limits import spend

    allowed = []

    def spend_some() -> None:
        time.sleep(max(0.0, start_at - time.time()))
        allowed.append(sum(spend(bucket=bucket, limit=30, period=60).allowed for _ in range(tries)))
        connections.close_all()

    failed = []

    def spend_or_fail() -> None:
        try:
            spend_some()
        except Exception as error:
            failed.append(error)
            raise

    workers = [threading.Thread(target=spend_or_fail) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    if failed:
        sys.exit(1)
    print(sum(allowed))


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    import django

    django.setup()
    if sys.argv[1] == "create-table":
        create_table()
    else:
        main(sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
