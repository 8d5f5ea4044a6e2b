"""Every number of the assessment that encodes law, in one place, each with its provision.

Every threshold is inclusive: 刑法第九十九条 "本法所称以上、以下、以内，包括本数", and the
interpretation's standards are all written "…以上". Compare with ``>=`` and never round first.

Only the base standards of 解释第五条第一款第三项至第七项 and 解释第六条第一款第一项 are typed in
as numbers. The halved standards (第五条第一款第八项) and the tenfold ones (第五条第二款第三项)
are derived from them with the two factors below.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from assessment.engine.kinds import Tier

Stage = Literal["serious", "especially_serious"]


@dataclass(frozen=True)
class Threshold:
    """A standard "…以上" of one measure (a count in 条, an amount in 元, or a plain ratio)."""

    key: str
    limit: Decimal
    unit: str  # "条", "元" or "" (the proportional sum has no unit)
    provision: str
    label: str  # what is measured, in Chinese
    item: int  # the 项 of the paragraph in ``provision``


# 解释第五条第一款第三项: 行踪轨迹信息、通信内容、征信信息、财产信息五十条以上.
TIER_A = Threshold(
    key="tier_a",
    limit=Decimal(50),
    unit="条",
    provision="解释第五条第一款第三项",
    label="行踪轨迹信息等",
    item=3,
)
# 解释第五条第一款第四项: 住宿信息、通信记录、健康生理信息、交易信息等五百条以上.
TIER_B = Threshold(
    key="tier_b",
    limit=Decimal(500),
    unit="条",
    provision="解释第五条第一款第四项",
    label="住宿信息等",
    item=4,
)
# 解释第五条第一款第五项: 第三项、第四项规定以外的公民个人信息五千条以上.
TIER_C = Threshold(
    key="tier_c",
    limit=Decimal(5000),
    unit="条",
    provision="解释第五条第一款第五项",
    label="其他公民个人信息",
    item=5,
)
# 解释第五条第一款第六项: 按相应比例合计达到有关数量标准, i.e. A/50 + B/500 + C/5000 >= 1.
PROPORTIONAL = Threshold(
    key="proportional",
    limit=Decimal(1),
    unit="",
    provision="解释第五条第一款第六项",
    label="按比例合计",
    item=6,
)
# 解释第五条第一款第七项: 违法所得五千元以上.
ILLEGAL_GAIN = Threshold(
    key="illegal_gain",
    limit=Decimal(5000),
    unit="元",
    provision="解释第五条第一款第七项",
    label="违法所得",
    item=7,
)
# 解释第六条第一款第一项: 利用非法购买、收受的公民个人信息获利五万元以上.
BUSINESS_PROFIT = Threshold(
    key="business_profit",
    limit=Decimal(50000),
    unit="元",
    provision="解释第六条第一款第一项",
    label="利用非法购买、收受的公民个人信息获利",
    item=1,
)

TIER_THRESHOLDS: dict[Tier, Threshold] = {"A": TIER_A, "B": TIER_B, "C": TIER_C}
COUNT_THRESHOLDS: tuple[Threshold, ...] = (TIER_A, TIER_B, TIER_C)
# 解释第五条第一款第三项至第七项, the measures that 第八项 halves and 第二款第三项 multiplies.
ARTICLE5_MEASURES: tuple[Threshold, ...] = (TIER_A, TIER_B, TIER_C, PROPORTIONAL, ILLEGAL_GAIN)


@dataclass(frozen=True)
class Scale:
    """A multiple of the base standards and the provision that creates it."""

    key: Literal["normal", "halved", "tenfold", "halved_tenfold"]
    factor: Decimal
    provision: str | None  # None: the base provision of each threshold applies
    stage: Stage


# 解释第五条第一款第八项: 数量或者数额达到第三项至第七项规定标准一半以上.
HALF = Decimal("0.5")
# 解释第五条第二款第三项: 数量或者数额达到前款第三项至第八项规定标准十倍以上.
TEN_TIMES = Decimal(10)

NORMAL = Scale(key="normal", factor=Decimal(1), provision=None, stage="serious")
HALVED = Scale(key="halved", factor=HALF, provision="解释第五条第一款第八项", stage="serious")
TENFOLD = Scale(
    key="tenfold", factor=TEN_TIMES, provision="解释第五条第二款第三项", stage="especially_serious"
)
# Ten times the 第八项 standard, itself half of 第三项至第七项 (解释第五条第二款第三项).
HALVED_TENFOLD = Scale(
    key="halved_tenfold",
    factor=HALF * TEN_TIMES,
    provision="解释第五条第二款第三项",
    stage="especially_serious",
)


def scaled_limit(threshold: Threshold, scale: Scale) -> Decimal:
    """The limit of ``threshold`` at ``scale``, exact (50 × 0.5 = 25, 50 × 10 = 500)."""
    return threshold.limit * scale.factor


def scale_provision(threshold: Threshold, scale: Scale) -> str:
    """The provision a ground at this scale cites (the scale's own, else the base item)."""
    return scale.provision or threshold.provision


# 解释第十二条: 罚金数额一般在违法所得的一倍以上五倍以下.
FINE_PROVISION = "解释第十二条"
FINE_MIN_MULTIPLE = Decimal(1)
FINE_MAX_MULTIPLE = Decimal(5)
