"""The facts a user enters: the frozen input dataclasses and their strict parsing.

Accepted input (documented for the form, CLI and API):

- counts (``records.*``): ``int`` (not ``bool``); an integral JSON float such as ``3.0``
  or an integral ``Decimal`` is accepted as that integer; strings are rejected (the contract
  says counts are integers); at most ``MAX_COUNT``.
- money (``illegal_gain``, ``business_profit``): a string of ASCII digits with an optional
  point and one or two decimals ("5000", "5000.5", "5000.50"); or a number (``int``, finite
  ``float`` or ``Decimal``) whose value has at most two decimals; at most ``MAX_MONEY`` 元.
  Rejected: ``bool``, negative, NaN/Infinity, exponent notation in strings, separators
  ("1,000"), spaces, more than two decimals in the written form.
- flags: real booleans only.
- ``null`` is rejected everywhere: leave a field out to get its default.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from decimal import Decimal
from typing import Any

from assessment.engine.kinds import CONDUCT_KEYS, CONDUCTS, RECORD_KEYS, RECORD_KINDS, Tier

# Input limits, not law: they keep absurd values out of databases and displays.
MAX_COUNT = 10**12
MAX_MONEY = Decimal(10**13)

_MONEY_RE = re.compile(r"[0-9]+(?:\.[0-9]{1,2})?")
_CENT = Decimal("0.01")

NON_FIELD_ERRORS = "non_field_errors"
MSG_UNKNOWN = "未知字段：{key}"
MSG_COUNT = "必须是非负整数"
MSG_MONEY_DECIMALS = "金额最多保留两位小数"
MSG_BOOL = "必须是布尔值 true 或 false"


class InvalidFacts(ValueError):
    """The input was rejected; ``errors`` maps each field (``records.track`` for nested
    ones, ``non_field_errors`` for the whole input) to its messages in Chinese."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        self.errors = errors
        summary = "；".join(f"{key}: {'，'.join(messages)}" for key, messages in errors.items())
        super().__init__(f"输入有误：{summary}")


