"""The yes/no facts: where each one counts, and where it does not."""

from __future__ import annotations

from typing import Any

import pytest

from assessment.engine import assess, parse_facts


def run(**data: Any) -> dict[str, Any]:
    return assess(parse_facts(data)).to_dict()


def provisions(result: dict[str, Any]) -> list[str]:
    return [ground["provision"] for ground in result["grounds"]]


@pytest.mark.parametrize(
    ("flags", "conduct", "level", "expected"),
    [
        ({"track_used_in_crime": True}, "provide", "serious", ["解释第五条第一款第一项"]),
        ({"track_used_in_crime": True}, "obtain", "none", []),
        ({"knew_recipient_criminal": True}, "provide", "serious", ["解释第五条第一款第二项"]),
        ({"knew_recipient_criminal": True}, "obtain", "none", []),
        ({"prior_criminal_record": True}, "provide", "serious", ["解释第五条第一款第九项"]),
        ({"prior_criminal_record": True}, "obtain", "serious", ["解释第五条第一款第九项"]),
        ({"prior_admin_penalty_2y": True}, "obtain", "serious", ["解释第五条第一款第九项"]),
        (
            {"prior_criminal_record": True},
            "purchase_for_business",
            "serious",
            ["解释第六条第一款第二项"],
        ),
        (
            {"victim_severe_harm": True},
            "provide",
            "especially_serious",
            ["解释第五条第二款第一项"],
        ),
        ({"victim_severe_harm": True}, "obtain", "especially_serious", ["解释第五条第二款第一项"]),
        (
            {"major_loss_or_bad_influence": True},
            "obtain",
            "especially_serious",
            ["解释第五条第二款第二项"],
        ),
        ({"obtained_in_duty": True}, "provide", "none", []),
        (
            {"first_offense": True, "returned_all_gains": True, "remorse": True},
            "provide",
            "none",
            [],
        ),
        ({"unit": True}, "provide", "none", []),
        ({"anonymized": True}, "provide", "none", []),
    ],
)
def test_flag_alone(flags: dict[str, bool], conduct: str, level: str, expected: list[str]) -> None:
    result = run(conduct=conduct, **flags)
    assert result["level"] == level
    assert provisions(result) == expected


def test_both_prior_records_give_one_ground_naming_both() -> None:
    result = run(prior_criminal_record=True, prior_admin_penalty_2y=True)
    (ground,) = result["grounds"]
    assert "刑事处罚" in ground["facts"]
    assert "行政处罚" in ground["facts"]


def test_flags_for_providing_are_explained_when_obtaining() -> None:
    result = run(conduct="obtain", track_used_in_crime=True, obtained_in_duty=True)
    assert any("第一项、第二项只适用于出售或者提供" in c for c in result["caveats"])
    assert any("第八项的减半标准" in c for c in result["caveats"])
    assert result["aggravations"] == []


def test_track_used_in_crime_without_track_count_gets_a_caveat() -> None:
    result = run(track_used_in_crime=True)
    assert any("行踪轨迹信息条数为 0" in c for c in result["caveats"])
    assert not any(
        "条数为 0" in c for c in run(track_used_in_crime=True, records={"track": 1})["caveats"]
    )


def test_duty_and_provide_aggravate_once_the_offence_is_made_out() -> None:
    result = run(obtained_in_duty=True, records={"track": 25})
    assert result["level"] == "serious"
    assert result["standard"] == "halved"
    assert result["aggravations"] == [
        {
            "provision": "刑法第二百五十三条之一第二款",
            "text": (
                "违反国家有关规定，将在履行职责或者提供服务过程中获得的公民个人信息，"
                "出售或者提供给他人的，依照前款的规定从重处罚。"
            ),
        }
    ]


def test_no_aggravation_below_the_threshold() -> None:
    result = run(obtained_in_duty=True, records={"track": 24})
    assert result["level"] == "none"
    assert result["aggravations"] == []


LENIENT = {"first_offense": True, "returned_all_gains": True, "remorse": True}


def test_leniency_needs_serious_and_all_three() -> None:
    result = run(records={"track": 50}, **LENIENT)
    assert result["leniency"]["provision"] == "解释第十条"
    assert "不起诉或者免予刑事处罚" in result["leniency"]["text"]


