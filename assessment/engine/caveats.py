"""The caveats shown with every result: what the engine cannot decide, and why a flag or
figure the user entered did or did not count."""

from __future__ import annotations

from assessment.engine.facts import Facts
from assessment.engine.kinds import PROVIDE, PURCHASE_FOR_BUSINESS, TIERS
from assessment.engine.law_texts import ARTICLE6_P2, ARTICLE7, ARTICLE11, CRIMINAL_LAW_99
from assessment.engine.measures import measure
from assessment.engine.result import Level, Standard
from assessment.engine.thresholds import HALVED, NORMAL, PROPORTIONAL

NOT_LEGAL_ADVICE = (
    "本结果只是依据您填写的事实，按司法解释的数量、数额等标准自动计算的参考，不构成法律意见。"
    "是否构成犯罪还取决于是否“违反国家有关规定”（解释第二条）、信息是否属于公民个人信息"
    "（解释第一条）以及证据等，请咨询律师。"
)
CATCH_ALL_SERIOUS = (
    "解释第五条第一款第十项：“其他情节严重的情形”也属于情节严重。本工具无法判断此类情形，"
    "即使结果为“未达到情节严重”，也可能被认定为情节严重。"
)
CATCH_ALL_ESPECIALLY = (
    "解释第五条第二款第四项：“其他情节特别严重的情形”也属于情节特别严重。本工具无法判断此类情形。"
)
CATCH_ALL_BUSINESS = (
    "解释第六条第一款第三项：为合法经营活动而非法购买、收受的，“其他情节严重的情形”"
    "也属于情节严重。本工具无法判断此类情形。"
)
FIRST_OFFENSE_CONFLICT = (
    "您同时选择了“初犯”和“曾因侵犯公民个人信息受过刑事处罚”。受过刑事处罚的不是初犯，"
    "本工具按有前科评估，不适用解释第十条的从宽（二年内受过行政处罚的不影响初犯）。"
)
COUNTING_RULES = f"条数的计算（解释第十一条）：{ARTICLE11}。"
INCLUSIVE = f"所有“以上”的标准都包括本数（刑法第九十九条：{CRIMINAL_LAW_99}）。"
# Shown whenever records are entered as 一般信息 and in the 解释第六条 path: the user picks the
# kind, but a court classes the records by what they contain, and a heavier class moves the
# records from 第五项 (5000 条) to 第三项/第四项 (50/500 条) and out of 第六条 altogether.
# 检例第140号 (柯某侵犯公民个人信息案) is not shipped, so it is named, not linked.
CLASSIFICATION = (
    "信息属于哪一类，由司法机关根据信息的内容认定，可能比您填写的类别更重。例如业主姓名、电话"
    "加房号的名单：最高人民检察院指导性案例检例第140号把业主房源信息看作房产交易信息与身份识别"
    "信息的组合。如果这类记录被认定为财产信息（解释第五条第一款第三项，五十条以上）或者交易信息"
    "等（解释第五条第一款第四项，五百条以上），就按这两项的标准计算，为合法经营活动购买的也不再"
    "适用解释第六条（第六条只针对第三项、第四项规定以外的公民个人信息）。本工具按您选择的类别"
    "计算；拿不准时，请把这些记录改填为财产信息或者交易信息再评估一次，比较两次的结论。"
)
UNIT = (
    "单位犯罪（刑法第二百五十三条之一第四款、解释第七条）：适用与自然人相同的定罪量刑标准，"
    "对单位判处罚金，并对直接负责的主管人员和其他直接责任人员依照同一量刑档次定罪处罚。"
    f"解释第七条：{ARTICLE7}。"
)


def caveats_for(facts: Facts, level: Level, standard: Standard) -> tuple[str, ...]:
    """All caveats for these facts, the general ones first."""
    caveats = [NOT_LEGAL_ADVICE, CATCH_ALL_SERIOUS, CATCH_ALL_ESPECIALLY]
    if facts.conduct == PURCHASE_FOR_BUSINESS:
        caveats += _purchase_caveats(facts, standard)
    caveats += _classification_caveats(facts, standard)
    caveats += [COUNTING_RULES, INCLUSIVE]
    if facts.unit:
        caveats.append(UNIT)
    if facts.anonymized:
        caveats.append(_anonymized_caveat(facts))
    if facts.conduct == PROVIDE and facts.anonymized:
        return tuple(caveats)
    caveats += _flag_caveats(facts, standard)
    caveats += _proportional_caveats(facts, standard)
    caveats += _leniency_caveats(facts, level)
    return tuple(caveats)


