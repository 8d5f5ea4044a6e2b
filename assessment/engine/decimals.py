"""Exact arithmetic and the normalized text of numbers ("1.2", "0", "10", "5000.50")."""

from __future__ import annotations

from decimal import ROUND_FLOOR, Decimal, Inexact, localcontext
from fractions import Fraction


def exact_decimal(value: Fraction) -> Decimal:
    """``value`` as a Decimal, exactly; ValueError if it has no terminating decimal form.

    The assessment only divides by 50, 500, 5000 and their halves and tenfolds (powers of 2
    and 5), so every quotient terminates; the check guards that promise.
    """
    numerator, denominator = value.numerator, value.denominator
    with localcontext() as context:
        context.prec = len(str(abs(numerator))) + 4 * len(str(denominator)) + 10
        context.traps[Inexact] = True
        try:
            return Decimal(numerator) / Decimal(denominator)
        except Inexact:
            raise ValueError(f"{value} 不是有限小数") from None


def ratio(value: Decimal, limit: Decimal) -> Decimal:
    """``value / limit`` computed exactly."""
    return exact_decimal(Fraction(value) / Fraction(limit))


def format_number(value: Decimal) -> str:
    """Plain positional text without trailing zeros: 1.2000 → "1.2", 10 → "10", 0.0 → "0"."""
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def format_money(value: Decimal) -> str:
    """元 amounts: whole amounts without decimals ("5000"), others with two ("12.50")."""
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.quantize(Decimal("0.01")), "f")


def format_quantity(value: Decimal, unit: str) -> str:
    """A measure with its unit, for sentences: "60 条", "5000 元", "1.2"."""
    if unit == "元":
        return f"{format_money(value)} 元"
    if unit:
        return f"{format_number(value)} {unit}"
    return format_number(value)


def floor_percent(value: Decimal) -> str:
    """A ratio as a whole percentage, rounded down so 99.9% never shows as "100%"."""
    percent = (value * 100).to_integral_value(rounding=ROUND_FLOOR)
    return f"{int(percent)}%"
