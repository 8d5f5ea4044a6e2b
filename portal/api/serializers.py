"""Input serializers' shared pieces."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rest_framework import exceptions, serializers


class StrictSerializer(serializers.Serializer):
    """An input serializer that refuses keys it doesn't know: a typo must not be dropped silently.

    The unknown keys are reported together with the other fields' errors.
    """

    def to_internal_value(self, data: Any) -> Any:
        unknown: dict[str, list[str]] = {}
        if isinstance(data, Mapping):
            writable = {name for name, field in self.fields.items() if not field.read_only}
            allowed = "、".join(sorted(writable))
            unknown = {
                key: [f"不支持的字段。可用的字段：{allowed}。"]
                for key in sorted(set(data) - writable)
            }
        try:
            value = super().to_internal_value(data)
        except exceptions.ValidationError as error:
            if unknown and isinstance(error.detail, dict):
                raise exceptions.ValidationError({**error.detail, **unknown}) from None
            raise
        if unknown:
            raise exceptions.ValidationError(unknown)
        return value


class SlugRelatedField(serializers.SlugRelatedField):
    """DRF's SlugRelatedField, with a value no slug can contain refused before the query.

    PostgreSQL answers text containing NUL with an error, not with "no such row": DRF would
    let that through as a 500.
    """

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, str) and "\x00" in data:
            self.fail("invalid")
        return super().to_internal_value(data)
