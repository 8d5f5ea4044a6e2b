"""The demo answers (consult/demo/questions.toml) against the law.

The 侵犯公民个人信息罪 answers against the assessment's rules, and the 18 findings of the legal
review of issue 14 kept fixed: each names the provision or document that carries the point, and
no longer says what the review found imprecise or too confident.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from assessment.engine.law_texts import SENTENCES
from assessment.engine.thresholds import HALVED, TIER_B, scaled_limit

QUESTIONS = Path(__file__).resolve().parents[2] / "consult" / "demo" / "questions.toml"


def question(key: str) -> dict:
    data = tomllib.loads(QUESTIONS.read_text(encoding="utf-8"))
    (found,) = [q for q in data["question"] if q["key"] == key]
    return found


def answers(key: str) -> list[str]:
    return [answer["body"] for answer in question(key).get("answer", [])]


def cites(key: str, number: int) -> set[tuple[str, str]]:
    answer = question(key)["answer"][number]
    return {(cite["law"], str(cite["article"])) for cite in answer["cites"]}


def test_filing_standard_states_both_sentence_bands_with_their_fines() -> None:
    body = answers("pi-crime-filing-standard")[0]
    # 刑法第二百五十三条之一第一款: both bands carry a fine.
    for sentence in SENTENCES.values():
        assert sentence in body


def test_filing_standard_restates_article_11_counting_rules_correctly() -> None:
    body = answers("pi-crime-filing-standard")[0]
    # 解释第十一条第三款: 根据查获的数量直接认定 — not a "real" number to be proved.
    assert "实际数量" not in body
    assert "按查获的数量直接认定，除非有证据证明信息不真实或者重复" in body
    # 第二款: the same information to different recipients.
    assert "同一信息分别卖给不同的单位或者个人则累计计算" in body


def test_hotel_answer_uses_the_halved_lodging_standard() -> None:
    body = answers("pi-hotel-guest-records")[0]
    assert scaled_limit(TIER_B, HALVED) == 250
    assert "住宿信息满二百五十条就够了" in body
    assert "第八项" in body and "第二款" in body


def test_business_purchase_answer_does_not_assume_facts_the_asker_did_not_give() -> None:
    body = answers("pi-buying-phone-lists")[0]
    # The asker never said how much profit the lists brought (解释第六条第一款第一项).
    assert "通过这些名单赚到的钱也没有达到五万元" not in body
    assert "只要利用这些名单获利没有达到五万元" in body


def test_business_purchase_answer_does_not_call_owner_lists_safe() -> None:
    # Finding 1: 检例第140号 treats 业主房源信息 as 房产交易 + identity information; classed
    # under 解释第五条第一款第三项/第四项, 3,000–4,000 records pass 500 and 第六条 is out.
    body = answers("pi-buying-phone-lists")[0]
    assert "可控" not in body
    assert "业主姓名、电话、房号通常属于一般信息" not in body
    assert "检例第140号" in body
    assert "第六条就不再适用，三四千条已经远远超过标准" in body
    assert "没有司法解释作出明确规定" in body


def test_location_answer_says_the_buyer_needs_serious_circumstances() -> None:
    # Finding 2: the buyer (刑法第二百五十三条之一第三款) needs 情节严重, e.g. 50 valid 行踪轨迹;
    # below that 治安管理处罚法 第五十六条; stalking is 第五十条第一款第五项.
    body = answers("pi-location-tracking-stalking")[0]
    assert "前男友花钱购买属于非法获取，同样适用该条" not in body
    assert "不是买了就一定构成犯罪" in body
    assert "2024-04-1-207-005" in body and "剔除重复和静止的点" in body
    assert "《治安管理处罚法》第五十六条第二款" in body
    assert "第五十条第一款第五项" in body
    assert {("public-security-penalties-law-2025", "56"), ("criminal-law", "253-1")} <= cites(
        "pi-location-tracking-stalking", 0
    )


# Findings 3–18: (question, answer, what it must now say, what it must no longer say,
# cites it must have, cites it must no longer have).
FINDINGS = [
    (
        "crim-public-prosecution",
        0,
        [
            "法释〔2021〕1号",
            "检察院没有提起公诉的，被害人也可以自己带着证据向法院自诉",
            "构成诽谤罪要求“情节严重”",
            "法释〔2013〕21号",
            "第五十条第一款第二项",
        ],
        ["故意伤害、盗窃、诈骗等常见案件都走这条路"],
        {
            ("criminal-law", "234"),
            ("public-security-penalties-law-2025", "50"),
            ("civil-code", "1024"),
        },
        set(),
    ),
    (
        "crim-bail-conditions",
        0,
        ["依照第七十二条", "关于取保候审若干问题的规定", "起点数额为一千元", "未成年人的为五百元"],
        ["保证金的数额由办案机关根据案情和经济状况确定"],
        {("criminal-procedure-law", "72")},
        set(),
    ),
    (
        "crim-self-defense",
        0,
        ["取决于查明的事实", "如果最终没有证据证明他持刀", "第二款规定，正当防卫超过必要的限度"],
        ["对方深夜持刀入户，足以", "对方家属索要医药费，您可以拒绝。", "也不需要赔偿"],
        {("criminal-law", "20"), ("civil-code", "181")},
        set(),
    ),
    (
        "crim-renting-bank-card",
        0,
        ["法释〔2019〕15号", "而不是把全部流水直接相加", "不能说已经越过了这条线"],
        ["已经超过这条线"],
        {("criminal-law", "287-2")},
        set(),
    ),
    (
        "lab-company-transfer-employees",
        1,
        [
            "《劳动合同法实施条例》第十条",
            "并不以新公司同意或者“承认”为条件",
            "第四十六条还列举了",
            "不再重复计算您在原公司的年限",
        ],
        ["新公司承认原工龄，则新公司应当连续计算"],
        {("labor-contract-law", "46")},
        set(),
    ),
    (
        "lab-noncompete",
        0,
        [
            "法释〔2025〕12号",
            "第十三条",
            "竞业限制条款不生效",
            "超过合理比例的部分无效",
            "解释（一）》第三十八条",
        ],
        ["按照司法解释，"],
        {("labor-contract-law", "23"), ("labor-contract-law", "24")},
        set(),
    ),
    (
        "re-homestead-sell-outsider",
        0,
        ["时间效力的若干规定》第一条第二款", "《合同法》", "第五十二条", "第五十八条"],
        ["第一百五十七条"],
        {("civil-code", "363")},
        {("civil-code", "157")},
    ),
    (
        "re-purchase-contract-offer",
        0,
        [
            "商品房买卖合同纠纷案件适用法律若干问题的解释》第三条",
            "开发规划范围内",
            "《广告法》第二十六条",
        ],
        ["即使合同里没写，也可以被视为合同内容"],
        {("civil-code", "473"), ("civil-code", "500"), ("civil-code", "148")},
        set(),
    ),
    (
        "re-delayed-delivery",
        0,
        [
            "第十一条把商品房买卖中的“合理期限”明确为三个月",
            "《民法典》第五百六十四条",
            "解除权同样消灭",
        ],
        [],
        {("civil-code", "563"), ("civil-code", "564")},
        set(),
    ),
    (
        "re-rental-deposit",
        0,
        ["《民法典》第七百一十条"],
        ["第七百零三条"],
        {("civil-code", "710")},
        {("civil-code", "703")},
    ),
    (
        "adm-hearing-right",
        0,
        [
            "《市场监督管理行政处罚听证办法》第五条",
            "十万元以上罚款为较大数额",
            "八万元低于十万元",
            "应当在期限内提出",
        ],
        ["八万元通常属于“较大数额罚款”", "说明已经适用"],
        {("administrative-penalty-law", "63"), ("administrative-penalty-law", "64")},
        set(),
    ),
    (
        "con-near-expiry-food",
        0,
        ["法律没有规定无理由退货的权利", "《消费者权益保护法》第二十五条", "存在争议"],
        ["您可以依法要求退换"],
        {("consumer-rights-law", "25")},
        set(),
    ),
    (
        "con-fake-goods-fraud",
        0,
        ["第一百四十八条第二款", "经营明知是不符合食品安全标准的食品", "要证明网店明知"],
        ["两者择一主张即可"],
        {("food-safety-law-2025", "148")},
        set(),
    ),
    (
        "ct-liquidated-damages-too-high",
        0,
        ["合同编通则解释第六十四条", "对此承担举证责任", "也应当提供相应的证据", "第六十五条"],
        ["初步证明"],
        {("civil-code", "585"), ("civil-code", "584")},
        set(),
    ),
    (
        "ip-selling-counterfeit-unknowingly",
        0,
        ["它免除的是赔偿责任，不免除停止侵权", "第六十三条第一款", "合理开支", "实践中看法不一"],
        ["可以不承担赔偿责任。"],
        {("trademark-law", "64"), ("trademark-law", "63")},
        set(),
    ),
    (
        "adm-detention-record",
        0,
        ["没有写过渡条款", "目前还没有定论", "是否已经封存"],
        ["也就是说，一般用人单位无权查询您的拘留记录"],
        {("public-security-penalties-law-2025", "136")},
        set(),
    ),
]


@pytest.mark.parametrize(
    ("key", "number", "says", "no_longer_says", "cited", "no_longer_cited"),
    FINDINGS,
    ids=[finding[0] for finding in FINDINGS],
)
def test_the_legal_review_findings_stay_fixed(
    key: str,
    number: int,
    says: list[str],
    no_longer_says: list[str],
    cited: set[tuple[str, str]],
    no_longer_cited: set[tuple[str, str]],
) -> None:
    body = answers(key)[number]
    for text in says:
        assert text in body, f"{key}: {text}"
    for text in no_longer_says:
        assert text not in body, f"{key}: {text}"
    assert cited <= cites(key, number)
    assert not no_longer_cited & cites(key, number)
