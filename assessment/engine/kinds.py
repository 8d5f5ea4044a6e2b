"""The vocabulary of the assessment: kinds of information, their tiers, and the conducts.

The tiers follow 解释第五条第一款: tier "A" is 第三项 (50 条), tier "B" is 第四项 (500 条),
tier "C" is 第五项 (5000 条). The numbers themselves live in ``thresholds.py``.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

Tier = Literal["A", "B", "C"]
ConductKey = Literal["provide", "obtain", "purchase_for_business"]

PROVIDE: ConductKey = "provide"
OBTAIN: ConductKey = "obtain"
PURCHASE_FOR_BUSINESS: ConductKey = "purchase_for_business"


class RecordKind(NamedTuple):
    """One kind of personal information; unpacks as ``(key, label, tier)``."""

    key: str
    label: str
    tier: Tier


# In the order of 解释第五条第一款第三、四、五项.
RECORD_KINDS: tuple[RecordKind, ...] = (
    RecordKind("track", "行踪轨迹信息", "A"),
    RecordKind("communication_content", "通信内容", "A"),
    RecordKind("credit", "征信信息", "A"),
    RecordKind("property", "财产信息", "A"),
    RecordKind("lodging", "住宿信息", "B"),
    RecordKind("communication_record", "通信记录", "B"),
    RecordKind("health", "健康生理信息", "B"),
    RecordKind("transaction", "交易信息", "B"),
    RecordKind("other_safety", "其他可能影响人身、财产安全的公民个人信息", "B"),
    RecordKind("general", "第三项、第四项规定以外的公民个人信息", "C"),
)

RECORD_KEYS: tuple[str, ...] = tuple(kind.key for kind in RECORD_KINDS)
TIERS: tuple[Tier, ...] = ("A", "B", "C")


class Conduct(NamedTuple):
    """A conduct choice; unpacks as ``(key, label)`` so it can serve as form choices."""

    key: ConductKey
    label: str


CONDUCTS: tuple[Conduct, ...] = (
    # 刑法第二百五十三条之一第一款; 解释第三条 says what counts as 提供.
    Conduct(PROVIDE, "出售或者提供公民个人信息"),
    # 刑法第二百五十三条之一第三款; 解释第四条 (购买、收受、交换, or collecting in duties).
    Conduct(OBTAIN, "窃取或者以其他方法非法获取公民个人信息"),
    # 解释第六条.
    Conduct(PURCHASE_FOR_BUSINESS, "为合法经营活动而非法购买、收受公民个人信息"),
)

CONDUCT_KEYS: tuple[str, ...] = tuple(conduct.key for conduct in CONDUCTS)
CONDUCT_LABELS: dict[str, str] = {conduct.key: conduct.label for conduct in CONDUCTS}
