"""Errors: the exception handler, and the shapes of error bodies for the schema."""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, JsonResponse
from drf_spectacular.utils import OpenApiResponse
from rest_framework import exceptions, serializers
from rest_framework.response import Response
from rest_framework.settings import api_settings

# rest_framework.views is not imported at module level: it reads DEFAULT_THROTTLE_CLASSES
# while it is being imported, and those classes live in this package (portal.api.throttles).


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's handler, taught the services' Django exceptions.

    Services raise django.core.exceptions.ValidationError / PermissionDenied with messages
    written for people, in Chinese; DRF would answer a bare 500 or a generic 403 for them.
    """
    from rest_framework.views import exception_handler as drf_exception_handler

    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(detail=django_error_detail(exc))
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(detail=str(exc) or None)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound(detail=not_found_detail(exc))
    return drf_exception_handler(exc, context)


# get_object_or_404 says "No Question matches the given query." (untranslated, and naming a
# model); messages our own code raises are Chinese and stay.
_DJANGO_NOT_FOUND = re.compile(r"^No .+ matches the given query\.$")
NOT_FOUND_DETAIL = "不存在，或已被隐藏。"


def not_found_detail(exc: Http404) -> str:
    message = str(exc)
    if not message or _DJANGO_NOT_FOUND.match(message):
        return NOT_FOUND_DETAIL
    return message


def django_error_detail(error: DjangoValidationError) -> dict[str, list[str]]:
    """Field-by-field messages; errors about no one field go under non_field_errors."""
    if hasattr(error, "error_dict"):
        return {
            (api_settings.NON_FIELD_ERRORS_KEY if field == NON_FIELD_ERRORS else field): messages
            for field, messages in error.message_dict.items()
        }
    return {api_settings.NON_FIELD_ERRORS_KEY: list(error.messages)}


# The shapes of error bodies, for the schema.
_MESSAGES = {"type": "array", "items": {"type": "string"}}
FIELD_ERRORS_SCHEMA = {
    "type": "object",
    "description": "按字段列出的错误信息；不属于某个字段的错误在 non_field_errors 或 detail 下。",
    # A list's or a nested object's errors are keyed by index or field: {"0": ["…"]}.
    "additionalProperties": {"oneOf": [_MESSAGES, {"type": "string"}, {"type": "object"}]},
    "example": {"title": ["该字段是必填项。"], "non_field_errors": ["……"]},
}


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="面向用户的中文说明")


_ERROR_DESCRIPTIONS = {
    400: "输入有误：逐字段的中文错误信息（包括未知的或格式错误的查询参数、无效的分页游标）。",
    401: "未登录：请使用会话或 `Authorization: Token …` 认证。",
    403: "无权执行此操作（说明在 detail 中）。",
    404: "不存在，或已被隐藏。",
    422: "同一个 `Idempotency-Key` 已用于内容不同的请求。",
    429: "请求过于频繁；`Retry-After` 头给出需要等待的秒数。",
    503: "数据库暂时无法连接，请求没有生效；`Retry-After` 头给出建议等待的秒数。",
}


def error_responses(*codes: int) -> dict[int, OpenApiResponse]:
    """Schema entries for the error responses an operation can give."""
    return {
        code: OpenApiResponse(
            response=FIELD_ERRORS_SCHEMA if code == 400 else ErrorSerializer,
            description=_ERROR_DESCRIPTIONS[code],
        )
        for code in codes
    }


# ---------------------------------------------------------------------------------------------
# Errors raised outside DRF's views, answered as JSON under /api/ (portal/views.py's handlers).

API_PREFIX = "/api/"
# Seconds a client waits before retrying while the database doesn't answer; PostgreSQL
# restarts in about that long (bench/db_restart.py).
DATABASE_RETRY_AFTER = 5


def is_api_request(request: HttpRequest) -> bool:
    return request.path.startswith(API_PREFIX)


def api_not_found() -> JsonResponse:
    """A URL under /api/ that no endpoint matches."""
    return JsonResponse({"detail": "没有这个接口。"}, status=404)


def api_error(status: int, detail: str) -> JsonResponse:
    return JsonResponse({"detail": detail}, status=status)


def api_unavailable() -> JsonResponse:
    """The database doesn't answer: try again after Retry-After (a write that did commit is
    answered from its Idempotency-Key, portal/api/idempotency.py)."""
    response = JsonResponse(
        {"detail": "数据库暂时无法连接，请稍后重试；带同一个 Idempotency-Key 重试不会重复提交。"},
        status=503,
    )
    response["Retry-After"] = str(DATABASE_RETRY_AFTER)
    return response
