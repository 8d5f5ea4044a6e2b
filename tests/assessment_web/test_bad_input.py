"""Bad input of every kind, through every way in: a clear Chinese error, never a 500, and
nothing evaluated."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from tests.assessment_web.ways import API_URL, TOOL_URL, form_data, via_api, via_cli

pytestmark = pytest.mark.django_db

# (kind, input (a str is sent as written), the error key, a phrase of its message)
BAD_JSON = [
    ("negative count", {"records": {"track": -5}}, "records.track", "不能为负数"),
    ("fractional count", {"records": {"lodging": 3.5}}, "records.lodging", "不能有小数"),
    ("huge count", {"records": {"general": 10**13}}, "records.general", "数值过大"),
    ("count of absurd size", '{"records": {"general": 1e400}}', "records.general", "有限"),
    ("count as a string", {"records": {"track": "30"}}, "records.track", "字符串"),
    ("malformed money", {"illegal_gain": "1,000"}, "illegal_gain", "千位分隔符"),
    ("money with 3 decimals", {"illegal_gain": "10.005"}, "illegal_gain", "两位小数"),
    ("negative money", {"business_profit": "-5"}, "business_profit", "负数"),
    ("money in exponent form", {"illegal_gain": "1e5"}, "illegal_gain", "科学计数法"),
    ("huge money", {"illegal_gain": 10**14}, "illegal_gain", "金额过大"),
    ("money as a boolean", {"illegal_gain": True}, "illegal_gain", "布尔值"),
    ("unknown key", {"colour": "red"}, "colour", "未知字段"),
    ("unknown record kind", {"records": {"email": 3}}, "records.email", "未知字段"),
    ("flag as a string", {"unit": "yes"}, "unit", "布尔值"),
    ("flag as null", {"remorse": None}, "remorse", "null"),
    ("records as a list", {"records": [1, 2]}, "records", "必须是对象"),
    ("unknown conduct", {"conduct": "steal"}, "conduct", "必须是以下之一"),
    ("a list instead of an object", [{"records": {"track": 30}}], "non_field_errors", "JSON 对象"),
    ("a bare number", 42, "non_field_errors", "JSON 对象"),
]
# (kind, raw body, a phrase of the message under non_field_errors)
BAD_BODIES = [
    ("empty body", "", "没有收到任何内容"),
    ("blank body", "  \n", "没有收到任何内容"),
    ("not JSON", "track=30&lodging=300", "不是有效的 JSON"),
    ("truncated JSON", '{"records": {"track": 30}', "不是有效的 JSON"),
    ("NaN", '{"illegal_gain": NaN}', "NaN"),
    ("deep nesting", "[" * 100_000 + "]" * 100_000, "嵌套层数过多"),
    ("an integer of 5000 digits", '{"records": {"track": ' + "9" * 5000 + "}}", "数字过长"),
]


@pytest.mark.parametrize(("kind", "data", "key", "phrase"), BAD_JSON, ids=[b[0] for b in BAD_JSON])
def test_the_api_rejects_bad_facts_field_by_field(
    client: Client, kind: str, data: object, key: str, phrase: str
) -> None:
    status, errors = via_api(client, data)
    assert status == 400
    assert phrase in "".join(errors[key])


@pytest.mark.parametrize(("kind", "data", "key", "phrase"), BAD_JSON, ids=[b[0] for b in BAD_JSON])
def test_the_cli_rejects_bad_facts_field_by_field(
    kind: str, data: object, key: str, phrase: str
) -> None:
    status, errors = via_cli(data)
    assert status == 400
    assert phrase in "".join(errors[key])


@pytest.mark.parametrize(("kind", "body", "phrase"), BAD_BODIES, ids=[b[0] for b in BAD_BODIES])
def test_the_api_rejects_a_body_that_is_not_a_json_object(
    client: Client, kind: str, body: str, phrase: str
) -> None:
    status, errors = via_api(client, body)
    assert status == 400
    assert list(errors) == ["non_field_errors"]
    assert phrase in errors["non_field_errors"][0]


@pytest.mark.parametrize(("kind", "body", "phrase"), BAD_BODIES, ids=[b[0] for b in BAD_BODIES])
def test_the_cli_rejects_input_that_is_not_a_json_object(kind: str, body: str, phrase: str) -> None:
    status, errors = via_cli(body)
    assert status == 400
    assert phrase in errors["non_field_errors"][0]


@pytest.mark.parametrize(
    "content_type", ["application/x-www-form-urlencoded", "text/plain", "multipart/form-data"]
)
def test_the_api_wants_json_and_says_so(client: Client, content_type: str) -> None:
    body = json.dumps({"records": {"track": 30}})
    if content_type == "multipart/form-data":
        response = client.post(API_URL, {"track": "30"})
    else:
        response = client.post(API_URL, body, content_type=content_type)
    assert response.status_code == 400
    assert "application/json" in response.json()["non_field_errors"][0]


def test_the_api_answers_a_body_too_big_with_400(client: Client, settings) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    body = json.dumps({"records": {"track": 30}, "pad": "x" * 2000})
    response = client.post(API_URL, body, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {"non_field_errors": ["请求体过大"]}


# (kind, field, typed text, a phrase of the message shown beside the field)
BAD_TYPING = [
    ("negative count", "track", "-5", "不能为负数"),
    ("fractional count", "lodging", "3.5", "不能有小数"),
    ("huge count", "general", "9" * 30, "数值过大"),
    ("thousands of digits", "general", "9" * 5000, "数值过大"),
    ("words for a count", "credit", "三十", "必须是非负整数"),
    ("a count with a separator", "health", "1,000", "必须是非负整数"),
    ("a count in exponent form", "transaction", "1e3", "必须是非负整数"),
    ("malformed money", "illegal_gain", "1,000", "千位分隔符"),
    ("money with 3 decimals", "illegal_gain", "10.005", "两位小数"),
    ("negative money", "business_profit", "-5", "负数"),
    ("money in words", "illegal_gain", "五千元", "金额格式不正确"),
    ("unknown conduct", "conduct", "steal", "必须是以下之一"),
]


@pytest.mark.parametrize(
    ("kind", "field", "text", "phrase"), BAD_TYPING, ids=[b[0] for b in BAD_TYPING]
)
def test_the_form_shows_the_error_beside_the_field(
    client: Client, kind: str, field: str, text: str, phrase: str
) -> None:
    response = client.post(TOOL_URL, {**form_data({}), field: text})
    assert response.status_code == 400
    assert "assessment" not in response.context
    form = response.context["assessment_form"]
    assert phrase in "".join(form.errors[field])
    page = response.content.decode()
    assert 'aria-invalid="true"' in page
    assert "输入有误，请更正后再评估" in page


def test_the_form_refuses_a_key_it_does_not_know(client: Client) -> None:
    response = client.post(TOOL_URL, {**form_data({"records": {"track": 60}}), "colour": "red"})
    assert response.status_code == 400
    assert response.context["assessment_form"].non_field_errors() == ["未知字段：colour"]


@pytest.mark.parametrize(
    ("kind", "body", "content_type"),
    [
        ("empty body", "", "application/x-www-form-urlencoded"),
        ("a JSON body", '{"records": {"track": 30}}', "application/json"),
        ("not form data", "\x00\x01garbage", "application/octet-stream"),
    ],
)
def test_the_form_rejects_a_post_that_is_not_its_own(
    client: Client, kind: str, body: str, content_type: str
) -> None:
    response = client.post(TOOL_URL, body, content_type=content_type)
    assert response.status_code == 400
    assert response.context["assessment_form"].errors["conduct"] == ["请选择行为方式。"]


def test_the_form_answers_an_oversized_post_with_400(client: Client, settings) -> None:
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 50
    data = {**form_data({}), **{f"x{n}": "1" for n in range(100)}}
    assert client.post(TOOL_URL, data).status_code == 400