def _type_name(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "布尔值"
    if isinstance(value, str):
        return "字符串"
    if isinstance(value, int | float | Decimal):
        return "数字"
    if isinstance(value, Mapping):
        return "对象"
    if isinstance(value, list | tuple):
        return "数组"
    return type(value).__name__


def _is_finite(value: float | Decimal) -> bool:
    # math.isfinite would turn Decimal("1E+999999") into float inf.
    return value.is_finite() if isinstance(value, Decimal) else math.isfinite(value)


def clean_count(value: object) -> int:
    """A record count, or ValueError with the message to show."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise ValueError(f"{MSG_COUNT}，收到的是{_type_name(value)}")
    if isinstance(value, float | Decimal) and not _is_finite(value):
        raise ValueError(f"{MSG_COUNT}，收到的不是有限的数字")
    if value < 0:
        raise ValueError(f"{MSG_COUNT}，不能为负数")
    # Size first, so int() below never builds a gigantic integer from a Decimal like 1E+999999.
    if value > MAX_COUNT:
        raise ValueError(f"数值过大，不得超过 {MAX_COUNT}")
    if value != int(value):
        raise ValueError(f"{MSG_COUNT}，不能有小数")
    return int(value)


def _money_from_text(text: str) -> Decimal:
    if _MONEY_RE.fullmatch(text):
        return Decimal(text)
    stripped = text.strip()
    if not stripped:
        raise ValueError('金额不能为空；没有请填 "0"')
    if stripped.startswith("-"):
        raise ValueError("金额不能为负数")
    if "," in text or "，" in text:
        raise ValueError("金额不要使用千位分隔符（逗号）")
    if re.fullmatch(r"[0-9.]+[eE][+-]?[0-9]+", stripped):
        raise ValueError("金额不接受科学计数法，请直接写数字")
    if re.fullmatch(r"[0-9]+\.[0-9]{3,}", text):
        raise ValueError(MSG_MONEY_DECIMALS)
    raise ValueError('金额格式不正确，应为非负数字，最多两位小数，例如 "5000" 或 "5000.50"')


def clean_money(value: object) -> Decimal:
    """An amount in 元, quantized to cents, or ValueError with the message to show."""
    if isinstance(value, str):
        amount = _money_from_text(value)
    elif isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise ValueError(f"金额必须是数字或数字字符串，收到的是{_type_name(value)}")
    elif isinstance(value, int):
        amount = Decimal(value)
    else:
        if not _is_finite(value):
            raise ValueError("金额必须是有限的数字")
        # repr of a float is its shortest round-tripping decimal: 0.1 → "0.1".
        amount = Decimal(repr(value)) if isinstance(value, float) else value
    if amount < 0:
        raise ValueError("金额不能为负数")
    if amount > MAX_MONEY:
        raise ValueError(f"金额过大，不得超过 {MAX_MONEY} 元")
    if amount != amount.quantize(_CENT):
        raise ValueError(MSG_MONEY_DECIMALS)
    return abs(amount.quantize(_CENT))  # abs: a Decimal("-0") becomes 0.00


def clean_bool(value: object) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"{MSG_BOOL}，收到的是{_type_name(value)}")
    return value


def clean_conduct(value: object) -> str:
    if not isinstance(value, str) or value not in CONDUCT_KEYS:
        choices = "、".join(f"{key}（{label}）" for key, label in CONDUCTS)
        raise ValueError(f"必须是以下之一：{choices}")
    return value


@dataclass(frozen=True)
class Records:
    """Record counts per kind (解释第五条第一款第三至五项); see ``RECORD_KINDS``."""

    track: int = 0
    communication_content: int = 0
    credit: int = 0
    property: int = 0
    lodging: int = 0
    communication_record: int = 0
    health: int = 0
    transaction: int = 0
    other_safety: int = 0
    general: int = 0

    def __post_init__(self) -> None:
        errors: dict[str, list[str]] = {}
        for key in RECORD_KEYS:
            try:
                object.__setattr__(self, key, clean_count(getattr(self, key)))
            except ValueError as error:
                errors[f"records.{key}"] = [str(error)]
        if errors:
            raise InvalidFacts(errors)

    def tier_total(self, tier: Tier) -> int:
        return sum(getattr(self, kind.key) for kind in RECORD_KINDS if kind.tier == tier)

    def to_dict(self) -> dict[str, int]:
        return {key: getattr(self, key) for key in RECORD_KEYS}


@dataclass(frozen=True)
class Facts:
    """The facts of one case; defaults exactly as the contract's input."""

    conduct: str = "provide"
    records: Records = field(default_factory=Records)
    illegal_gain: Decimal = Decimal("0.00")
    business_profit: Decimal = Decimal("0.00")
    obtained_in_duty: bool = False
    track_used_in_crime: bool = False
    knew_recipient_criminal: bool = False
    prior_criminal_record: bool = False
    prior_admin_penalty_2y: bool = False
    victim_severe_harm: bool = False
    major_loss_or_bad_influence: bool = False
    first_offense: bool = False
    returned_all_gains: bool = False
    remorse: bool = False
    unit: bool = False
    anonymized: bool = False

    def __post_init__(self) -> None:
        # Built directly by code, the same rules hold as for parsed input; values are
        # normalized (e.g. illegal_gain=5000 becomes Decimal("5000.00")).
        errors: dict[str, list[str]] = {}
        for name, cleaner in _FIELD_CLEANERS.items():
            if name == "records":
                if not isinstance(self.records, Records):
                    errors[name] = ["必须是 Records"]
                continue
            try:
                object.__setattr__(self, name, cleaner(getattr(self, name)))
            except ValueError as error:
                errors[name] = [str(error)]
        if errors:
            raise InvalidFacts(errors)

    def to_dict(self) -> dict[str, Any]:
        """The canonical input JSON (money as strings with two decimals)."""
        data: dict[str, Any] = {}
        for item in fields(self):
            value = getattr(self, item.name)
            if isinstance(value, Records):
                data[item.name] = value.to_dict()
            elif isinstance(value, Decimal):
                data[item.name] = str(value)
            else:
                data[item.name] = value
        return data


_FIELD_CLEANERS: dict[str, Callable[[object], object]] = {
    "conduct": clean_conduct,
    "records": lambda value: value,
    "illegal_gain": clean_money,
    "business_profit": clean_money,
}
_FIELD_CLEANERS |= {
    item.name: clean_bool for item in fields(Facts) if item.name not in _FIELD_CLEANERS
}
FIELD_NAMES: tuple[str, ...] = tuple(item.name for item in fields(Facts))


def _parse_records(value: object, errors: dict[str, list[str]]) -> Records | None:
    if not isinstance(value, Mapping):
        errors["records"] = [f'必须是对象，例如 {{"track": 30}}，收到的是{_type_name(value)}']
        return None
    counts: dict[str, int] = {}
    for key, count in value.items():
        if key not in RECORD_KEYS:
            errors[f"records.{key}"] = [MSG_UNKNOWN.format(key=key)]
            continue
        try:
            counts[key] = clean_count(count)
        except ValueError as error:
            errors[f"records.{key}"] = [str(error)]
    return Records(**counts)


def parse_facts(data: object) -> Facts:
    """Validate JSON-like input into Facts; raises InvalidFacts listing every bad field."""
    if not isinstance(data, Mapping):
        raise InvalidFacts(
            {NON_FIELD_ERRORS: [f"输入必须是 JSON 对象（键值对），收到的是{_type_name(data)}"]}
        )
    errors: dict[str, list[str]] = {}
    cleaned: dict[str, Any] = {}
    for key, value in data.items():
        if key not in FIELD_NAMES:
            errors[str(key)] = [MSG_UNKNOWN.format(key=key)]
        elif key == "records":
            cleaned[key] = _parse_records(value, errors)
        else:
            try:
                cleaned[key] = _FIELD_CLEANERS[key](value)
            except ValueError as error:
                errors[key] = [str(error)]
    if errors:
        raise InvalidFacts(errors)
    return Facts(**cleaned)
