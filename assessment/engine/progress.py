"""``progress_bars``: how close each figure is to its standard, for the result's picture."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from assessment.engine.decimals import floor_percent, format_number, format_quantity, ratio
from assessment.engine.facts import Facts
from assessment.engine.kinds import PURCHASE_FOR_BUSINESS
from assessment.engine.measures import Measure, measure
from assessment.engine.result import Result
from assessment.engine.thresholds import (
    BUSINESS_PROFIT,
    HALVED,
    HALVED_TENFOLD,
    NORMAL,
    TENFOLD,
    Scale,
)

_STAGE_NAMES = {"serious": "情节严重", "especially_serious": "情节特别严重"}
_ONE = Decimal(1)


@dataclass(frozen=True)
class Bar:
    """One figure against one standard. ``ratio`` is exact and may exceed 1; ``fill`` is the
    same capped to 0..1 for drawing. ``text`` says it all in one sentence for screen readers."""

    key: str
    label: str
    value: Decimal
    limit: Decimal
    unit: str  # "条", "元" or ""
    provision: str
    reached: bool
    ratio: Decimal
    fill: Decimal
    text: str
    stage: str  # "serious" | "especially_serious"

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "value": format_number(self.value),
            "limit": format_number(self.limit),
            "unit": self.unit,
            "provision": self.provision,
            "reached": self.reached,
            "ratio": format_number(self.ratio),
            "fill": format_number(self.fill),
            "text": self.text,
            "stage": self.stage,
        }


def _make_bar(
    key: str,
    label: str,
    value: Decimal,
    limit: Decimal,
    unit: str,
    provision: str,
    stage: str,
    note: str = "",
) -> Bar:
    exact = ratio(value, limit)
    reached = value >= limit
    text = (
        f"{label} {format_quantity(value, unit)}，{_STAGE_NAMES[stage]}标准 "
        f"{format_quantity(limit, unit)}（{provision}{note}），已达 {floor_percent(exact)}"
    )
    if reached:
        text += "，已达到标准"
    return Bar(
        key=key,
        label=label,
        value=value,
        limit=limit,
        unit=unit,
        provision=provision,
        reached=reached,
        ratio=exact,
        fill=min(exact, _ONE),
        text=text,
        stage=stage,
    )


def _scale_note(item: Measure) -> str:
    item_name = "三四五六七"[item.threshold.item - 3]
    return {
        "normal": "",
        "halved": f"，第{item_name}项标准的一半",
        "tenfold": f"，第一款第{item_name}项标准的十倍",
        "halved_tenfold": f"，第一款第八项标准的十倍，即第{item_name}项标准的一半的十倍",
    }[item.scale.key]


def _measure_bar(item: Measure) -> Bar:
    return _make_bar(
        key=item.key,
        label=item.threshold.label,
        value=item.value,
        limit=item.limit,
        unit=item.threshold.unit,
        provision=item.provision,
        stage=item.scale.stage,
        note=_scale_note(item),
    )


def progress_bars(facts: Facts, result: Result) -> list[Bar]:
    """Bars for the standards that decide this case: for 解释第五条 the five measures of
    第一款第三至七项 (halved under 第八项 where it applies), then the same at ten times
    (第二款第三项); for a lawful-business purchase also the profit standard of 解释第六条
    (alone, when only tier C information was bought). None when 解释第三条第二款 excludes
    the conduct, since no standard applies then."""
    if result.exclusions:
        return []
    bars: list[Bar] = []
    if result.standard != "business":
        scales: tuple[Scale, ...] = (
            (HALVED, HALVED_TENFOLD) if result.standard == "halved" else (NORMAL, TENFOLD)
        )
        bars += [_measure_bar(item) for scale in scales for item in measure(facts, scale)]
    if result.conduct == PURCHASE_FOR_BUSINESS:
        bars.append(
            _make_bar(
                key=BUSINESS_PROFIT.key,
                label=BUSINESS_PROFIT.label,
                value=facts.business_profit,
                limit=BUSINESS_PROFIT.limit,
                unit=BUSINESS_PROFIT.unit,
                provision=BUSINESS_PROFIT.provision,
                stage="serious",
            )
        )
    return bars
