"""The seed page's example and every worked example of the spec, through all three ways in.

Each example names the facts, the level, every provision met and, where the spec says so,
the figures. The spec is ../shared/spec/assessment.md (sections 2–5); the seed page's own
examples are 30 行踪轨迹 + 300 住宿 (第六项) and, for 第八项, 250 条 or 2500 元.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import pytest
from django.test import Client

from tests.assessment_web.ways import WAYS, via

pytestmark = pytest.mark.django_db

SERIOUS_SENTENCE = "处三年以下有期徒刑或者拘役，并处或者单处罚金"
ESPECIALLY_SERIOUS_SENTENCE = "处三年以上七年以下有期徒刑，并处罚金"


class Example(NamedTuple):
    name: str
    facts: dict[str, Any]
    level: str
    provisions: list[str]
    expect: dict[str, Any] = {}


EXAMPLES = [
    Example(
        "seed: 30 track + 300 lodging is 情节严重 by 第六项",
        {"conduct": "provide", "records": {"track": 30, "lodging": 300}},
        "serious",
        ["解释第五条第一款第六项"],
        {"proportional_sum": "1.2", "sentence": SERIOUS_SENTENCE},
    ),
    Example(
        "§2(1) track information used by others in a crime",
        {"records": {"track": 1}, "track_used_in_crime": True},
        "serious",
        ["解释第五条第一款第一项"],
    ),
    Example(
        "§2(2) knowing the recipient commits crimes",
        {"knew_recipient_criminal": True},
        "serious",
        ["解释第五条第一款第二项"],
    ),
    Example(
        "§2(3) and §6: 60 track records",
        {"records": {"track": 60}},
        "serious",
        ["解释第五条第一款第三项"],
        {"facts": "行踪轨迹信息等 60 条 ≥ 50 条"},
    ),
    Example("§2(3) 49 tier A records fall short", {"records": {"credit": 49}}, "none", []),
    Example(
        "§2(4) 500 tier B records obtained",
        {"conduct": "obtain", "records": {"lodging": 200, "health": 300}},
        "serious",
        ["解释第五条第一款第四项"],
    ),
    Example(
        "§2(5) 5000 general records",
        {"records": {"general": 5000}},
        "serious",
        ["解释第五条第一款第五项"],
    ),
    Example(
        "§2(7) 5000 元 of illegal gain",
        {"illegal_gain": "5000"},
        "serious",
        ["解释第五条第一款第七项"],
        {"fine_range": {"min": "5000", "max": "25000"}},
    ),
    Example(
        "§2(8) seed page: 250 other-safety records obtained in duty, halved",
        {"records": {"other_safety": 250}, "obtained_in_duty": True},
        "serious",
        ["解释第五条第一款第八项"],
        {"aggravations": ["刑法第二百五十三条之一第二款"], "standard": "halved"},
    ),
    Example(
        "§2(8) seed page: 2500 元 gain from information obtained in duty",
        {"illegal_gain": "2500", "obtained_in_duty": True},
        "serious",
        ["解释第五条第一款第八项"],
    ),
    Example(
        "§2(8) halved proportional sum 0.5",
        {"records": {"track": 15, "lodging": 100}, "obtained_in_duty": True},
        "serious",
        ["解释第五条第一款第八项"],
        {"proportional_sum": "0.5"},
    ),
    Example(
        "§2(9) an administrative penalty within two years, then obtaining again",
        {"conduct": "obtain", "prior_admin_penalty_2y": True},
        "serious",
        ["解释第五条第一款第九项"],
    ),
    Example(
        "§3(1) a victim's death or serious injury",
        {"records": {"track": 60}, "victim_severe_harm": True},
        "especially_serious",
        ["解释第五条第一款第三项", "解释第五条第二款第一项"],
        {"sentence": ESPECIALLY_SERIOUS_SENTENCE},
    ),
    Example(
        "§3(2) major loss or bad social influence",
        {"records": {"general": 5000}, "major_loss_or_bad_influence": True},
        "especially_serious",
        ["解释第五条第一款第五项", "解释第五条第二款第二项"],
    ),
    Example(
        "§3(3) 500 track records: ten times 第三项",
        {"records": {"track": 500}},
        "especially_serious",
        ["解释第五条第一款第三项", "解释第五条第二款第三项"],
    ),
    Example(
        "§3(3) 50000 元: ten times 第七项",
        {"illegal_gain": "50000"},
        "especially_serious",
        ["解释第五条第一款第七项", "解释第五条第二款第三项"],
    ),
    Example(
        "§3(3) proportional sum 10",
        {"records": {"track": 250, "lodging": 2500}},
        "especially_serious",
        [
            "解释第五条第一款第三项",
            "解释第五条第一款第四项",
            "解释第五条第二款第三项",
        ],
        {"proportional_sum": "10"},
    ),
    Example(
        "§3(3) ten times the halved standard: 250 track obtained in duty",
        {"records": {"track": 250}, "obtained_in_duty": True},
        "especially_serious",
        ["解释第五条第一款第三项", "解释第五条第一款第八项", "解释第五条第二款第三项"],
    ),
    Example(
        "§4 a lawful business's purchase with 50000 元 profit",
        {
            "conduct": "purchase_for_business",
            "records": {"general": 20000},
            "business_profit": "50000",
        },
        "serious",
        ["解释第六条第一款第一项"],
        {"standard": "business"},
    ),
    Example(
        "§4 a lawful business's purchase without profit: counts do not apply",
        {"conduct": "purchase_for_business", "records": {"general": 20000}},
        "none",
        [],
    ),
    Example(
        "§4 a lawful business's purchase with a prior record",
        {"conduct": "purchase_for_business", "prior_criminal_record": True},
        "serious",
        ["解释第六条第一款第二项"],
    ),
    Example(
        "§4 a purchase including tier A records is judged as obtaining",
        {"conduct": "purchase_for_business", "records": {"track": 50}},
        "serious",
        ["解释第五条第一款第三项"],
        {"standard": "normal"},
    ),
    Example(
        "§5 解释第十条: first offence, all returned, remorse",
        {
            "records": {"track": 60},
            "first_offense": True,
            "returned_all_gains": True,
            "remorse": True,
        },
        "serious",
        ["解释第五条第一款第三项"],
        {"leniency": "解释第十条"},
    ),
    Example(
        "§5 解释第十二条: the fine is 1–5 times the gain",
        {"illegal_gain": "6000.50"},
        "serious",
        ["解释第五条第一款第七项"],
        {"fine_range": {"min": "6000.50", "max": "30002.50"}},
    ),
    Example(
        "§5 a unit's offence: same standards",
        {"records": {"track": 60}, "unit": True},
        "serious",
        ["解释第五条第一款第三项"],
    ),
    Example(
        "§5 解释第三条第二款: anonymized information is not provided information",
        {"records": {"track": 1000}, "anonymized": True},
        "none",
        [],
        {"exclusions": ["解释第三条第二款"]},
    ),
]


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("example", EXAMPLES, ids=[example.name for example in EXAMPLES])
def test_each_worked_example_gives_its_level_and_every_provision(
    client: Client, example: Example, way: str
) -> None:
    status, result = via(way, client, example.facts)
    assert status == 200, result
    assert result["level"] == example.level
    assert [ground["provision"] for ground in result["grounds"]] == example.provisions
    expect = example.expect
    if "proportional_sum" in expect:
        assert result["proportional_sum"] == expect["proportional_sum"]
    if "sentence" in expect:
        assert result["sentence"] == expect["sentence"]
    if "facts" in expect:
        assert result["grounds"][0]["facts"] == expect["facts"]
    if "fine_range" in expect:
        fine = result["fine_range"]
        assert (fine["min"], fine["max"]) == (
            expect["fine_range"]["min"],
            expect["fine_range"]["max"],
        )
    if "aggravations" in expect:
        assert [note["provision"] for note in result["aggravations"]] == expect["aggravations"]
    if "leniency" in expect:
        assert result["leniency"]["provision"] == expect["leniency"]
    if "exclusions" in expect:
        assert [note["provision"] for note in result["exclusions"]] == expect["exclusions"]
    if "standard" in expect:
        assert result["standard"] == expect["standard"]


@pytest.mark.parametrize("way", WAYS)
def test_the_sentence_band_follows_the_level(client: Client, way: str) -> None:
    _, none = via(way, client, {"records": {"track": 49}})
    assert none["sentence"] is None
    _, serious = via(way, client, {"records": {"track": 50}})
    assert serious["sentence"] == SERIOUS_SENTENCE
    assert serious["sentence_provision"] == "刑法第二百五十三条之一第一款"
