"""``render_verdict``: the CLI's text names the level and every provision."""

from __future__ import annotations

from assessment.engine import assess, parse_facts, render_verdict


def test_seed_verdict() -> None:
    text = render_verdict(assess(parse_facts({"records": {"track": 30, "lodging": 300}})))
    assert text.startswith("评估结论：情节严重\n")
    assert "解释第五条第一款第六项" in text
    assert "按比例合计：1.2" in text
    assert "处三年以下有期徒刑或者拘役，并处或者单处罚金（刑法第二百五十三条之一第一款）" in text
    assert "不构成法律意见" in text
    assert text.endswith("\n")


def test_rich_verdict_lists_every_part() -> None:
    data = {
        "obtained_in_duty": True,
        "records": {"track": 60},
        "illegal_gain": "3000",
        "first_offense": True,
        "returned_all_gains": True,
        "remorse": True,
        "unit": True,
    }
    result = assess(parse_facts(data))
    text = render_verdict(result)
    for ground in result.grounds:
        assert ground.provision in text
        assert ground.facts in text
    assert "从重处罚" in text
    assert "解释第十条" in text
    assert "解释第十二条" in text
    assert "单位犯罪" in text


def test_none_and_excluded_verdicts() -> None:
    text = render_verdict(assess(parse_facts({})))
    assert "评估结论：未达到情节严重" in text
    assert "法定刑" not in text
    text = render_verdict(assess(parse_facts({"anonymized": True, "records": {"track": 99}})))
    assert "解释第三条第二款" in text
