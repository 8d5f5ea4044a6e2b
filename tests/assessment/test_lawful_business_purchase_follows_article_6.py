"""解释第六条: buying or receiving ordinary information for a lawful business."""

from __future__ import annotations

from typing import Any

import pytest

from assessment.engine import assess, parse_facts


def run(**data: Any) -> dict[str, Any]:
    return assess(parse_facts({"conduct": "purchase_for_business", **data})).to_dict()


@pytest.mark.parametrize(
    ("profit", "level"),
    [("49999.99", "none"), ("50000", "serious"), ("50000.01", "serious"), ("0", "none")],
)
def test_profit_of_fifty_thousand_is_serious(profit: str, level: str) -> None:
    result = run(business_profit=profit, records={"general": 100})
    assert result["level"] == level
    assert result["standard"] == "business"
    if level == "serious":
        (ground,) = result["grounds"]
        assert ground["provision"] == "解释第六条第一款第一项"
        assert ground["facts"].endswith("≥ 50000 元")


def test_counts_and_illegal_gain_do_not_apply() -> None:
    result = run(records={"general": 10**9}, illegal_gain="1000000")
    assert result["level"] == "none"
    assert any("条数、违法所得标准不适用" in c for c in result["caveats"])


def test_especially_serious_is_not_reached_under_article_6() -> None:
    result = run(business_profit="10000000", victim_severe_harm=True, records={"general": 10**6})
    assert result["level"] == "serious"
    assert any("第六条没有规定“情节特别严重”" in c for c in result["caveats"])
    assert any("司法机关可能另行评价" in c for c in result["caveats"])


def test_catch_all_of_article_6_is_always_a_caveat() -> None:
    assert any("解释第六条第一款第三项" in c for c in run()["caveats"])
    assert any("解释第六条第一款第三项" in c for c in run(records={"track": 1})["caveats"])


def test_tier_a_or_b_records_bring_in_article_5_as_obtaining() -> None:
    result = run(records={"lodging": 500})
    assert result["level"] == "serious"
    assert result["standard"] == "normal"
    assert [g["provision"] for g in result["grounds"]] == ["解释第五条第一款第四项"]
    assert result["conduct_provision"] == "刑法第二百五十三条之一第三款"


def test_with_tier_a_records_tier_c_counts_and_flags_of_article_5_apply() -> None:
    result = run(records={"track": 1, "general": 5000}, major_loss_or_bad_influence=True)
    assert result["level"] == "especially_serious"
    assert [g["provision"] for g in result["grounds"]] == [
        "解释第五条第一款第五项",
        "解释第五条第二款第二项",
    ]


def test_with_tier_a_records_the_profit_of_the_ordinary_part_still_counts() -> None:
    result = run(records={"track": 1, "general": 100}, business_profit="60000")
    assert result["level"] == "serious"
    assert [g["provision"] for g in result["grounds"]] == ["解释第六条第一款第一项"]


def test_selling_afterwards_is_providing() -> None:
    assert any("解释第六条第二款" in c for c in run()["caveats"])


def test_business_profit_is_ignored_for_other_conducts() -> None:
    result = assess(parse_facts({"conduct": "obtain", "business_profit": "60000"})).to_dict()
    assert result["level"] == "none"
    assert any("没有计入该金额" in c for c in result["caveats"])