@pytest.mark.parametrize("missing", sorted(LENIENT))
def test_leniency_is_withheld_when_one_is_missing(missing: str) -> None:
    result = run(records={"track": 50}, **{**LENIENT, missing: False})
    assert result["leniency"] is None
    assert any("缺少" in c for c in result["caveats"])


@pytest.mark.parametrize("conduct", ["provide", "obtain", "purchase_for_business"])
def test_a_prior_criminal_punishment_rules_out_first_offence(conduct: str) -> None:
    # 解释第十条 needs 初犯; one who 曾因侵犯公民个人信息受过刑事处罚 (解释第五条第一款第九项,
    # 第六条第一款第二项) has offended before, whatever the 初犯 box says.
    result = run(conduct=conduct, prior_criminal_record=True, **LENIENT)
    assert result["level"] == "serious"
    assert result["leniency"] is None
    assert any("受过刑事处罚的不是初犯" in c for c in result["caveats"])
    assert any("目前缺少：初犯。" in c for c in result["caveats"])


def test_an_administrative_penalty_does_not_rule_out_first_offence() -> None:
    result = run(prior_admin_penalty_2y=True, **LENIENT)
    assert result["level"] == "serious"
    assert result["leniency"]["provision"] == "解释第十条"
    assert not any("不是初犯" in c for c in result["caveats"])


def test_no_leniency_when_especially_serious() -> None:
    result = run(records={"track": 500}, **LENIENT)
    assert result["level"] == "especially_serious"
    assert result["leniency"] is None
    assert any("解释第十条" in c for c in result["caveats"])


def test_unit_gets_the_article_7_note_and_the_same_level() -> None:
    result = run(unit=True, records={"track": 50})
    assert result["level"] == "serious"
    assert result["unit"] is True
    assert any("解释第七条" in c and "第四款" in c for c in result["caveats"])
    assert not any("解释第七条" in c for c in run(records={"track": 50})["caveats"])


def test_anonymized_provide_is_excluded_by_article_3_paragraph_2() -> None:
    result = run(anonymized=True, records={"track": 5000}, illegal_gain="100000")
    assert result["level"] == "none"
    assert result["grounds"] == []
    assert result["sentence"] is None
    assert result["fine_range"] is None
    assert [e["provision"] for e in result["exclusions"]] == ["解释第三条第二款"]
    assert any("解释第三条第二款" in c for c in result["caveats"])


def test_anonymized_does_not_excuse_obtaining() -> None:
    result = run(conduct="obtain", anonymized=True, records={"track": 50})
    assert result["level"] == "serious"
    assert result["exclusions"] == []
    assert any("解释第三条第二款" in c for c in result["caveats"])


@pytest.mark.parametrize(
    ("gain", "level", "expected"),
    [
        ("6000", "serious", {"min": "6000", "max": "30000"}),
        ("5000.10", "serious", {"min": "5000.10", "max": "25000.50"}),
        ("0", "serious", None),
        ("100", "none", None),
    ],
)
def test_fine_range_is_one_to_five_times_the_gain(
    gain: str, level: str, expected: dict[str, str] | None
) -> None:
    records = {"track": 50} if level == "serious" else {}
    result = run(illegal_gain=gain, records=records)
    assert result["level"] == level
    if expected is None:
        assert result["fine_range"] is None
    else:
        fine = result["fine_range"]
        assert {"min": fine["min"], "max": fine["max"]} == expected
        assert fine["provision"] == "解释第十二条"
        assert "一倍以上五倍以下" in fine["text"]


@pytest.mark.parametrize(
    ("level", "sentence"),
    [
        ({"track": 50}, "处三年以下有期徒刑或者拘役，并处或者单处罚金"),
        ({"track": 500}, "处三年以上七年以下有期徒刑，并处罚金"),
    ],
)
def test_sentence_band_names_its_provision(level: dict[str, int], sentence: str) -> None:
    result = run(records=level)
    assert result["sentence"] == sentence
    assert result["sentence_provision"] == "刑法第二百五十三条之一第一款"
