"""Search terms in URLs stay out of the site's logs (privacy.logfilter and its wiring)."""

from __future__ import annotations

import logging
from urllib.parse import quote

import pytest
from django.core.servers.basehttp import WSGIRequestHandler
from django.test import Client

from privacy.logfilter import QueryStringFilter, scrub_query, scrub_urls

SEARCH_LINE = f"GET /search/?q={quote('张三 11010519491231002X')}&category=criminal&page=2 HTTP/1.1"


def record(logger: str, msg: str, *args: object) -> logging.LogRecord:
    return logging.LogRecord(logger, logging.INFO, __file__, 1, msg, args, None)


def test_the_search_terms_are_dropped_and_the_other_parameters_kept() -> None:
    assert scrub_urls(SEARCH_LINE) == ("GET /search/?q=***&category=criminal&page=2 HTTP/1.1")


def test_identifiers_in_other_parameters_are_masked() -> None:
    assert scrub_query("next=/x/&phone=13812345678") == "next=/x/&phone=138****5678"
    assert scrub_query(f"note={quote('手机13812345678')}") == (
        f"note={quote('手机138****5678', safe='*')}"
    )


def test_a_url_without_a_query_string_is_untouched() -> None:
    line = "GET /questions/12/ HTTP/1.1"
    assert scrub_urls(line) == line
    assert scrub_query("flag&x=1") == "flag&x=1"


def test_the_filter_rewrites_the_arguments_and_keeps_the_record() -> None:
    entry = record("django.server", '"%s" %s %s', SEARCH_LINE, "200", "5120")
    assert QueryStringFilter().filter(entry) is True
    assert entry.getMessage() == '"GET /search/?q=***&category=criminal&page=2 HTTP/1.1" 200 5120'


def test_a_gunicorn_access_record_is_scrubbed_too() -> None:
    atoms = {
        "r": SEARCH_LINE,
        "q": f"q={quote('我的手机13812345678')}",
        "f": "https://example.com/search/?q=13812345678",
        "s": "200",
    }
    entry = record("gunicorn.access", "%(r)s %(q)s %(f)s %(s)s")
    entry.args = atoms  # as gunicorn logs it: a dict of atoms
    QueryStringFilter().filter(entry)
    message = entry.getMessage()
    assert "13812345678" not in message and "11010519491231002X" not in message
    assert message.endswith("q=*** https://example.com/search/?q=*** 200")


class FixedTimeRequestHandler(WSGIRequestHandler):
    def log_date_time_string(self) -> str:
        return "01/Jan/2025 00:00:00"


class Capture(logging.Handler):
    def __init__(self, records: list[logging.LogRecord]) -> None:
        super().__init__()
        self.records = records

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def test_runservers_access_log_goes_through_the_filter() -> None:
    handler = FixedTimeRequestHandler.__new__(FixedTimeRequestHandler)
    # runserver's is the client socket; django-stubs says WSGIRequest.
    handler.request = None  # type: ignore[assignment]
    logger = logging.getLogger("django.server")
    stream_handler = logger.handlers[0]
    assert any(isinstance(f, QueryStringFilter) for f in stream_handler.filters)
    records: list[logging.LogRecord] = []
    capture = Capture(records)
    capture.addFilter(stream_handler.filters[0])
    logger.addHandler(capture)
    try:
        handler.log_message('"%s" %s %s', SEARCH_LINE, "200", "5120")
    finally:
        logger.removeHandler(capture)
    assert records[0].getMessage() == (
        '"GET /search/?q=***&category=criminal&page=2 HTTP/1.1" 200 5120'
    )


@pytest.mark.django_db
def test_a_failed_request_logs_no_search_terms(client: Client, caplog) -> None:
    assert any(
        isinstance(f, QueryStringFilter) for f in logging.getLogger("django.request").filters
    )
    with caplog.at_level(logging.WARNING, logger="django.request"):
        client.get("/search/suggestions/?q=13812345678&page=abc", HTTP_ACCEPT="text/html")
        client.get("/no-such-page/?q=11010519491231002X")
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "Not Found" in logged
    assert "13812345678" not in logged and "11010519491231002X" not in logged
