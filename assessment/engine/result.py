"""The output: frozen dataclasses and their contract JSON (``Result.to_dict``)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from assessment.engine.decimals import format_money, format_number
from assessment.engine.kinds import CONDUCT_LABELS
from assessment.engine.law_texts import CONDUCT_PROVISIONS, SENTENCE_PROVISION, SENTENCES

Level = Literal["none", "serious", "especially_serious"]
Standard = Literal["normal", "halved", "business"]

LEVELS: tuple[Level, ...] = ("none", "serious", "especially_serious")
LEVEL_LABELS: dict[str, str] = {
    "none": "未达到情节严重",
    "serious": "情节严重",
    "especially_serious": "情节特别严重",
}
STANDARD_LABELS: dict[str, str] = {
    "normal": "一般标准（解释第五条第一款）",
    "halved": "减半标准（解释第五条第一款第八项）",
    "business": "合法经营购买标准（解释第六条第一款）",
}


@dataclass(frozen=True)
class Ground:
    """A provision that is met, the rule it states, and the user's facts that meet it."""

    provision: str
    text: str
    facts: str
    stage: Literal["serious", "especially_serious"]  # the level this provision establishes
    key: str  # machine name of the route, e.g. "tier_a", "tier_a_halved", "prior_record"

    def to_dict(self) -> dict[str, str]:
        return {
            "provision": self.provision,
            "text": self.text,
            "facts": self.facts,
            "stage": self.stage,
            "key": self.key,
        }


@dataclass(frozen=True)
class Note:
    """A provision with what it means here (aggravation, leniency, exclusion)."""

    provision: str
    text: str

    def to_dict(self) -> dict[str, str]:
        return {"provision": self.provision, "text": self.text}


@dataclass(frozen=True)
class FineRange:
    """解释第十二条: the usual fine, 1–5 times the illegal gain, in 元."""

    provision: str
    min: Decimal
    max: Decimal
    text: str

    def to_dict(self) -> dict[str, str]:
        return {
            "provision": self.provision,
            "min": format_money(self.min),
            "max": format_money(self.max),
            "text": self.text,
        }


@dataclass(frozen=True)
class Result:
    """The assessment of one set of facts.

    ``grounds`` lists every provision met (both levels); ``exclusions`` lists provisions that
    take the conduct out of the offence (解释第三条第二款), which are not grounds.
    """

    level: Level
    conduct: str
    standard: Standard
    unit: bool
    proportional_sum: Decimal
    grounds: tuple[Ground, ...] = ()
    exclusions: tuple[Note, ...] = ()
    aggravations: tuple[Note, ...] = ()
    leniency: Note | None = None
    fine_range: FineRange | None = None
    caveats: tuple[str, ...] = ()

    @property
    def level_label(self) -> str:
        return LEVEL_LABELS[self.level]

    @property
    def sentence(self) -> str | None:
        return SENTENCES.get(self.level)

    @property
    def sentence_provision(self) -> str | None:
        return None if self.level == "none" else SENTENCE_PROVISION

    @property
    def conduct_label(self) -> str:
        return CONDUCT_LABELS[self.conduct]

    @property
    def conduct_provision(self) -> str:
        return CONDUCT_PROVISIONS[self.conduct]

    def to_dict(self) -> dict[str, Any]:
        """The contract's output JSON, built of plain JSON types only."""
        return {
            "level": self.level,
            "level_label": self.level_label,
            "grounds": [ground.to_dict() for ground in self.grounds],
            "proportional_sum": format_number(self.proportional_sum),
            "sentence": self.sentence,
            "sentence_provision": self.sentence_provision,
            "aggravations": [note.to_dict() for note in self.aggravations],
            "leniency": None if self.leniency is None else self.leniency.to_dict(),
            "fine_range": None if self.fine_range is None else self.fine_range.to_dict(),
            "caveats": list(self.caveats),
            "exclusions": [note.to_dict() for note in self.exclusions],
            "conduct": self.conduct,
            "conduct_label": self.conduct_label,
            "conduct_provision": self.conduct_provision,
            "standard": self.standard,
            "standard_label": STANDARD_LABELS[self.standard],
            "unit": self.unit,
        }
