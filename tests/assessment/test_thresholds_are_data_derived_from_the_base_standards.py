"""thresholds.py: base standards typed once, halved and tenfold forms derived from them."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from assessment.engine import law_texts, thresholds
from assessment.engine.thresholds import (
    ARTICLE5_MEASURES,
    HALVED,
    HALVED_TENFOLD,
    NORMAL,
    TENFOLD,
    scaled_limit,
)

LAW_TEXTS = Path(__file__).resolve().parents[2] / "statutes" / "data" / "texts"


@pytest.mark.parametrize(
    ("scale", "limits"),
    [
        (NORMAL, ["50", "500", "5000", "1", "5000"]),
        (HALVED, ["25", "250", "2500", "0.5", "2500"]),
        (TENFOLD, ["500", "5000", "50000", "10", "50000"]),
        (HALVED_TENFOLD, ["250", "2500", "25000", "5", "25000"]),
    ],
)
def test_limits_at_each_scale(scale: thresholds.Scale, limits: list[str]) -> None:
    assert [scaled_limit(t, scale) for t in ARTICLE5_MEASURES] == [Decimal(x) for x in limits]


def test_each_threshold_cites_its_item() -> None:
    assert [t.provision for t in ARTICLE5_MEASURES] == [
        f"解释第五条第一款第{n}项" for n in "三四五六七"
    ]
    assert HALVED.provision == "解释第五条第一款第八项"
    assert TENFOLD.provision == HALVED_TENFOLD.provision == "解释第五条第二款第三项"
    assert thresholds.BUSINESS_PROFIT.limit == 50000
    assert thresholds.BUSINESS_PROFIT.provision == "解释第六条第一款第一项"


def _law(name: str) -> str:
    path = LAW_TEXTS / name
    if not path.exists():
        pytest.skip(f"{path} is not present")
    return path.read_text(encoding="utf-8")


def test_quoted_interpretation_texts_are_verbatim() -> None:
    text = _law("pi-crime-interpretation-2017.md")
    quoted = [
        *law_texts.ARTICLE5_SERIOUS.values(),
        *law_texts.ARTICLE5_ESPECIALLY_SERIOUS.values(),
        *law_texts.ARTICLE6_SERIOUS.values(),
        law_texts.ARTICLE3_P2,
        law_texts.ARTICLE6_P2,
        law_texts.ARTICLE7,
        law_texts.ARTICLE10,
        law_texts.ARTICLE12_FINE,
        *law_texts.ARTICLE11.split("。"),
    ]
    for passage in quoted:
        assert passage in text, passage


def test_quoted_criminal_law_texts_are_verbatim() -> None:
    text = _law("criminal-law.md")
    for passage in [
        law_texts.CRIMINAL_LAW_P2,
        law_texts.CRIMINAL_LAW_P4,
        law_texts.CRIMINAL_LAW_99,
        *law_texts.SENTENCES.values(),
    ]:
        assert passage in text, passage
