"""Parsers. settings.REST_FRAMEWORK names them by dotted path and rest_framework.views reads
DEFAULT_PARSER_CLASSES while it is being imported: this module must not import it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import IO, Any

from rest_framework import parsers
from rest_framework.exceptions import ParseError

from portal.strict_json import load_json


class JSONParser(parsers.JSONParser):
    """application/json through the site's one strict reader (portal.strict_json), for every
    endpoint: NaN and Infinity are refused, and a body nested too deep for Python's decoder,
    which DRF's own parser lets through as a 500, is a 400 — each with a Chinese message."""

    def parse(
        self,
        stream: IO[bytes],
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        try:
            return load_json(stream.read())
        except ValueError as error:
            raise ParseError(str(error)) from None
