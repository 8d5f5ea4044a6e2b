"""Anything but the contract's input is rejected, field by field, in Chinese."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from assessment.engine import Facts, InvalidFacts, Records, parse_facts


def errors_for(data: object) -> dict[str, list[str]]:
    with pytest.raises(InvalidFacts) as caught:
        parse_facts(data)
    return caught.value.errors


@pytest.mark.parametrize(
    ("data", "key", "message"),
    [
        # Unknown keys, at the top and inside records.
        ({"foo": 1}, "foo", "未知字段：foo"),
        ({"records": {"bar": 1}}, "records.bar", "未知字段：bar"),
        ({"Conduct": "provide"}, "Conduct", "未知字段：Conduct"),
        # conduct.
        ({"conduct": "sell"}, "conduct", "必须是以下之一"),
        ({"conduct": None}, "conduct", "必须是以下之一"),
        ({"conduct": 1}, "conduct", "必须是以下之一"),
        # records itself.
        ({"records": [1, 2]}, "records", "必须是对象"),
        ({"records": "track=30"}, "records", "必须是对象"),
        ({"records": None}, "records", "必须是对象"),
        # counts.
        ({"records": {"track": -1}}, "records.track", "不能为负数"),
        ({"records": {"track": 1.5}}, "records.track", "不能有小数"),
        ({"records": {"track": Decimal("2.5")}}, "records.track", "不能有小数"),
        ({"records": {"track": "30"}}, "records.track", "必须是非负整数"),
        ({"records": {"track": True}}, "records.track", "必须是非负整数"),
        ({"records": {"track": None}}, "records.track", "必须是非负整数"),
        ({"records": {"track": [30]}}, "records.track", "必须是非负整数"),
        ({"records": {"track": float("nan")}}, "records.track", "必须是非负整数"),
        ({"records": {"track": float("inf")}}, "records.track", "必须是非负整数"),
        ({"records": {"track": 10**12 + 1}}, "records.track", "数值过大"),
        ({"records": {"track": 1e300}}, "records.track", "数值过大"),
        ({"records": {"general": Decimal("1E+999999")}}, "records.general", "数值过大"),
        # money.
        ({"illegal_gain": "-1"}, "illegal_gain", "金额不能为负数"),
        ({"illegal_gain": -1}, "illegal_gain", "金额不能为负数"),
        ({"illegal_gain": "1.234"}, "illegal_gain", "金额最多保留两位小数"),
        ({"illegal_gain": 0.125}, "illegal_gain", "金额最多保留两位小数"),
        ({"illegal_gain": Decimal("0.001")}, "illegal_gain", "金额最多保留两位小数"),
        ({"illegal_gain": "1,000"}, "illegal_gain", "千位分隔符"),
        ({"illegal_gain": "1e3"}, "illegal_gain", "科学计数法"),
        ({"illegal_gain": "1E+3"}, "illegal_gain", "科学计数法"),
        ({"illegal_gain": "NaN"}, "illegal_gain", "金额格式不正确"),
        ({"illegal_gain": "Infinity"}, "illegal_gain", "金额格式不正确"),
        ({"illegal_gain": float("nan")}, "illegal_gain", "有限的数字"),
        ({"illegal_gain": float("inf")}, "illegal_gain", "有限的数字"),
        ({"illegal_gain": Decimal("NaN")}, "illegal_gain", "有限的数字"),
        ({"illegal_gain": ""}, "illegal_gain", "金额不能为空"),
        ({"illegal_gain": " 5000"}, "illegal_gain", "金额格式不正确"),
        ({"illegal_gain": "5000元"}, "illegal_gain", "金额格式不正确"),
        ({"illegal_gain": "５０００"}, "illegal_gain", "金额格式不正确"),
        ({"illegal_gain": ".5"}, "illegal_gain", "金额格式不正确"),
        ({"illegal_gain": "+5"}, "illegal_gain", "金额格式不正确"),
        ({"illegal_gain": True}, "illegal_gain", "收到的是布尔值"),
        ({"illegal_gain": None}, "illegal_gain", "收到的是null"),
        ({"illegal_gain": [5000]}, "illegal_gain", "收到的是数组"),
        ({"business_profit": "10000000000000.01"}, "business_profit", "金额过大"),
        ({"business_profit": 10**14}, "business_profit", "金额过大"),
        ({"business_profit": 1e20}, "business_profit", "金额过大"),
        # flags.
        ({"unit": "true"}, "unit", "必须是布尔值"),
        ({"unit": 1}, "unit", "必须是布尔值"),
        ({"anonymized": None}, "anonymized", "必须是布尔值"),
        ({"remorse": 0}, "remorse", "必须是布尔值"),
    ],
)
def test_bad_field(data: dict[str, Any], key: str, message: str) -> None:
    errors = errors_for(data)
    assert list(errors) == [key]
    assert any(message in text for text in errors[key]), errors


def test_bool_in_money_has_its_own_message() -> None:
    assert errors_for({"illegal_gain": False})["illegal_gain"] == [
        "金额必须是数字或数字字符串，收到的是布尔值"
    ]


@pytest.mark.parametrize("data", [[], [{"conduct": "provide"}], "provide", 3, None, 1.5, True])
def test_non_object_input_is_a_non_field_error(data: object) -> None:
    errors = errors_for(data)
    assert list(errors) == ["non_field_errors"]
    assert "JSON 对象" in errors["non_field_errors"][0]


def test_every_bad_field_is_reported_at_once() -> None:
    errors = errors_for(
        {
            "foo": 1,
            "bar": 2,
            "conduct": "x",
            "records": {"track": -1, "baz": 1, "lodging": 2.5},
            "illegal_gain": "1,0",
            "unit": "no",
        }
    )
    assert set(errors) == {
        "foo",
        "bar",
        "conduct",
        "records.track",
        "records.baz",
        "records.lodging",
        "illegal_gain",
        "unit",
    }
    assert errors["foo"] == ["未知字段：foo"]
    assert errors["records.baz"] == ["未知字段：baz"]


def test_the_exception_message_summarises_the_errors() -> None:
    with pytest.raises(InvalidFacts, match="未知字段：foo"):
        parse_facts({"foo": 1})


def test_empty_input_is_valid_and_all_defaults() -> None:
    assert parse_facts({}) == Facts()
    assert parse_facts({"records": {}}) == Facts()


@pytest.mark.parametrize(
    ("data", "field", "value"),
    [
        ({"records": {"track": 3.0}}, "track", 3),
        ({"records": {"track": Decimal("3")}}, "track", 3),
        ({"records": {"track": 10**12}}, "track", 10**12),
    ],
)
def test_integral_numbers_are_accepted_as_counts(data: dict, field: str, value: int) -> None:
    count = getattr(parse_facts(data).records, field)
    assert count == value
    assert type(count) is int


@pytest.mark.parametrize(
    ("money", "expected"),
    [
        ("0", "0.00"),
        ("5000", "5000.00"),
        ("5000.5", "5000.50"),
        ("5000.50", "5000.50"),
        ("0005000", "5000.00"),
        (5000, "5000.00"),
        (5000.5, "5000.50"),
        (0.1, "0.10"),
        (Decimal("5E+3"), "5000.00"),
        (Decimal("5000.500"), "5000.50"),
        (Decimal("-0"), "0.00"),
        ("10000000000000", "10000000000000.00"),
    ],
)
def test_money_forms_accepted(money: object, expected: str) -> None:
    assert str(parse_facts({"illegal_gain": money}).illegal_gain) == expected


def test_facts_built_in_code_are_checked_too() -> None:
    with pytest.raises(InvalidFacts) as caught:
        Facts(conduct="sell", illegal_gain=Decimal("-1"), unit="yes")  # type: ignore[arg-type]
    assert set(caught.value.errors) == {"conduct", "illegal_gain", "unit"}
    with pytest.raises(InvalidFacts) as caught:
        Records(track=-1)
    assert set(caught.value.errors) == {"records.track"}
    assert Facts(illegal_gain=5000).illegal_gain == Decimal("5000.00")  # type: ignore[arg-type]


def test_facts_round_trip_through_their_dict() -> None:
    facts = parse_facts({"records": {"track": 3}, "illegal_gain": 12.5, "unit": True})
    assert parse_facts(facts.to_dict()) == facts
    assert facts.to_dict()["illegal_gain"] == "12.50"
