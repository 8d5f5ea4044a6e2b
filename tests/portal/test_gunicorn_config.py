"""portal/gunicorn.conf.py, as gunicorn reads it: sized from the machine, keep-alive, and an
access log that never records what people searched for."""

from __future__ import annotations

import os
import runpy
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

import portal

CONFIG = Path(portal.__file__).parent / "gunicorn.conf.py"


@pytest.fixture
def load_config(monkeypatch):
    def load(**environment: str) -> dict:
        for name in ("PORT", "WEB_CONCURRENCY", "GUNICORN_THREADS"):
            monkeypatch.delenv(name, raising=False)
        for name, value in environment.items():
            monkeypatch.setenv(name, value)
        return runpy.run_path(str(CONFIG))

    return load


def test_one_threaded_worker_per_core(load_config) -> None:
    config = load_config()

    assert config["worker_class"] == "gthread"  # the sync worker has no keep-alive
    assert config["workers"] == len(os.sched_getaffinity(0))
    assert config["threads"] == 4
    assert config["keepalive"] > 0
    assert config["max_requests"] > 0 < config["max_requests_jitter"]


def test_the_environment_can_size_it(load_config) -> None:
    config = load_config(WEB_CONCURRENCY="3", GUNICORN_THREADS="8", PORT="0.0.0.0:9000")

    assert (config["workers"], config["threads"]) == (3, 8)
    assert config["bind"] == ["0.0.0.0:9000"]


def test_a_bare_port_listens_on_loopback_only(load_config) -> None:
    assert load_config(PORT="9000")["bind"] == ["127.0.0.1:9000"]


def test_a_bad_size_stops_start_up(load_config) -> None:
    with pytest.raises(ImproperlyConfigured, match="WEB_CONCURRENCY"):
        load_config(WEB_CONCURRENCY="0")


def test_the_access_log_has_the_path_but_no_query_string_or_referer(load_config) -> None:
    log_format = load_config()["access_log_format"]

    assert "%(U)s" in log_format  # the path
    # the request line, the query string and the Referer would all carry `?q=…`
    for atom in ("%(r)s", "%(q)s", "%(f)s", "%({referer}i)s"):
        assert atom not in log_format


def test_the_master_loads_the_search_tables_before_it_forks(load_config) -> None:
    from search import typos

    typos._by_first_reading.cache_clear()
    load_config()["when_ready"](server=None)
    assert typos._by_first_reading.cache_info().currsize == 1
