"""POST /api/v1/assessments/: the contract's JSON in, the contract's JSON out.

Every bad request gets 400 in the API's usual shape, field → messages in Chinese, with the
engine's field keys: ``{"records.track": ["必须是非负整数，不能为负数"]}``; a problem with the
body as a whole (empty, not JSON, not an object) is under ``non_field_errors``. Nothing is
stored; the body is never logged.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import RequestDataTooBig
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import ParseError, UnsupportedMediaType
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from assessment.engine import (
    CONDUCTS,
    FIELD_HELP,
    FIELD_LABELS,
    LEVEL_LABELS,
    RECORD_KINDS,
    InvalidFacts,
    assess,
    parse_facts,
)
from assessment.engine.facts import MAX_COUNT, MAX_MONEY
from assessment.engine.fields import FLAG_FIELDS, MONEY_FIELDS
from assessment.json import MSG_EMPTY, error_body
from portal.api.errors import FIELD_ERRORS_SCHEMA, error_responses
from portal.api.parsers import JSONParser
from portal.api.throttles import AssessmentThrottle

MSG_MEDIA_TYPE = "请求体必须是 JSON，并设置 Content-Type: application/json"
MSG_TOO_BIG = "请求体过大"


# The OpenAPI description of the contract, built from the engine's own vocabulary so that
# the documentation cannot drift from what parse_facts accepts.
_MONEY = {
    "oneOf": [
        {"type": "string", "pattern": r"^[0-9]+(\.[0-9]{1,2})?$"},
        {"type": "number", "minimum": 0, "maximum": int(MAX_MONEY), "multipleOf": 0.01},
    ],
    "default": "0",
}
FACTS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "conduct": {
            "type": "string",
            "enum": [conduct.key for conduct in CONDUCTS],
            "default": CONDUCTS[0].key,
            "description": FIELD_HELP["conduct"],
        },
        "records": {
            "type": "object",
            "additionalProperties": False,
            "description": FIELD_HELP["records"],
            "properties": {
                kind.key: {
                    "type": "integer",
                    "minimum": 0,
                    "maximum": MAX_COUNT,
                    "default": 0,
                    "description": FIELD_HELP[f"records.{kind.key}"],
                }
                for kind in RECORD_KINDS
            },
        },
        **{
            name: {**_MONEY, "description": f"{FIELD_LABELS[name]}：{FIELD_HELP[name]}"}
            for name in MONEY_FIELDS
        },
        **{
            name: {
                "type": "boolean",
                "default": False,
                "description": f"{FIELD_LABELS[name]}：{FIELD_HELP[name]}",
            }
            for name in FLAG_FIELDS
        },
    },
}
_STRING = {"type": "string"}
_NOTE = {
    "type": "object",
    "properties": {"provision": _STRING, "text": _STRING},
    "required": ["provision", "text"],
}
RESULT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "level": {"type": "string", "enum": list(LEVEL_LABELS)},
        "level_label": {"type": "string", "enum": list(LEVEL_LABELS.values())},
        "grounds": {
            "type": "array",
            "description": "满足的每一项规定（不只第一项）",
            "items": {
                "type": "object",
                "properties": {
                    key: _STRING for key in ("provision", "text", "facts", "stage", "key")
                },
                "required": ["provision", "text", "facts"],
            },
        },
        "proportional_sum": {**_STRING, "description": "解释第五条第一款第六项的按比例合计"},
        "sentence": {**_STRING, "nullable": True},
        "sentence_provision": {**_STRING, "nullable": True},
        "aggravations": {"type": "array", "items": _NOTE},
        "leniency": {**_NOTE, "nullable": True},
        "fine_range": {
            "type": "object",
            "nullable": True,
            "properties": {key: _STRING for key in ("provision", "min", "max", "text")},
        },
        "caveats": {"type": "array", "items": _STRING},
        "exclusions": {"type": "array", "items": _NOTE},
        "conduct": _STRING,
        "conduct_label": _STRING,
        "conduct_provision": _STRING,
        "standard": {"type": "string", "enum": ["normal", "halved", "business"]},
        "standard_label": _STRING,
        "unit": {"type": "boolean"},
    },
    "required": [
        "level",
        "level_label",
        "grounds",
        "proportional_sum",
        "sentence",
        "aggravations",
        "leniency",
        "fine_range",
        "caveats",
    ],
}


def _errors_of(data: object) -> dict[str, list[str]]:
    try:
        parse_facts(data)
    except InvalidFacts as invalid:
        return invalid.errors
    raise AssertionError("the error example must be invalid")


# The seed page's example (解释第五条第一款第六项) and real output: examples cannot go stale.
_SEED = {"conduct": "provide", "records": {"track": 30, "lodging": 300}}
_BAD = {"records": {"track": -1, "lodging": 3.5}, "illegal_gain": "1,000", "colour": "red"}
EXAMPLES = [
    OpenApiExample("30 条行踪轨迹信息 + 300 条住宿信息", value=_SEED, request_only=True),
    OpenApiExample(
        "情节严重（按比例合计 1.2）",
        value=assess(parse_facts(_SEED)).to_dict(),
        response_only=True,
        status_codes=["200"],
    ),
    OpenApiExample("输入有误", value=_errors_of(_BAD), response_only=True, status_codes=["400"]),
]


@extend_schema(
    summary="评估侵犯公民个人信息罪的情节",
    description=(
        "按刑法第二百五十三条之一和法释〔2017〕10号，评估所填事实是否达到“情节严重”或"
        "“情节特别严重”，列出满足的每一项规定。请求和响应见 docs 中的合同；所有字段可省略，"
        "省略即取默认值。输入有任何错误（未知字段、负数、小数条数、金额格式、类型错误、"
        "空请求体、非 JSON）时返回 400，逐字段说明：{字段: [说明]}，记录条数的字段名"
        "写作 records.track 等，整体错误写作 non_field_errors。访客按 IP、登录用户按账号限流，"
        "超限返回 429 并带 Retry-After。结果仅供参考，不构成法律意见。"
    ),
    request={"application/json": FACTS_SCHEMA},
    responses={
        200: OpenApiResponse(RESULT_SCHEMA, description="评估结果"),
        400: OpenApiResponse(
            FIELD_ERRORS_SCHEMA,
            description="输入有误：逐字段的中文说明（records.track 等；整体错误在 non_field_errors）。",
        ),
        **error_responses(429),
    },
    examples=EXAMPLES,
    tags=["assessments"],
)
class AssessmentView(APIView):
    """Stateless: no model, no queryset; visitors may use it, within the throttle."""

    permission_classes = [AllowAny]
    # JSON only (the API's one strict reader): a form post is a 415, answered below.
    parser_classes = [JSONParser]
    # The API's usual throttles plus the "assessments" rate, per IP for visitors and per user
    # when signed in (portal.api.throttles.AssessmentThrottle reads the rate from settings per
    # request).
    # api_settings imports the setting's dotted paths; the stubs type the setting's strings.
    throttle_classes = [*api_settings.DEFAULT_THROTTLE_CLASSES, AssessmentThrottle]  # type: ignore[list-item]

    def post(self, request: Request) -> Response:
        try:
            if not request.body.strip():
                return Response(error_body(MSG_EMPTY), status=status.HTTP_400_BAD_REQUEST)
            data = request.data
        except RequestDataTooBig:
            return Response(error_body(MSG_TOO_BIG), status=status.HTTP_400_BAD_REQUEST)
        except UnsupportedMediaType:
            return Response(error_body(MSG_MEDIA_TYPE), status=status.HTTP_400_BAD_REQUEST)
        except ParseError as error:
            return Response(error_body(str(error.detail)), status=status.HTTP_400_BAD_REQUEST)
        try:
            facts = parse_facts(data)
        except InvalidFacts as invalid:
            return Response(invalid.errors, status=status.HTTP_400_BAD_REQUEST)
        return Response(assess(facts).to_dict())
