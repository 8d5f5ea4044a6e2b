"""The input fields of the assessment, in the order and groups every adapter shows them.

The web form, the API's schema and the CLI's options all read their field names from here,
and the form's group headings take their numbers from ``thresholds.py``: a law number is typed
in once, there.
"""

from __future__ import annotations

from typing import NamedTuple

from assessment.engine.kinds import RECORD_KEYS, RECORD_KINDS
from assessment.engine.thresholds import TIER_THRESHOLDS, Threshold

RECORD_FIELDS: tuple[str, ...] = RECORD_KEYS
MONEY_FIELDS: tuple[str, ...] = ("illegal_gain", "business_profit")


class FieldGroup(NamedTuple):
    legend: str
    fields: tuple[str, ...]


# The yes/no facts, grouped as a person would think of them.
FLAG_GROUPS: tuple[FieldGroup, ...] = (
    FieldGroup("信息来源与行为主体", ("obtained_in_duty", "anonymized", "unit")),
    FieldGroup(
        "对象与后果",
        (
            "track_used_in_crime",
            "knew_recipient_criminal",
            "victim_severe_harm",
            "major_loss_or_bad_influence",
        ),
    ),
    # Not "前科": an administrative penalty (解释第五条第一款第九项) is no criminal record.
    FieldGroup("此前受过的处罚", ("prior_criminal_record", "prior_admin_penalty_2y")),
    FieldGroup("从宽情节（解释第十条）", ("first_offense", "returned_all_gains", "remorse")),
)
FLAG_FIELDS: tuple[str, ...] = tuple(key for group in FLAG_GROUPS for key in group.fields)

_ITEM_NUMERALS = {3: "三", 4: "四", 5: "五"}


def _tier_legend(threshold: Threshold, keys: tuple[str, ...]) -> str:
    """E.g. "行踪轨迹信息等（第三项：合计 50 条）", the number read from the threshold."""
    total = "合计 " if len(keys) > 1 else ""
    item = _ITEM_NUMERALS[threshold.item]
    return f"{threshold.label}（第{item}项：{total}{threshold.limit} {threshold.unit}）"


# The record counts grouped by tier (解释第五条第一款第三、四、五项), then the rest.
FIELD_GROUPS: tuple[FieldGroup, ...] = (
    *(
        FieldGroup(_tier_legend(threshold, keys), keys)
        for tier, threshold in TIER_THRESHOLDS.items()
        for keys in [tuple(kind.key for kind in RECORD_KINDS if kind.tier == tier)]
    ),
    FieldGroup("金额", MONEY_FIELDS),
    *FLAG_GROUPS,
)
