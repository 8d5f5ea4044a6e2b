"""Reading assessment facts sent as JSON: portal.strict_json's reader, with the assessment's
own words for an empty input and its shape for an error about the input as a whole."""

from __future__ import annotations

from assessment.engine.facts import NON_FIELD_ERRORS
from portal.strict_json import load_json as _load_json

MSG_EMPTY = (
    '没有收到任何内容：请发送一个 JSON 对象，例如 {"records": {"track": 30, "lodging": 300}}'
)


def load_json(text: str | bytes) -> object:
    """portal.strict_json.load_json, saying what to send when nothing was sent."""
    return _load_json(text, empty_message=MSG_EMPTY)


def error_body(message: str) -> dict[str, list[str]]:
    """The 400 body for a problem with the input as a whole."""
    return {NON_FIELD_ERRORS: [message]}
