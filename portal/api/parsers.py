"""Parsers. settings.REST_FRAMEWORK names them by dotted path and rest_framework.views reads
DEFAULT_PARSER_CLASSES while it is being imported: this module must not import it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import IO, Any

from rest_framework import parsers
from rest_framework.exceptions import ParseError


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser, with a body nested too deep for Python's decoder a 400.

    `[[[[…` a few thousand levels deep makes json.load raise RecursionError, which DRF lets
    through as a 500 on every endpoint that reads a body.
    """

    def parse(
        self,
        stream: IO[bytes],
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError("请求体不是有效的 JSON：嵌套层数过多。") from None
