"""``assess``: which provisions the facts meet, and what follows from the level reached."""

from __future__ import annotations

from assessment.engine.caveats import caveats_for, is_first_offense
from assessment.engine.decimals import format_money
from assessment.engine.facts import Facts
from assessment.engine.kinds import PROVIDE, PURCHASE_FOR_BUSINESS
from assessment.engine.law_texts import (
    ARTICLE3_P2,
    ARTICLE5_ESPECIALLY_SERIOUS,
    ARTICLE5_SERIOUS,
    ARTICLE6_SERIOUS,
    ARTICLE12_FINE,
    CRIMINAL_LAW_P2,
)
from assessment.engine.measures import describe, ground_text, measure, proportional_sum
from assessment.engine.result import FineRange, Ground, Level, Note, Result, Standard
from assessment.engine.thresholds import (
    BUSINESS_PROFIT,
    FINE_MAX_MULTIPLE,
    FINE_MIN_MULTIPLE,
    FINE_PROVISION,
    HALVED,
    HALVED_TENFOLD,
    NORMAL,
    TENFOLD,
    Scale,
)

ANONYMIZED_EXCLUSION = Note(
    provision="解释第三条第二款",
    text=(
        f"{ARTICLE3_P2}。所提供的信息经过处理无法识别特定个人且不能复原，"
        "不属于“提供公民个人信息”，因此不评估情节。"
    ),
)


def standard_for(facts: Facts) -> Standard:
    """Which standards decide the level.

    "business": 解释第六条 alone, for a lawful-business purchase of tier C information only
    (第六条 covers only information "第三项、第四项规定以外"; with any tier A/B records 第五条
    applies as for 非法获取, besides 第六条).
    "halved": 解释第五条第一款第八项, selling or providing information obtained in duties.
    """
    records = facts.records
    tier_c_only = not records.tier_total("A") and not records.tier_total("B")
    if facts.conduct == PURCHASE_FOR_BUSINESS and tier_c_only:
        return "business"
    if facts.conduct == PROVIDE and facts.obtained_in_duty:
        return "halved"
    return "normal"


def assess(facts: Facts) -> Result:
    """Assess the facts; every provision met is a ground, the highest stage is the level."""
    standard = standard_for(facts)
    psum = proportional_sum(facts.records)
    if facts.conduct == PROVIDE and facts.anonymized:
        return Result(
            level="none",
            conduct=facts.conduct,
            standard=standard,
            unit=facts.unit,
            proportional_sum=psum,
            exclusions=(ANONYMIZED_EXCLUSION,),
            caveats=caveats_for(facts, "none", standard),
        )
    grounds: tuple[Ground, ...] = ()
    if standard != "business":
        grounds += article5_grounds(facts, halved=standard == "halved")
    if facts.conduct == PURCHASE_FOR_BUSINESS:
        # 第六条 judges the purchase of the information "第三项、第四项规定以外" by profit and
        # prior record, not by counts. Tier A/B records bought alongside fall under 第五条 as
        # 非法获取 (the spec), but they do not take the tier C purchase out of 第六条; so its
        # grounds are checked either way, and more records can never lower the level.
        grounds += article6_grounds(facts)
    level = level_of(grounds)
    return Result(
        level=level,
        conduct=facts.conduct,
        standard=standard,
        unit=facts.unit,
        proportional_sum=psum,
        grounds=grounds,
        aggravations=aggravations(facts, level),
        leniency=leniency(facts, level),
        fine_range=fine_range(facts, level),
        caveats=caveats_for(facts, level, standard),
    )


def level_of(grounds: tuple[Ground, ...]) -> Level:
    stages = {ground.stage for ground in grounds}
    if "especially_serious" in stages:
        return "especially_serious"
    return "serious" if "serious" in stages else "none"


def _quantity_grounds(facts: Facts, scales: tuple[Scale, ...]) -> list[Ground]:
    """A ground for every quantity standard met at any of ``scales``."""
    return [
        Ground(
            provision=item.provision,
            text=ground_text(item),
            facts=describe(item, facts),
            stage=item.scale.stage,
            key=item.key,
        )
        for scale in scales
        for item in measure(facts, scale)
        if item.met
    ]


def _prior_record_facts(facts: Facts, again: str) -> str:
    parts = []
    if facts.prior_criminal_record:
        parts.append("曾因侵犯公民个人信息受过刑事处罚")
    if facts.prior_admin_penalty_2y:
        parts.append("二年内因侵犯公民个人信息受过行政处罚")
    return f"{'，并且'.join(parts)}，又{again}"


