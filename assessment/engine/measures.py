"""The quantity standards of 解释第五条 (第一款第三至八项, 第二款第三项) measured against facts."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

from assessment.engine.decimals import exact_decimal, format_number, format_quantity
from assessment.engine.facts import Facts, Records
from assessment.engine.law_texts import ARTICLE5_ESPECIALLY_SERIOUS, ARTICLE5_SERIOUS
from assessment.engine.thresholds import (
    ARTICLE5_MEASURES,
    COUNT_THRESHOLDS,
    ILLEGAL_GAIN,
    PROPORTIONAL,
    TIER_THRESHOLDS,
    Scale,
    Threshold,
    scale_provision,
    scaled_limit,
)


# Every measure at every scale, and every bar, asks for the same sum of the same frozen records:
# remembering the last few keeps one assessment from redoing the exact Fraction arithmetic.
@lru_cache(maxsize=128)
def proportional_sum(records: Records) -> Decimal:
    """解释第五条第一款第六项: A/50 + B/500 + C/5000, exact (30 A + 300 B → 1.2)."""
    total = sum(
        (Fraction(records.tier_total(tier)) / Fraction(threshold.limit))
        for tier, threshold in TIER_THRESHOLDS.items()
    )
    return exact_decimal(Fraction(total))


def measure_values(facts: Facts) -> dict[str, Decimal]:
    """The user's figure for each measure of 解释第五条第一款第三至七项, keyed by threshold."""
    values = {
        threshold.key: Decimal(facts.records.tier_total(tier))
        for tier, threshold in TIER_THRESHOLDS.items()
    }
    values[PROPORTIONAL.key] = proportional_sum(facts.records)
    values[ILLEGAL_GAIN.key] = facts.illegal_gain
    return values


@dataclass(frozen=True)
class Measure:
    """One measure compared with its standard at one scale."""

    threshold: Threshold
    scale: Scale
    value: Decimal
    limit: Decimal
    reached: bool  # value >= limit (刑法第九十九条: 以上包括本数)
    # 第六项 only covers quantities that "未达到第三项至第五项规定标准": at each scale, the
    # proportional sum is not a ground of its own once one kind alone reaches its standard.
    applies: bool

    @property
    def met(self) -> bool:
        return self.reached and self.applies

    @property
    def provision(self) -> str:
        return scale_provision(self.threshold, self.scale)

    @property
    def key(self) -> str:
        if self.scale.key == "normal":
            return self.threshold.key
        return f"{self.threshold.key}_{self.scale.key}"


def measure(facts: Facts, scale: Scale) -> tuple[Measure, ...]:
    """Items 3–7 of 解释第五条第一款 at ``scale`` (normal, halved, tenfold, halved tenfold)."""
    values = measure_values(facts)
    counts_reached = any(
        values[threshold.key] >= scaled_limit(threshold, scale) for threshold in COUNT_THRESHOLDS
    )
    measures = []
    for threshold in ARTICLE5_MEASURES:
        limit = scaled_limit(threshold, scale)
        measures.append(
            Measure(
                threshold=threshold,
                scale=scale,
                value=values[threshold.key],
                limit=limit,
                reached=values[threshold.key] >= limit,
                applies=threshold is not PROPORTIONAL or not counts_reached,
            )
        )
    return tuple(measures)


def ground_text(item: Measure) -> str:
    """The verbatim rule a quantity ground cites."""
    if item.scale.key == "normal":
        return ARTICLE5_SERIOUS[item.threshold.item]
    if item.scale.key == "halved":
        return ARTICLE5_SERIOUS[8]
    return ARTICLE5_ESPECIALLY_SERIOUS[3]


def _scale_note(item: Measure) -> str:
    threshold = item.threshold
    base = format_quantity(threshold.limit, threshold.unit)
    if item.scale.key == "halved":
        return f"（第{_item(threshold)}项标准 {base}的一半）"
    if item.scale.key == "tenfold":
        return f"（第一款第{_item(threshold)}项标准 {base}的十倍）"
    if item.scale.key == "halved_tenfold":
        return f"（第一款第八项标准的十倍，即第{_item(threshold)}项标准 {base}的一半的十倍）"
    return ""


def _item(threshold: Threshold) -> str:
    return "三四五六七"[threshold.item - 3]


def proportional_terms(facts: Facts) -> str:
    """ "30/50 + 300/500 + 0/5000": the terms of the proportional sum."""
    return " + ".join(
        f"{facts.records.tier_total(tier)}/{format_number(threshold.limit)}"
        for tier, threshold in TIER_THRESHOLDS.items()
    )


def describe(item: Measure, facts: Facts) -> str:
    """The facts of a ground: "行踪轨迹信息等 60 条 ≥ 50 条"."""
    threshold = item.threshold
    limit = format_quantity(item.limit, threshold.unit)
    if threshold is PROPORTIONAL:
        value = f"{format_number(item.value)}（{proportional_terms(facts)}）"
        return f"{threshold.label} {value} ≥ {limit}，各类均未单独达到标准{_scale_note(item)}"
    value = format_quantity(item.value, threshold.unit)
    return f"{threshold.label} {value} ≥ {limit}{_scale_note(item)}"
