"""Just below, at and just above every quantity standard (刑法第九十九条: 以上包括本数).

The numbers are typed out here on purpose, independently of thresholds.py, so that a typo
in the data is caught.
"""

from __future__ import annotations

from typing import Any

import pytest

from assessment.engine import assess, parse_facts

NORMAL: dict[str, Any] = {"conduct": "obtain"}
HALVED: dict[str, Any] = {"conduct": "provide", "obtained_in_duty": True}


def level(base: dict[str, Any], figures: dict[str, Any]) -> str:
    records = {k: v for k, v in figures.items() if k != "illegal_gain"}
    data = {**base, "records": records}
    if "illegal_gain" in figures:
        data["illegal_gain"] = figures["illegal_gain"]
    return assess(parse_facts(data)).level


# (figures, expected level) for 解释第五条第一款第三至七项 (normal standard).
NORMAL_TABLE = [
    ({"track": 49}, "none"),
    ({"track": 50}, "serious"),
    ({"track": 51}, "serious"),
    ({"communication_content": 50}, "serious"),
    ({"credit": 50}, "serious"),
    ({"property": 50}, "serious"),
    ({"track": 20, "credit": 29}, "none"),
    ({"track": 20, "credit": 30}, "serious"),
    ({"lodging": 499}, "none"),
    ({"lodging": 500}, "serious"),
    ({"lodging": 501}, "serious"),
    ({"communication_record": 500}, "serious"),
    ({"health": 500}, "serious"),
    ({"transaction": 500}, "serious"),
    ({"other_safety": 500}, "serious"),
    ({"health": 250, "transaction": 249}, "none"),
    ({"health": 250, "transaction": 250}, "serious"),
    ({"general": 4999}, "none"),
    ({"general": 5000}, "serious"),
    ({"general": 5001}, "serious"),
    ({"illegal_gain": "4999.99"}, "none"),
    ({"illegal_gain": "5000"}, "serious"),
    ({"illegal_gain": "5000.01"}, "serious"),
    # 解释第五条第二款第三项: ten times the standards above.
    ({"track": 499}, "serious"),
    ({"track": 500}, "especially_serious"),
    ({"track": 501}, "especially_serious"),
    ({"lodging": 4999}, "serious"),
    ({"lodging": 5000}, "especially_serious"),
    ({"lodging": 5001}, "especially_serious"),
    ({"general": 49999}, "serious"),
    ({"general": 50000}, "especially_serious"),
    ({"general": 50001}, "especially_serious"),
    ({"illegal_gain": "49999.99"}, "serious"),
    ({"illegal_gain": "50000"}, "especially_serious"),
    ({"illegal_gain": "50000.01"}, "especially_serious"),
    # Proportional sum ten times: 250/50 + 2500/500 = 10.
    ({"track": 250, "lodging": 2499}, "serious"),
    ({"track": 250, "lodging": 2500}, "especially_serious"),
    ({"track": 250, "lodging": 2501}, "especially_serious"),
]

# The same for 解释第五条第一款第八项 (half) and 第二款第三项 applied to it (ten times half).
HALVED_TABLE = [
    ({"track": 24}, "none"),
    ({"track": 25}, "serious"),
    ({"track": 26}, "serious"),
    ({"lodging": 249}, "none"),
    ({"lodging": 250}, "serious"),
    ({"lodging": 251}, "serious"),
    ({"general": 2499}, "none"),
    ({"general": 2500}, "serious"),
    ({"general": 2501}, "serious"),
    ({"illegal_gain": "2499.99"}, "none"),
    ({"illegal_gain": "2500"}, "serious"),
    ({"illegal_gain": "2500.01"}, "serious"),
    # Proportional sum at half: 12/50 + 130/500 = 0.24 + 0.26 = 0.5.
    ({"track": 12, "lodging": 129}, "none"),
    ({"track": 12, "lodging": 130}, "serious"),
    ({"track": 12, "lodging": 131}, "serious"),
    ({"track": 249}, "serious"),
    ({"track": 250}, "especially_serious"),
    ({"track": 251}, "especially_serious"),
    ({"lodging": 2499}, "serious"),
    ({"lodging": 2500}, "especially_serious"),
    ({"lodging": 2501}, "especially_serious"),
    ({"general": 24999}, "serious"),
    ({"general": 25000}, "especially_serious"),
    ({"general": 25001}, "especially_serious"),
    ({"illegal_gain": "24999.99"}, "serious"),
    ({"illegal_gain": "25000"}, "especially_serious"),
    ({"illegal_gain": "25000.01"}, "especially_serious"),
    # Proportional sum at ten times half: 125/50 + 1250/500 = 5.
    ({"track": 125, "lodging": 1249}, "serious"),
    ({"track": 125, "lodging": 1250}, "especially_serious"),
    ({"track": 125, "lodging": 1251}, "especially_serious"),
]


@pytest.mark.parametrize(("figures", "expected"), NORMAL_TABLE)
def test_normal_standard(figures: dict[str, Any], expected: str) -> None:
    assert level(NORMAL, figures) == expected


@pytest.mark.parametrize(("figures", "expected"), HALVED_TABLE)
def test_halved_standard_for_information_obtained_in_duty(
    figures: dict[str, Any], expected: str
) -> None:
    assert level(HALVED, figures) == expected


@pytest.mark.parametrize("base", [{"conduct": "provide"}, {"conduct": "obtain"}])
@pytest.mark.parametrize(("figures", "expected"), NORMAL_TABLE)
def test_provide_without_duty_uses_the_normal_standard(
    base: dict[str, Any], figures: dict[str, Any], expected: str
) -> None:
    assert level(base, figures) == expected


@pytest.mark.parametrize(
    "figures", [{"track": 25}, {"lodging": 250}, {"general": 2500}, {"illegal_gain": "2500"}]
)
def test_obtaining_in_duty_without_providing_is_not_halved(figures: dict[str, Any]) -> None:
    assert level({"conduct": "obtain", "obtained_in_duty": True}, figures) == "none"
