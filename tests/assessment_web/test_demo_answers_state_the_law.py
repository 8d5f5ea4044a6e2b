"""The demo answers about 侵犯公民个人信息罪 (consult/demo/questions.toml) against the law."""

from __future__ import annotations

import tomllib
from pathlib import Path

from statutes.assessment.law_texts import SENTENCES
from statutes.assessment.thresholds import HALVED, TIER_B, scaled_limit

QUESTIONS = Path(__file__).resolve().parents[2] / "consult" / "demo" / "questions.toml"


def answers(key: str) -> list[str]:
    data = tomllib.loads(QUESTIONS.read_text(encoding="utf-8"))
    (question,) = [q for q in data["question"] if q["key"] == key]
    return [answer["body"] for answer in question.get("answer", [])]


def test_filing_standard_states_both_sentence_bands_with_their_fines() -> None:
    body = answers("pi-crime-filing-standard")[0]
    # 刑法第二百五十三条之一第一款: both bands carry a fine.
    for sentence in SENTENCES.values():
        assert sentence in body


def test_filing_standard_restates_article_11_counting_rules_correctly() -> None:
    body = answers("pi-crime-filing-standard")[0]
    # 解释第十一条第三款: 根据查获的数量直接认定 — not a "real" number to be proved.
    assert "实际数量" not in body
    assert "按查获的数量直接认定，除非有证据证明信息不真实或者重复" in body
    # 第二款: the same information to different recipients.
    assert "同一信息分别卖给不同的单位或者个人则累计计算" in body


def test_hotel_answer_uses_the_halved_lodging_standard() -> None:
    body = answers("pi-hotel-guest-records")[0]
    assert scaled_limit(TIER_B, HALVED) == 250
    assert "住宿信息满二百五十条就够了" in body
    assert "第八项" in body and "第二款" in body


def test_business_purchase_answer_does_not_assume_facts_the_asker_did_not_give() -> None:
    body = answers("pi-buying-phone-lists")[0]
    # The asker never said how much profit the lists brought (解释第六条第一款第一项).
    assert "通过这些名单赚到的钱也没有达到五万元" not in body
    assert "如果利用这些名单获利也没有达到五万元" in body
