"""Time the assessment engine alone and through its API; prints numbers, asserts nothing.

Usage:  .venv/bin/python bench/assessment_speed.py [--n 20000]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

KINDS = [
    "track",
    "communication_content",
    "credit",
    "property",
    "lodging",
    "communication_record",
    "health",
    "transaction",
    "other_safety",
    "general",
]


def random_facts(rng: random.Random) -> dict:
    return {
        "conduct": rng.choice(["provide", "obtain", "purchase_for_business"]),
        "records": {kind: rng.choice([0, 0, rng.randint(0, 60000)]) for kind in KINDS},
        "illegal_gain": f"{rng.randint(0, 100000)}.{rng.randint(0, 99):02d}",
        "obtained_in_duty": rng.random() < 0.3,
        "prior_admin_penalty_2y": rng.random() < 0.1,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=20000)
    args = parser.parse_args()
    from assessment.engine import assess, parse_facts, progress_bars

    rng = random.Random(2017)
    inputs = [random_facts(rng) for _ in range(args.n)]
    start = time.perf_counter()
    for data in inputs:
        facts = parse_facts(data)
        progress_bars(facts, assess(facts))
    engine = time.perf_counter() - start
    print(f"engine: {args.n} assessments in {engine:.2f} s = {engine / args.n * 1e6:.0f} µs each")

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    # The development settings, as before DEBUG defaulted to false.
    os.environ.setdefault("DEBUG", "true")
    # The bench measures the endpoint, not the throttles.
    for scope in ("ANON", "USER", "WRITES", "ASSESSMENTS"):
        os.environ[f"THROTTLE_{scope}"] = "1000000/min"
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    settings.ALLOWED_HOSTS = ["*"]
    client = Client()
    sample = inputs[:1000]
    start = time.perf_counter()
    for data in sample:
        response = client.post(
            "/api/v1/assessments/", json.dumps(data), content_type="application/json"
        )
        assert response.status_code == 200, (response.status_code, response.content.decode()[:200])
    api = time.perf_counter() - start
    print(
        f"api: {len(sample)} POST /api/v1/assessments/ in {api:.2f} s = {api / len(sample) * 1000:.2f} ms each"
    )


if __name__ == "__main__":
    main()
