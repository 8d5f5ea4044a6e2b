"""Records entered as 一般信息 may be classed heavier by a court (检例第140号): the caveat that says so.

业主姓名+电话+房号 looks like 一般信息 (解释第五条第一款第五项, 5000 条), but 检例第140号 treats
业主房源信息 as 房产交易信息 combined with identity information. Classed under 第三项 or 第四项,
the records meet 50 or 500 条, and 解释第六条 (which covers only information "第三项、第四项规定
以外") no longer applies. The caveat shows wherever the user's choice of kind could hide that.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from assessment.engine import assess, parse_facts, parse_provision
from assessment.engine.caveats import CLASSIFICATION


def caveats(**data: Any) -> list[str]:
    return assess(parse_facts(data)).to_dict()["caveats"]


@pytest.mark.parametrize(
    "data",
    [
        {"conduct": "provide", "records": {"general": 1}},
        {"conduct": "obtain", "records": {"general": 3500}},
        {"conduct": "provide", "records": {"general": 100}, "obtained_in_duty": True},
        {"conduct": "purchase_for_business", "records": {"general": 3500}},
        # The 解释第五条 path of a purchase that also took tier A records: the tier C part is
        # still entered as 一般信息.
        {"conduct": "purchase_for_business", "records": {"track": 10, "general": 3500}},
        # The 解释第六条 path with no count entered: its standard assumes 一般信息.
        {"conduct": "purchase_for_business", "business_profit": "60000"},
        {"conduct": "purchase_for_business"},
        # However high the level already is.
        {"conduct": "obtain", "records": {"general": 50000}},
    ],
)
def test_it_shows_once_whenever_records_are_general_or_article_6_decides(
    data: dict[str, Any],
) -> None:
    assert caveats(**data).count(CLASSIFICATION) == 1


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"conduct": "provide", "records": {"track": 60}},
        {"conduct": "obtain", "records": {"lodging": 300, "transaction": 300}},
        {"conduct": "obtain", "illegal_gain": "8000"},
        # A purchase with tier A/B records only is judged by 解释第五条 on those kinds.
        {"conduct": "purchase_for_business", "records": {"property": 10}},
        # Anonymized records provided are no "提供公民个人信息" (解释第三条第二款): their kind
        # decides nothing.
        {"conduct": "provide", "records": {"general": 3500}, "anonymized": True},
    ],
)
def test_it_does_not_show_where_no_record_is_general_and_article_6_does_not_decide(
    data: dict[str, Any],
) -> None:
    assert CLASSIFICATION not in caveats(**data)


def test_it_names_the_guiding_case_and_the_heavier_standards() -> None:
    assert "检例第140号" in CLASSIFICATION
    assert "业主姓名、电话加房号" in CLASSIFICATION
    assert "房产交易信息与身份识别信息的组合" in CLASSIFICATION
    assert "解释第五条第一款第三项，五十条以上" in CLASSIFICATION
    assert "解释第五条第一款第四项，五百条以上" in CLASSIFICATION
    assert "不再适用解释第六条" in CLASSIFICATION


def test_it_says_the_court_may_class_them_so_not_that_it_will() -> None:
    # 检例第140号 describes what 房源信息 is made of; it fixes no tier. The caveat must not
    # turn that into a rule.
    assert "可能" in CLASSIFICATION
    assert "如果这类记录被认定为" in CLASSIFICATION
    assert "一律" not in CLASSIFICATION and "必然" not in CLASSIFICATION


def test_it_tells_the_user_how_to_see_the_difference() -> None:
    assert "改填为财产信息或者交易信息再评估一次" in CLASSIFICATION


def test_every_provision_it_names_is_one_the_statute_pages_link_to() -> None:
    # The way the other caveats link: provisions written in the form parse_provision reads.
    named = re.findall(
        r"(?:解释|刑法)第[零一二三四五六七八九十百]+条(?:第[一二三四五六七八九十]+款)?"
        r"(?:第[一二三四五六七八九十]+项)?",
        CLASSIFICATION,
    )
    assert {"解释第五条第一款第三项", "解释第五条第一款第四项", "解释第六条"} <= set(named)
    for provision in named:
        parse_provision(provision)


def test_the_output_contract_is_unchanged() -> None:
    result = assess(parse_facts({"records": {"general": 3500}})).to_dict()
    assert all(isinstance(caveat, str) for caveat in result["caveats"])
    assert result["level"] == "none"
    assert result["grounds"] == []
