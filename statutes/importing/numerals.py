"""Chinese numerals as they appear in article numbers (第一千零七十九条, 第二百五十三条之一)."""

from __future__ import annotations

_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_UNITS = {"十": 10, "百": 100, "千": 1000}


def chinese_to_int(text: str) -> int:
    """Convert a Chinese numeral below 10 000 (e.g. "一千二百六十") to an int.

    Raises ValueError on anything that is not such a numeral.
    """
    if not text:
        raise ValueError("空的数字")
    total = 0
    digit: int | None = None
    for char in text:
        if char in _DIGITS:
            if digit:
                # "二五三" is not a numeral statutes use; reading it as 3 would cite the wrong article.
                raise ValueError(f"不是中文数字：{text}")
            digit = _DIGITS[char]
        elif char in _UNITS:
            # "十" alone at the start means 10 (第十条, 第十一条).
            total += (1 if digit is None else digit) * _UNITS[char]
            digit = None
        else:
            raise ValueError(f"不是中文数字：{text}")
    return total + (digit or 0)


def int_to_chinese(number: int) -> str:
    """The inverse of chinese_to_int for 1..9999, in the form statutes use (第十条, 第一百零五条)."""
    if not 0 < number < 10000:
        raise ValueError(f"超出范围：{number}")
    digits = "零一二三四五六七八九"
    parts: list[str] = []
    zero_pending = False
    for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = number // unit_value % 10
        if d == 0:
            if parts:
                zero_pending = True
            continue
        if zero_pending:
            parts.append("零")
            zero_pending = False
        parts.append(digits[d] + unit)
    result = "".join(parts)
    # 十一 rather than 一十一 when the number starts with the tens.
    return result[1:] if result.startswith("一十") else result
