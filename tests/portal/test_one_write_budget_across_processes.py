"""The write budget is counted once for every process of a deployment: two processes of four
threads each, spending at the same moment, get exactly the budget between them, in the
database (no Redis) and in Redis."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import redis
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
# A Redis database number of this test's own: other test runs share the machine's Redis.
BUDGET_REDIS = "redis://127.0.0.1:6379/11"


def spend_from_two_processes(environment: dict[str, str]) -> int:
    bucket = f"writes:user:{uuid.uuid4().hex}"
    start_at = str(time.time() + 3)  # both processes are ready by then
    processes = [
        subprocess.Popen(  # noqa: S603 (our own interpreter and module)
            [sys.executable, "-m", "tests.portal.budget_worker", bucket, start_at, "4", "15"],
            cwd=ROOT,
            env={**os.environ, "DEBUG": "true", **environment},
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [process.communicate(timeout=60)[0] for process in processes]
    assert [process.returncode for process in processes] == [0, 0]
    return sum(int(output.strip()) for output in outputs)


def test_two_processes_share_one_budget_in_the_database(tmp_path) -> None:
    database = tmp_path / "budget.sqlite3"
    environment = {"DATABASE_URL": f"sqlite:///{database}", "REDIS_URL": ""}
    subprocess.run(
        [sys.executable, "-m", "tests.portal.budget_worker", "create-table"],
        cwd=ROOT,
        env={**os.environ, "DEBUG": "true", **environment},
        check=True,
    )

    allowed = spend_from_two_processes(environment)

    assert allowed == 30  # of 2 × 4 × 15 = 120 tries


def test_two_processes_share_one_budget_in_redis(tmp_path) -> None:
    try:
        redis.Redis.from_url(BUDGET_REDIS, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        pytest.skip("no Redis at 127.0.0.1:6379 (CI and the machine start one)")

    allowed = spend_from_two_processes(
        {"DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}", "REDIS_URL": BUDGET_REDIS}
    )

    assert allowed == 30
    assert redis.Redis.from_url(BUDGET_REDIS).keys("*budget:writes:user:*")  # counted in Redis
