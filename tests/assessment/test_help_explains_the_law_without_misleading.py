"""The plain-Chinese help and caveats say what the provisions say, and no more."""

from __future__ import annotations

from typing import Any

from assessment.engine import FIELD_HELP, assess, parse_facts


def run(**data: Any) -> dict[str, Any]:
    return assess(parse_facts(data)).to_dict()


def test_article_11_accumulates_per_recipient_not_per_delivery() -> None:
    # 解释第十一条第二款: 向不同单位或者个人分别出售、提供同一公民个人信息的，条数累计计算 —
    # handing the same records to the same person twice is not counted twice.
    help_text = FIELD_HELP["records"]
    assert "每提供一次" not in help_text
    assert "有几个接收方就累计计算几次" in help_text
    # 第三款: counted as seized unless shown false or duplicated.
    assert "按查获的数量直接认定，除非有证据证明不真实或者重复" in help_text


def test_track_help_keeps_to_what_locates_a_person_and_sends_hotel_stays_to_lodging() -> None:
    track = FIELD_HELP["records.track"]
    # 出行记录 (ride-hailing, tickets) is decided both ways in practice; presenting it as a
    # plain example of 行踪轨迹信息 would put it under the 50 条 standard of 第三项.
    assert "出行记录等。" not in track
    assert "酒店入住登记属于住宿信息（第四项）" in track
    assert "各地法院认定不一" in track
    assert "不按行踪轨迹信息（第三项，50 条）计算" in FIELD_HELP["records.lodging"]


def test_tier_a_is_a_closed_list_of_four_kinds() -> None:
    # 解释第五条第一款第三项 lists four kinds without "等"; only 第四项 is open-ended.
    for kind in ("track", "communication_content", "credit", "property"):
        help_text = FIELD_HELP[f"records.{kind}"]
        assert "行踪轨迹信息、通信内容、征信信息、财产信息四类合计 50 条以上" in help_text
        assert "财产信息等" not in help_text
    assert "交易信息等合计 500 条以上" in FIELD_HELP["records.lodging"]


def test_general_help_points_lawful_business_purchases_to_article_6() -> None:
    assert "适用解释第六条，不按条数认定" in FIELD_HELP["records.general"]
    assert "第三项、第四项以外的一般信息适用解释第六条" in FIELD_HELP["conduct"]


def test_first_offence_help_says_a_prior_criminal_punishment_is_not_first_offence() -> None:
    assert "曾因侵犯公民个人信息受过刑事处罚的不是初犯" in FIELD_HELP["first_offense"]


def test_article_6_caveats_do_not_call_an_administrative_penalty_a_criminal_record() -> None:
    # 解释第六条第一款第二项 covers 二年内受过行政处罚 too; "前科" means a criminal record.
    for records in ({"general": 100}, {"track": 1, "general": 100}):
        caveats = run(conduct="purchase_for_business", records=records)["caveats"]
        about_article_6 = [c for c in caveats if "适用解释第六条" in c or "仍按解释第六条" in c]
        assert about_article_6
        assert not any("前科" in c for c in about_article_6)
    caveats = run(conduct="purchase_for_business")["caveats"]
    assert any("二年内受过行政处罚又非法购买、收受" in c for c in caveats)