def article5_grounds(facts: Facts, *, halved: bool) -> tuple[Ground, ...]:
    """Every provision of 解释第五条 met, in statutory order.

    第五条第二款 applies to whoever 实施前款规定的行为 (非法获取、出售或者提供), so its items
    are checked for every such conduct, whether or not a 第一款 item is met.
    """
    provide = facts.conduct == PROVIDE
    grounds: list[Ground] = []
    if provide and facts.track_used_in_crime:
        grounds.append(
            Ground(
                provision="解释第五条第一款第一项",
                text=ARTICLE5_SERIOUS[1],
                facts="出售或者提供的行踪轨迹信息被他人用于犯罪",
                stage="serious",
                key="track_used_in_crime",
            )
        )
    if provide and facts.knew_recipient_criminal:
        grounds.append(
            Ground(
                provision="解释第五条第一款第二项",
                text=ARTICLE5_SERIOUS[2],
                facts="知道或者应当知道他人利用公民个人信息实施犯罪，仍向其出售或者提供",
                stage="serious",
                key="knew_recipient_criminal",
            )
        )
    grounds += _quantity_grounds(facts, (NORMAL, HALVED) if halved else (NORMAL,))
    if facts.prior_criminal_record or facts.prior_admin_penalty_2y:
        again = "出售或者提供公民个人信息" if provide else "非法获取公民个人信息"
        grounds.append(
            Ground(
                provision="解释第五条第一款第九项",
                text=ARTICLE5_SERIOUS[9],
                facts=_prior_record_facts(facts, again),
                stage="serious",
                key="prior_record",
            )
        )
    if facts.victim_severe_harm:
        grounds.append(
            Ground(
                provision="解释第五条第二款第一项",
                text=ARTICLE5_ESPECIALLY_SERIOUS[1],
                facts="造成被害人死亡、重伤、精神失常或者被绑架等严重后果",
                stage="especially_serious",
                key="victim_severe_harm",
            )
        )
    if facts.major_loss_or_bad_influence:
        grounds.append(
            Ground(
                provision="解释第五条第二款第二项",
                text=ARTICLE5_ESPECIALLY_SERIOUS[2],
                facts="造成重大经济损失或者恶劣社会影响",
                stage="especially_serious",
                key="major_loss_or_bad_influence",
            )
        )
    grounds += _quantity_grounds(facts, (TENFOLD, HALVED_TENFOLD) if halved else (TENFOLD,))
    return tuple(grounds)


def article6_grounds(facts: Facts) -> tuple[Ground, ...]:
    """解释第六条第一款, for a lawful-business purchase of tier C information only.

    第六条 has no 情节特别严重 clause, and 第五条第二款 reaches "前款规定的行为", i.e. the
    conduct of 第五条第一款, which 第六条 deliberately sets apart with its own standard.
    So these cases stop at 情节严重; a caveat says so where the facts point higher.
    """
    grounds: list[Ground] = []
    if facts.business_profit >= BUSINESS_PROFIT.limit:
        grounds.append(
            Ground(
                provision=BUSINESS_PROFIT.provision,
                text=ARTICLE6_SERIOUS[1],
                facts=(
                    f"{BUSINESS_PROFIT.label} {format_money(facts.business_profit)} 元"
                    f" ≥ {format_money(BUSINESS_PROFIT.limit)} 元"
                ),
                stage="serious",
                key="business_profit",
            )
        )
    if facts.prior_criminal_record or facts.prior_admin_penalty_2y:
        grounds.append(
            Ground(
                provision="解释第六条第一款第二项",
                text=ARTICLE6_SERIOUS[2],
                facts=_prior_record_facts(facts, "非法购买、收受公民个人信息"),
                stage="serious",
                key="business_prior_record",
            )
        )
    return tuple(grounds)


def aggravations(facts: Facts, level: Level) -> tuple[Note, ...]:
    """刑法第二百五十三条之一第二款: 依照前款的规定从重处罚, so only once 第一款 is reached."""
    if level != "none" and facts.conduct == PROVIDE and facts.obtained_in_duty:
        return (Note(provision="刑法第二百五十三条之一第二款", text=f"{CRIMINAL_LAW_P2}。"),)
    return ()


def leniency(facts: Facts, level: Level) -> Note | None:
    """解释第十条: not especially serious, first offence, all gains returned, remorse."""
    if (
        level == "serious"
        and is_first_offense(facts)
        and facts.returned_all_gains
        and facts.remorse
    ):
        return Note(
            provision="解释第十条",
            text=(
                "行为人系初犯，全部退赃，并确有悔罪表现，且不属于情节特别严重："
                "可以认定为情节轻微，不起诉或者免予刑事处罚；确有必要判处刑罚的，应当从宽处罚。"
            ),
        )
    return None


def fine_range(facts: Facts, level: Level) -> FineRange | None:
    """解释第十二条: a fine generally of 1–5 times the illegal gain, where there is a gain."""
    gain = facts.illegal_gain
    if level == "none" or gain <= 0:
        return None
    low, high = gain * FINE_MIN_MULTIPLE, gain * FINE_MAX_MULTIPLE
    payer = "单位犯罪的，对单位判处罚金；" if facts.unit else ""
    return FineRange(
        provision=FINE_PROVISION,
        min=low,
        max=high,
        text=(
            f"{ARTICLE12_FINE}：违法所得 {format_money(gain)} 元，{payer}罚金一般为 "
            f"{format_money(low)} 元至 {format_money(high)} 元；具体数额由法院综合考虑"
            "犯罪的危害程度、违法所得数额以及前科情况、认罪悔罪态度等确定。"
        ),
    )
