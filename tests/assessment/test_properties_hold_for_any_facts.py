"""Properties over generated facts (hypothesis)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from assessment.engine import RECORD_KINDS, assess, parse_facts

RANK = {"none": 0, "serious": 1, "especially_serious": 2}
FLAGS = (
    "obtained_in_duty",
    "track_used_in_crime",
    "knew_recipient_criminal",
    "prior_criminal_record",
    "prior_admin_penalty_2y",
    "victim_severe_harm",
    "major_loss_or_bad_influence",
    "first_offense",
    "returned_all_gains",
    "remorse",
    "unit",
)
FAST = settings(max_examples=200, deadline=None, database=None)  # no .hypothesis dir

counts = st.integers(min_value=0, max_value=60_000)
cents = st.integers(min_value=0, max_value=8_000_000)  # up to 80000.00 元
records = st.fixed_dictionaries({}, optional={kind.key: counts for kind in RECORD_KINDS})
facts_data = st.fixed_dictionaries(
    {
        "conduct": st.sampled_from(["provide", "obtain", "purchase_for_business"]),
        "records": records,
        "illegal_gain": cents,
        "business_profit": cents,
    },
    optional={flag: st.booleans() for flag in FLAGS},
)


def money(amount_in_cents: int) -> str:
    return str(Decimal(amount_in_cents) / 100)


def level(data: dict[str, Any]) -> int:
    data = {**data, "illegal_gain": money(data["illegal_gain"])}
    data["business_profit"] = money(data["business_profit"])
    return RANK[assess(parse_facts(data)).level]


@FAST
@given(facts_data, records, cents, cents)
def test_more_records_or_money_never_lowers_the_level(
    data: dict[str, Any], extra: dict[str, int], more_gain: int, more_profit: int
) -> None:
    grown = {
        **data,
        "records": {
            kind.key: data["records"].get(kind.key, 0) + extra.get(kind.key, 0)
            for kind in RECORD_KINDS
        },
        "illegal_gain": data["illegal_gain"] + more_gain,
        "business_profit": data["business_profit"] + more_profit,
    }
    assert level(grown) >= level(data)


@FAST
@given(facts_data, st.sampled_from(FLAGS))
def test_an_aggravating_flag_never_lowers_the_level(data: dict[str, Any], flag: str) -> None:
    if flag in ("first_offense", "returned_all_gains", "remorse", "unit"):
        assert level({**data, flag: True}) == level({**data, flag: False})
    else:
        assert level({**data, flag: True}) >= level({**data, flag: False})


@FAST
@given(facts_data)
def test_the_halved_standard_is_never_stricter(data: dict[str, Any]) -> None:
    data = {**data, "conduct": "provide"}
    assert level({**data, "obtained_in_duty": True}) >= level({**data, "obtained_in_duty": False})


@FAST
@given(facts_data)
def test_anonymized_provision_is_never_an_offence(data: dict[str, Any]) -> None:
    assert level({**data, "conduct": "provide", "anonymized": True}) == 0


@FAST
@given(facts_data, st.randoms(use_true_random=False))
def test_the_same_facts_give_the_same_result_whatever_the_input_form(
    data: dict[str, Any], random: Any
) -> None:
    gain = Decimal(data["illegal_gain"]) / 100
    forms = [
        str(gain),
        f"{gain:.2f}",
        format(gain.normalize(), "f"),
        float(gain),
        gain,
    ]
    if gain == gain.to_integral_value():
        forms.append(int(gain))
    base = {**data, "business_profit": money(data["business_profit"])}
    results = []
    for form in forms:
        items = list({**base, "illegal_gain": form}.items())
        random.shuffle(items)  # key order must not matter
        record_items = list(base["records"].items())
        random.shuffle(record_items)
        shuffled = dict(items) | {"records": dict(record_items)}
        results.append(json.dumps(assess(parse_facts(shuffled)).to_dict(), sort_keys=True))
    assert len(set(results)) == 1


@FAST
@given(facts_data)
def test_output_is_plain_json_and_consistent(data: dict[str, Any]) -> None:
    data = {**data, "illegal_gain": money(data["illegal_gain"])}
    data["business_profit"] = money(data["business_profit"])
    result = assess(parse_facts(data))
    output = result.to_dict()
    assert json.loads(json.dumps(output, ensure_ascii=False)) == output
    stages = {ground["stage"] for ground in output["grounds"]}
    expected = (
        "especially_serious" if "especially_serious" in stages else "serious" if stages else "none"
    )
    assert output["level"] == expected
    assert (output["sentence"] is None) == (output["level"] == "none")
    if output["leniency"] is not None:
        assert output["level"] == "serious"
