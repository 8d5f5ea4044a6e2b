"""解释第五条第一款第六项: A/50 + B/500 + C/5000, computed and compared exactly."""

from __future__ import annotations

import pytest

from assessment.engine import assess, parse_facts


def result_for(records: dict[str, int], conduct: str = "obtain") -> dict:
    return assess(parse_facts({"conduct": conduct, "records": records})).to_dict()


@pytest.mark.parametrize(
    ("records", "text", "level"),
    [
        ({}, "0", "none"),
        ({"track": 30, "lodging": 300}, "1.2", "serious"),
        ({"track": 30}, "0.6", "none"),
        ({"track": 25, "lodging": 250}, "1", "serious"),
        ({"track": 49, "lodging": 4}, "0.988", "none"),
        ({"track": 24, "health": 260}, "1", "serious"),
        ({"lodging": 499, "general": 10}, "1", "serious"),
        ({"lodging": 499, "general": 9}, "0.9998", "none"),
        ({"general": 1}, "0.0002", "none"),
        ({"track": 250, "lodging": 2500}, "10", "especially_serious"),
        # Exactly 1, although adding the three floats gives 0.9999999999999999.
        ({"track": 3, "lodging": 282, "general": 1880}, "1", "serious"),
        ({"track": 3, "lodging": 282, "general": 1879}, "0.9998", "none"),
    ],
)
def test_sum_text_and_level(records: dict[str, int], text: str, level: str) -> None:
    result = result_for(records)
    assert result["proportional_sum"] == text
    assert result["level"] == level


def test_the_sum_adds_every_kind_of_a_tier() -> None:
    records = {"track": 10, "communication_content": 10, "credit": 5, "property": 5}
    records |= {"communication_record": 100, "transaction": 100, "other_safety": 50}
    result = result_for(records)
    assert result["proportional_sum"] == "1.1"
    assert [g["provision"] for g in result["grounds"]] == ["解释第五条第一款第六项"]


def test_the_sum_is_a_ground_only_when_no_tier_alone_reaches_its_standard() -> None:
    # 第六项: "数量未达到第三项至第五项规定标准，但是按相应比例合计达到有关数量标准的".
    result = result_for({"track": 60, "lodging": 300})
    provisions = [g["provision"] for g in result["grounds"]]
    assert provisions == ["解释第五条第一款第三项"]
    assert any("第六项只适用于" in caveat for caveat in result["caveats"])


def test_the_ground_shows_its_terms() -> None:
    (ground,) = result_for({"track": 30, "lodging": 300}, "provide")["grounds"]
    assert "30/50 + 300/500 + 0/5000" in ground["facts"]
    assert "1.2" in ground["facts"]
    assert "≥ 1" in ground["facts"]


def test_huge_counts_stay_exact() -> None:
    big = 10**12
    records = {"track": big, "lodging": big, "general": big - 1}
    result = result_for(records)
    # 10**12/50 + 10**12/500 + (10**12 - 1)/5000 = 2 * 10**10 + 2 * 10**9 + 199999999.9998
    assert result["proportional_sum"] == "22199999999.9998"
