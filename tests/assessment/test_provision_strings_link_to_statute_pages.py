"""``parse_provision`` turns every provision the engine cites into a page to link to."""

from __future__ import annotations

from typing import Any

import pytest

from assessment.engine import assess, format_provision, parse_facts, parse_provision, thresholds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("解释第五条第一款第三项", ("pi-crime-interpretation-2017", "5", 1, 3)),
        ("解释第五条第二款第三项", ("pi-crime-interpretation-2017", "5", 2, 3)),
        ("解释第十条", ("pi-crime-interpretation-2017", "10", None, None)),
        ("解释第十二条", ("pi-crime-interpretation-2017", "12", None, None)),
        ("解释第三条第二款", ("pi-crime-interpretation-2017", "3", 2, None)),
        ("刑法第二百五十三条之一第二款", ("criminal-law", "253-1", 2, None)),
        ("刑法第二百五十三条之一", ("criminal-law", "253-1", None, None)),
        ("刑法第九十九条", ("criminal-law", "99", None, None)),
        ("刑法第一百零三条", ("criminal-law", "103", None, None)),
        ("刑法第二百八十七条之一", ("criminal-law", "287-1", None, None)),
    ],
)
def test_known_forms(text: str, expected: tuple) -> None:
    ref = parse_provision(text)
    assert ref == expected
    assert ref.document == expected[0]
    assert format_provision(ref) == text


def test_anchor_names_the_paragraph() -> None:
    assert parse_provision("刑法第二百五十三条之一第四款").anchor == "p4"
    assert parse_provision("刑法第九十九条").anchor is None


@pytest.mark.parametrize(
    "text",
    [
        "",
        "民法典第一条",
        "解释第十四条",
        "解释第五条之一",
        "解释第五条第三项",
        "刑法第一十条",
        "刑法第四百五十三条",
        "解释第5条",
        "解释第五条第一款第三项。",
        "刑法第二百五十三条之一第二款第",
    ],
)
def test_unknown_forms_raise_value_error(text: str) -> None:
    with pytest.raises(ValueError):
        parse_provision(text)


def test_every_threshold_provision_parses() -> None:
    for value in vars(thresholds).values():
        for attribute in ("provision",):
            provision = getattr(value, attribute, None)
            if isinstance(provision, str):
                parse_provision(provision)
    parse_provision(thresholds.FINE_PROVISION)


RICH: list[dict[str, Any]] = [
    {
        "conduct": "provide",
        "records": {"track": 300, "lodging": 3000, "general": 30000},
        "illegal_gain": "30000",
        "obtained_in_duty": True,
        "track_used_in_crime": True,
        "knew_recipient_criminal": True,
        "prior_criminal_record": True,
        "victim_severe_harm": True,
        "major_loss_or_bad_influence": True,
    },
    {"conduct": "purchase_for_business", "business_profit": "50000", "prior_criminal_record": True},
    {"conduct": "provide", "anonymized": True},
    {"records": {"track": 50}, "first_offense": True, "returned_all_gains": True, "remorse": True},
]


@pytest.mark.parametrize("data", RICH)
def test_every_cited_provision_parses(data: dict[str, Any]) -> None:
    output = assess(parse_facts(data)).to_dict()
    cited = [g["provision"] for g in output["grounds"]]
    cited += [n["provision"] for n in output["aggravations"] + output["exclusions"]]
    cited += [n["provision"] for n in (output["leniency"], output["fine_range"]) if n]
    cited += [output["sentence_provision"] or "刑法第九十九条", output["conduct_provision"]]
    assert cited
    for provision in cited:
        parse_provision(provision)
