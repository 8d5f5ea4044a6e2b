"""Restart PostgreSQL under a bounded write load and count what was acknowledged and written.

Usage:  .venv/bin/python bench/db_restart.py [--restart] [--seconds 20] [--clients 4]

Without --restart it only runs the load (a dry run of everything else). With it, it runs
`pg_ctlcluster --skip-systemctl-redirect 15 main restart` a few seconds into the load, which
disconnects EVERY client of that PostgreSQL, other people's tests included: run it rarely.

It creates (or reuses) its own database, h_limits_bench (DATABASE_URL overrides), migrates it,
adds one user with an API token, collects the static files and starts the production server:
gunicorn with portal/gunicorn.conf.py, DEBUG off, Redis (REDIS_URL, default db 10, flushed),
the write budget raised out of the way. Each client thread then asks questions through the API,
one at a time, each with an Idempotency-Key of its own and a title no other question has, and
retries a question (with the same key) until it is acknowledged with a 201 or the run ends.

It prints:
- acknowledged: questions answered 201 (and rows of them present: lost = acknowledged − present);
- rows present: questions of this run in the database; unacknowledged rows have no 201;
- duplicates: titles written more than once (a retry that wrote again);
- errors: attempts answered otherwise (503s while the database restarts, refused connections);
- seconds to recover: from the moment PostgreSQL answers again (the restart command returned)
  to the first question acknowledged after it, and how long writes failed in all.
The issue's targets: 0 lost, 0 unacknowledged rows, 0 duplicates, recovery ≤ 5 s.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
RESTART = ["pg_ctlcluster", "--skip-systemctl-redirect", "15", "main", "restart"]
DATABASE = "postgres://postgres@127.0.0.1:5432/h_limits_bench"
RECOVERY_TARGET_SECONDS = 5.0

SETUP = """
from django.contrib.auth import get_user_model
from rest_framework.authtoken.models import Token
from consult.models import Category
user, _ = get_user_model().objects.get_or_create(username="bench-writer")
Category.objects.get_or_create(slug="bench", defaults={"name": "压测"})
print(Token.objects.get_or_create(user=user)[0].key)
"""


@dataclass
class Tally:
    lock: threading.Lock = field(default_factory=threading.Lock)
    acknowledged: dict[str, int] = field(default_factory=dict)  # title → question id
    errors: Counter[str] = field(default_factory=Counter)
    failures: list[float] = field(default_factory=list)  # when failed attempts ended
    successes: list[float] = field(default_factory=list)  # when 201s arrived


def post(url: str, token: str, key: str, body: dict[str, str]) -> tuple[int, dict]:
    request = urllib.request.Request(  # noqa: S310 (our own loopback server)
        url,
        data=json.dumps(body).encode(),
        method="POST",
        headers={
            "Content-Type": "application/json",
            "Authorization": f"Token {token}",
            "Idempotency-Key": key,
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (loopback)
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, {}


def client(base: str, token: str, marker: str, number: int, until: float, tally: Tally) -> None:
    n = 0
    while time.monotonic() < until:
        n += 1
        title = f"数据库重启时提问第{number}-{n}个问题？{marker}"
        body = {
            "title": title,
            "body": "我在网上购物后接到很多推销电话，想知道商家泄露个人信息该怎么维权。",
            "category": "bench",
        }
        key = uuid.uuid4().hex
        while time.monotonic() < until:
            try:
                status, answer = post(f"{base}/api/v1/questions/", token, key, body)
            except OSError as error:  # refused, reset, timed out
                status, answer = 0, {"error": type(error).__name__}
            now = time.monotonic()
            with tally.lock:
                if status == 201:
                    tally.acknowledged[title] = answer["id"]
                    tally.successes.append(now)
                else:
                    tally.errors[str(status or answer.get("error"))] += 1
                    tally.failures.append(now)
            if status == 201:
                break
            time.sleep(0.2)  # then the same question again, with the same key
        time.sleep(0.05)  # a bounded load: a few writes a second per client


def rows(database_url: str, marker: str) -> list[tuple[int, str]]:
    result = subprocess.run(
        [
            "psql",
            database_url,
            "-At",
            "-F",
            "\t",
            "-c",
            # The marker is this script's own hex string.
            f"SELECT id, title FROM consult_question WHERE title LIKE '%{marker}'",  # noqa: S608
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return [
        (int(line.split("\t")[0]), line.split("\t", 1)[1])
        for line in result.stdout.splitlines()
        if line
    ]


def wait_until_up(base: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("gunicorn exited; see bench/out/db_restart_gunicorn.log")
        try:
            with urllib.request.urlopen(base + "/healthz/", timeout=5) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError("gunicorn did not answer /healthz/ within two minutes")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--restart", action="store_true", help="really restart PostgreSQL")
    parser.add_argument("--seconds", type=float, default=20.0, help="length of the load")
    parser.add_argument("--restart-after", type=float, default=5.0, help="seconds into the load")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--port", type=int, default=8791)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)

    base = f"http://127.0.0.1:{args.port}"
    database_url = os.environ.get("DATABASE_URL", DATABASE)
    environment = {
        **os.environ,
        "DEBUG": "false",
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "SECRET_KEY": secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SITE_URL": base,
        "PORT": str(args.port),
        "WEB_CONCURRENCY": "2",
        "DATABASE_URL": database_url,
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/10"),
        "THROTTLE_WRITES": "1000000/min",
        "THROTTLE_USER": "1000000/min",
    }
    name = database_url.rsplit("/", 1)[-1]
    server_url = database_url.rsplit("/", 1)[0] + "/postgres"
    exists = subprocess.run(
        ["psql", server_url, "-Atc", f"SELECT 1 FROM pg_database WHERE datname = '{name}'"],  # noqa: S608
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    if not exists:
        subprocess.run(["psql", server_url, "-qc", f'CREATE DATABASE "{name}"'], check=True)
    redis_db = environment["REDIS_URL"].rsplit("/", 1)[-1]
    subprocess.run(["redis-cli", "-n", redis_db, "flushdb"], check=True, capture_output=True)

    def manage(*arguments: str) -> str:
        return subprocess.run(
            [str(PYTHON), "manage.py", *arguments],
            env=environment,
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    print("migrating, collecting static files …", flush=True)
    manage("migrate", "--noinput", "-v0")
    manage("collectstatic", "--noinput", "-v0")
    token = manage("shell", "-c", SETUP).strip().splitlines()[-1]

    log = (OUT / "db_restart_gunicorn.log").open("w")
    server = subprocess.Popen(
        [str(GUNICORN), "-c", "portal/gunicorn.conf.py", "portal.wsgi"],
        env=environment,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    marker = f"#{uuid.uuid4().hex[:8]}"
    tally = Tally()
    restarted_at = back_at = None
    try:
        wait_until_up(base, server)
        until = time.monotonic() + args.seconds
        threads = [
            threading.Thread(target=client, args=(base, token, marker, n, until, tally))
            for n in range(args.clients)
        ]
        for thread in threads:
            thread.start()
        time.sleep(args.restart_after)
        if args.restart:
            print("restarting PostgreSQL …", flush=True)
            restarted_at = time.monotonic()
            subprocess.run(RESTART, check=True)
            back_at = time.monotonic()
            print(f"  pg_ctlcluster restart took {back_at - restarted_at:.1f} s", flush=True)
        for thread in threads:
            thread.join()
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)

    written = rows(database_url, marker)
    titles = Counter(title for _, title in written)
    present_ids = {pk for pk, _ in written}
    acknowledged = tally.acknowledged
    lost = [title for title, pk in acknowledged.items() if pk not in present_ids]
    unacknowledged = [title for title in titles if title not in acknowledged]
    duplicates = sum(count - 1 for count in titles.values() if count > 1)
    attempts = len(tally.successes) + len(tally.failures)

    print(f"\nload: {args.clients} clients for {args.seconds:.0f} s, {attempts} attempts")
    print(f"requests acknowledged:       {len(acknowledged)}")
    print(f"rows present:                {len(written)}")
    print(f"acknowledged writes lost:    {len(lost)}")
    print(f"rows without acknowledgement: {len(unacknowledged)}")
    print(f"duplicates:                  {duplicates}")
    print(f"errors (failed attempts):    {sum(tally.errors.values())} {dict(tally.errors)}")
    if back_at is not None and restarted_at is not None:
        after = [moment for moment in tally.successes if moment >= back_at]
        recovery = (after[0] - back_at) if after else float("inf")
        failing = (
            max(0.0, min((s for s in after), default=back_at) - tally.failures[0])
            if tally.failures
            else 0.0
        )
        print(f"seconds to recover:          {recovery:.2f} (after PostgreSQL answered again)")
        print(f"writes failing for:          {failing:.2f} s (first failure to next 201)")
        ok = (
            not lost
            and not unacknowledged
            and not duplicates
            and recovery <= RECOVERY_TARGET_SECONDS
        )
        print("targets met" if ok else "TARGETS MISSED")
        sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
