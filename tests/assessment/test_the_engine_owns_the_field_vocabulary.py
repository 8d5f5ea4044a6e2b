"""The engine names the input fields and groups them; the group headings read the law's
numbers from the thresholds, so that a changed threshold cannot leave a stale heading."""

from __future__ import annotations

from assessment.engine.facts import FIELD_NAMES
from assessment.engine.fields import FIELD_GROUPS, FLAG_FIELDS, MONEY_FIELDS, RECORD_FIELDS
from assessment.engine.kinds import RECORD_KINDS
from assessment.engine.thresholds import TIER_THRESHOLDS


def test_the_groups_hold_every_input_field_once() -> None:
    grouped = [key for group in FIELD_GROUPS for key in group.fields]
    assert len(grouped) == len(set(grouped))
    assert set(grouped) == set(RECORD_FIELDS) | set(MONEY_FIELDS) | set(FLAG_FIELDS)
    assert set(FIELD_NAMES) - {"conduct", "records"} == set(MONEY_FIELDS) | set(FLAG_FIELDS)


def test_each_tier_heading_carries_its_thresholds_number() -> None:
    for group, (tier, threshold) in zip(FIELD_GROUPS, TIER_THRESHOLDS.items(), strict=False):
        assert f"{threshold.limit} 条" in group.legend
        assert set(group.fields) == {kind.key for kind in RECORD_KINDS if kind.tier == tier}
