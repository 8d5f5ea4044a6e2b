"""The output JSON keeps every key of the contract, with the contract's types."""

from __future__ import annotations

import json

from assessment.engine import (
    CONDUCTS,
    FIELD_HELP,
    FIELD_LABELS,
    RECORD_KINDS,
    Facts,
    assess,
    parse_facts,
)

CONTRACT_KEYS = {
    "level",
    "level_label",
    "grounds",
    "proportional_sum",
    "sentence",
    "aggravations",
    "leniency",
    "fine_range",
    "caveats",
}


def test_every_contract_key_is_present_for_a_rich_result() -> None:
    data = {
        "conduct": "provide",
        "records": {"track": 30, "lodging": 300},
        "illegal_gain": "6000",
        "obtained_in_duty": True,
        "first_offense": True,
        "returned_all_gains": True,
        "remorse": True,
        "unit": True,
    }
    output = assess(parse_facts(data)).to_dict()
    assert set(output) >= CONTRACT_KEYS
    assert json.loads(json.dumps(output)) == output
    for ground in output["grounds"]:
        assert {"provision", "text", "facts"} <= set(ground)
        assert all(isinstance(value, str) for value in ground.values())
    assert output["fine_range"]["min"] == "6000"
    assert output["fine_range"]["max"] == "30000"
    assert isinstance(output["caveats"], list)
    assert all(isinstance(caveat, str) for caveat in output["caveats"])


def test_caveats_always_carry_the_catch_alls_and_the_disclaimer() -> None:
    for data in ({}, {"conduct": "obtain"}, {"conduct": "provide", "anonymized": True}):
        caveats = assess(parse_facts(data)).to_dict()["caveats"]
        joined = "\n".join(caveats)
        assert "解释第五条第一款第十项" in joined
        assert "解释第五条第二款第四项" in joined
        assert "不构成法律意见" in joined
        assert "解释第十一条" in joined


def test_the_spec_example_input_with_all_defaults_is_valid() -> None:
    spec_input = {
        "conduct": "provide",
        "records": {
            "track": 0,
            "communication_content": 0,
            "credit": 0,
            "property": 0,
            "lodging": 0,
            "communication_record": 0,
            "health": 0,
            "transaction": 0,
            "other_safety": 0,
            "general": 0,
        },
        "illegal_gain": "0",
        "business_profit": "0",
        "obtained_in_duty": False,
        "track_used_in_crime": False,
        "knew_recipient_criminal": False,
        "prior_criminal_record": False,
        "prior_admin_penalty_2y": False,
        "victim_severe_harm": False,
        "major_loss_or_bad_influence": False,
        "first_offense": False,
        "returned_all_gains": False,
        "remorse": False,
        "unit": False,
        "anonymized": False,
    }
    facts = parse_facts(spec_input)
    assert facts == Facts()
    assert facts.to_dict()["records"] == spec_input["records"]
    assert set(facts.to_dict()) == set(spec_input)


def test_record_kinds_and_conducts_are_in_order_with_labels() -> None:
    assert [kind.key for kind in RECORD_KINDS] == list(Facts().records.to_dict())
    assert [tier for _, _, tier in RECORD_KINDS] == ["A"] * 4 + ["B"] * 5 + ["C"]
    assert [key for key, _ in CONDUCTS] == ["provide", "obtain", "purchase_for_business"]


def test_every_field_has_a_label_and_help() -> None:
    fields = set(Facts().to_dict()) | {f"records.{kind.key}" for kind in RECORD_KINDS}
    assert set(FIELD_LABELS) == fields
    assert set(FIELD_HELP) == fields
    assert "解释第十一条" in FIELD_HELP["records"]
    assert all(help_text.strip() for help_text in FIELD_HELP.values())