def _purchase_caveats(facts: Facts, standard: Standard) -> list[str]:
    after = f"之后又出售或者提供的，属于“出售或者提供”（解释第六条第二款：{ARTICLE6_P2}）。"
    if standard != "business":
        return [
            CATCH_ALL_BUSINESS,
            "所购买、收受的信息含有行踪轨迹信息等（解释第五条第一款第三项）或住宿信息等（第四项），"
            "这些信息不在解释第六条的范围内（第六条只针对“第三项、第四项规定以外的公民个人信息”），"
            "因此按解释第五条关于非法获取的标准评估，各类条数合并计算；其中一般公民个人信息的购买"
            "仍按解释第六条审查获利以及刑事处罚、行政处罚的记录。请核对填写的获利是否来自这部分"
            "一般信息。" + after,
        ]
    caveats = [
        CATCH_ALL_BUSINESS,
        # "前科" would be wrong here: 第二项 also counts an administrative penalty, which is
        # no criminal record.
        "为合法经营活动而非法购买、收受一般公民个人信息的，适用解释第六条：以获利五万元以上，"
        "或者曾因侵犯公民个人信息受过刑事处罚或者二年内受过行政处罚又非法购买、收受为标准，"
        "第五条第一款的条数、违法所得标准不适用。" + after,
        "解释第六条没有规定“情节特别严重”的标准；解释第五条第二款只适用于“实施前款规定的行为”"
        "（第五条第一款的非法获取、出售或者提供）。本工具对解释第六条情形最多认定为情节严重。",
    ]
    if facts.victim_severe_harm or facts.major_loss_or_bad_influence:
        caveats.append(
            "您选择了造成严重后果、重大经济损失或者恶劣社会影响。这些是解释第五条第二款的情节，"
            "本工具不据此对解释第六条情形认定情节特别严重，但司法机关可能另行评价，请咨询律师。"
        )
    return caveats


def _classification_caveats(facts: Facts, standard: Standard) -> list[str]:
    if facts.conduct == PROVIDE and facts.anonymized:
        return []  # not "提供公民个人信息" at all (解释第三条第二款): no kind of record matters
    if facts.records.general or standard == "business":
        return [CLASSIFICATION]
    return []


def _anonymized_caveat(facts: Facts) -> str:
    if facts.conduct == PROVIDE:
        return (
            "您选择了所提供的信息经过处理无法识别特定个人且不能复原：依照解释第三条第二款，"
            "这不属于“提供公民个人信息”，因此不评估情节。如果处理后仍能识别特定个人或者能够复原，"
            "请取消该选项重新评估。"
        )
    return (
        "“经过处理无法识别特定个人且不能复原”的除外规定（解释第三条第二款）针对的是提供信息，"
        "对非法获取、购买、收受不适用，本次评估没有考虑该选项。"
    )


def _flag_caveats(facts: Facts, standard: Standard) -> list[str]:
    caveats = []
    provide = facts.conduct == PROVIDE
    if provide and facts.track_used_in_crime and not facts.records.track:
        caveats.append(
            "解释第五条第一款第一项以出售或者提供行踪轨迹信息为前提，不要求达到一定条数；"
            "但您填写的行踪轨迹信息条数为 0，请核对。"
        )
    if not provide and (facts.track_used_in_crime or facts.knew_recipient_criminal):
        caveats.append(
            "解释第五条第一款第一项、第二项只适用于出售或者提供公民个人信息，本次行为不是出售或者"
            "提供，这两个选项没有计入。"
        )
    if not provide and facts.obtained_in_duty:
        caveats.append(
            "在履行职责、提供服务过程中获得的信息，只有出售或者提供给他人时才适用解释第五条第一款"
            "第八项的减半标准和刑法第二百五十三条之一第二款的从重处罚；在履行职责、提供服务过程中"
            "违规收集信息，本身属于解释第四条规定的非法获取。"
        )
    if facts.conduct != PURCHASE_FOR_BUSINESS and facts.business_profit > 0:
        caveats.append(
            "“利用非法购买、收受的公民个人信息获利”只是解释第六条的标准（为合法经营活动购买"
            "一般公民个人信息）；本次行为适用解释第五条，以违法所得（第七项）计算，没有计入该金额。"
        )
    if standard == "business" and facts.records.tier_total("C"):
        caveats.append("解释第六条情形不以条数认定情节严重，您填写的一般公民个人信息条数只作参考。")
    return caveats


def _proportional_caveats(facts: Facts, standard: Standard) -> list[str]:
    kinds_present = sum(1 for tier in TIERS if facts.records.tier_total(tier))
    if standard == "business" or kinds_present < 2:
        return []  # with one tier only, the sum says nothing that tier's own standard does not
    scales = (NORMAL, HALVED) if standard == "halved" else (NORMAL,)
    for scale in scales:
        for item in measure(facts, scale):
            if item.threshold is PROPORTIONAL and item.reached and not item.applies:
                return [
                    "按比例合计也达到了标准，但解释第五条第一款第六项只适用于“数量未达到第三项至"
                    "第五项规定标准”的情形；已有一类信息单独达到标准，因此不再单列第六项。"
                ]
    return []


def is_first_offense(facts: Facts) -> bool:
    """初犯 as 解释第十条 means it: one who 曾因侵犯公民个人信息受过刑事处罚 has offended
    before, so the two answers cannot both hold and the prior punishment prevails."""
    return facts.first_offense and not facts.prior_criminal_record


def _leniency_caveats(facts: Facts, level: Level) -> list[str]:
    flags = {
        "初犯": is_first_offense(facts),
        "全部退赃": facts.returned_all_gains,
        "确有悔罪表现": facts.remorse,
    }
    caveats = []
    if facts.first_offense and facts.prior_criminal_record:
        caveats.append(FIRST_OFFENSE_CONFLICT)
    if not any(flags.values()):
        return caveats
    if level == "especially_serious":
        caveats.append("解释第十条的从宽只适用于不属于“情节特别严重”的情形，本案不适用。")
    elif level == "serious" and not all(flags.values()):
        missing = "、".join(name for name, present in flags.items() if not present)
        caveats.append(
            f"解释第十条要求初犯、全部退赃、确有悔罪表现三者同时具备；目前缺少：{missing}。"
        )
    return caveats
