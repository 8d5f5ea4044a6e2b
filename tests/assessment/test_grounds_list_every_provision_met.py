"""``grounds`` names every provision met, in the form that links to the statute page."""

from __future__ import annotations

from typing import Any

from assessment.engine import assess, parse_facts


def grounds(data: dict[str, Any]) -> list[dict[str, str]]:
    return assess(parse_facts(data)).to_dict()["grounds"]


def provisions(data: dict[str, Any]) -> list[str]:
    return [ground["provision"] for ground in grounds(data)]


def test_the_seed_example_is_serious_by_item_6_only() -> None:
    result = assess(parse_facts({"conduct": "provide", "records": {"track": 30, "lodging": 300}}))
    data = result.to_dict()
    assert data["level"] == "serious"
    assert data["level_label"] == "情节严重"
    assert data["proportional_sum"] == "1.2"
    assert [g["provision"] for g in data["grounds"]] == ["解释第五条第一款第六项"]
    assert data["sentence"] == "处三年以下有期徒刑或者拘役，并处或者单处罚金"


def test_every_quantity_item_met_is_listed_not_only_the_first() -> None:
    data = {
        "conduct": "obtain",
        "records": {"track": 60, "lodging": 600, "general": 6000},
        "illegal_gain": "6000",
    }
    assert provisions(data) == [
        "解释第五条第一款第三项",
        "解释第五条第一款第四项",
        "解释第五条第一款第五项",
        "解释第五条第一款第七项",
    ]


def test_facts_compare_the_figure_with_the_standard() -> None:
    (ground,) = grounds({"records": {"track": 60}})
    assert ground["facts"] == "行踪轨迹信息等 60 条 ≥ 50 条"
    assert ground["text"].startswith("非法获取、出售或者提供行踪轨迹信息")
    (ground,) = grounds({"illegal_gain": "5000.5"})
    assert ground["facts"] == "违法所得 5000.50 元 ≥ 5000 元"


def test_halved_standard_lists_item_8_and_the_normal_items_also_met() -> None:
    data = {"conduct": "provide", "obtained_in_duty": True, "records": {"track": 60}}
    found = grounds(data)
    assert [g["provision"] for g in found] == ["解释第五条第一款第三项", "解释第五条第一款第八项"]
    assert "第三项" in found[1]["facts"]
    assert "一半" in found[1]["facts"]
    assert "25 条" in found[1]["facts"]


def test_halved_standard_alone() -> None:
    data = {"conduct": "provide", "obtained_in_duty": True, "records": {"lodging": 300}}
    found = grounds(data)
    assert [g["provision"] for g in found] == ["解释第五条第一款第八项"]
    assert "第四项" in found[0]["facts"]


def test_tenfold_cites_paragraph_2_item_3_and_lists_the_serious_item_too() -> None:
    found = grounds({"records": {"track": 600}})
    assert [g["provision"] for g in found] == ["解释第五条第一款第三项", "解释第五条第二款第三项"]
    assert [g["stage"] for g in found] == ["serious", "especially_serious"]
    assert "十倍" in found[1]["facts"]
    assert "500 条" in found[1]["facts"]


def test_tenfold_of_the_halved_standard_mentions_item_8() -> None:
    data = {"conduct": "provide", "obtained_in_duty": True, "records": {"track": 300}}
    found = grounds(data)
    assert [g["provision"] for g in found] == [
        "解释第五条第一款第三项",
        "解释第五条第一款第八项",
        "解释第五条第二款第三项",
    ]
    assert "第八项" in found[2]["facts"]
    assert "250 条" in found[2]["facts"]


def test_especially_serious_lists_both_normal_and_halved_tenfold() -> None:
    data = {"conduct": "provide", "obtained_in_duty": True, "illegal_gain": "60000"}
    found = [(g["provision"], g["key"]) for g in grounds(data)]
    assert found == [
        ("解释第五条第一款第七项", "illegal_gain"),
        ("解释第五条第一款第八项", "illegal_gain_halved"),
        ("解释第五条第二款第三项", "illegal_gain_tenfold"),
        ("解释第五条第二款第三项", "illegal_gain_halved_tenfold"),
    ]


def test_nothing_met_means_no_grounds_and_no_sentence() -> None:
    data = assess(parse_facts({})).to_dict()
    assert data["level"] == "none"
    assert data["level_label"] == "未达到情节严重"
    assert data["grounds"] == []
    assert data["sentence"] is None
    assert data["proportional_sum"] == "0"
