"""``progress_bars``: one bar per standard that decides the case."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from assessment.engine import Bar, assess, parse_facts, progress_bars


def bars(data: dict[str, Any]) -> dict[str, Bar]:
    facts = parse_facts(data)
    return {bar.key: bar for bar in progress_bars(facts, assess(facts))}


def test_seed_example_bars() -> None:
    found = bars({"records": {"track": 30, "lodging": 300}})
    track = found["tier_a"]
    assert track.value == 30
    assert track.limit == 50
    assert track.unit == "条"
    assert track.ratio == Decimal("0.6")
    assert track.fill == Decimal("0.6")
    assert not track.reached
    assert track.provision == "解释第五条第一款第三项"
    assert (
        track.text == "行踪轨迹信息等 30 条，情节严重标准 50 条（解释第五条第一款第三项），已达 60%"
    )
    proportional = found["proportional"]
    assert proportional.reached
    assert proportional.ratio == Decimal("1.2")
    assert proportional.fill == 1
    assert proportional.unit == ""
    assert "已达到标准" in proportional.text
    assert list(found) == [
        "tier_a",
        "tier_b",
        "tier_c",
        "proportional",
        "illegal_gain",
        "tier_a_tenfold",
        "tier_b_tenfold",
        "tier_c_tenfold",
        "proportional_tenfold",
        "illegal_gain_tenfold",
    ]
    assert found["tier_a_tenfold"].limit == 500
    assert found["tier_a_tenfold"].stage == "especially_serious"


def test_halved_bars_use_item_8_and_its_tenfold() -> None:
    found = bars({"obtained_in_duty": True, "records": {"track": 30}})
    assert found["tier_a_halved"].limit == 25
    assert found["tier_a_halved"].provision == "解释第五条第一款第八项"
    assert found["tier_a_halved"].reached
    assert found["tier_a_halved"].ratio == Decimal("1.2")
    assert found["tier_a_halved_tenfold"].limit == 250
    assert found["proportional_halved"].limit == Decimal("0.5")
    assert "tier_a" not in found


def test_percentages_round_down_so_a_miss_never_shows_100() -> None:
    bar = bars({"illegal_gain": "4999.99"})["illegal_gain"]
    assert not bar.reached
    assert "已达 99%" in bar.text
    assert bar.ratio == Decimal("0.999998")


def test_business_purchase_has_the_profit_bar_only() -> None:
    found = bars({"conduct": "purchase_for_business", "business_profit": "25000"})
    assert list(found) == ["business_profit"]
    assert found["business_profit"].ratio == Decimal("0.5")
    assert found["business_profit"].unit == "元"


def test_business_purchase_with_tier_a_has_both() -> None:
    found = bars({"conduct": "purchase_for_business", "records": {"track": 1}})
    assert "tier_a" in found
    assert "business_profit" in found


def test_no_bars_when_the_provision_is_excluded() -> None:
    assert bars({"anonymized": True, "records": {"track": 30}}) == {}


def test_bar_dict_is_plain_json() -> None:
    bar = bars({"illegal_gain": "2500"})["illegal_gain"]
    assert bar.to_dict()["ratio"] == "0.5"
    assert bar.to_dict()["value"] == "2500"
