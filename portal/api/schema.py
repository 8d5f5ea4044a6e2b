"""What every write of the API shares, added to the schema in one place (a drf-spectacular
postprocessing hook): the Idempotency-Key header on POSTs that write, its 422, and the 503 any
operation answers while the database doesn't (portal/api/idempotency.py, portal/views.py)."""

from __future__ import annotations

from typing import Any

from portal.api.idempotency import HEADER, MAX_KEY_LENGTH

# POSTs that compute and store nothing: no key to remember.
_NOT_WRITES = ("/api/v1/assessments/",)

_ERROR = {"$ref": "#/components/schemas/Error"}
_KEY = {
    "in": "header",
    "name": HEADER,
    "required": False,
    "schema": {"type": "string", "minLength": 1, "maxLength": MAX_KEY_LENGTH},
    "description": (
        "可选。客户端为每个新请求生成的唯一键（如 UUID）。因超时或 503 重试时带同一个键："
        "已经写入的请求不会重复写入，而是返回第一次的响应（带 `Idempotent-Replayed: true`）。"
        "同一个键用于内容不同的请求返回 422。"
    ),
}


def document_writes(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            responses.setdefault(
                "503",
                {
                    "description": "数据库暂时无法连接；`Retry-After` 头给出建议等待的秒数。",
                    "content": {"application/json": {"schema": _ERROR}},
                },
            )
            if method == "post" and not path.startswith(_NOT_WRITES):
                operation.setdefault("parameters", []).append(_KEY)
                responses.setdefault(
                    "422",
                    {
                        "description": "同一个 Idempotency-Key 已用于内容不同的请求。",
                        "content": {"application/json": {"schema": _ERROR}},
                    },
                )
    return result
