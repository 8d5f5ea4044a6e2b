"""The web form of the 侵犯公民个人信息罪 assessment.

The form only collects text and hands it to ``parse_facts``: the engine alone decides what is
valid, and its field-by-field errors are put back on the form's fields. Number fields are text
inputs (``inputmode`` brings up the right keyboard) because a browser's ``type=number`` turns
what it cannot parse into an empty value, i.e. silently into 0.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, NamedTuple

from django import forms

from assessment.engine import (
    CONDUCTS,
    FIELD_HELP,
    FIELD_LABELS,
    Facts,
    InvalidFacts,
    parse_facts,
)
from assessment.engine.facts import MSG_UNKNOWN, NON_FIELD_ERRORS
from assessment.engine.fields import FIELD_GROUPS, FLAG_FIELDS, MONEY_FIELDS, RECORD_FIELDS

# Posted alongside the facts by the page itself.
TRANSPORT_KEYS = frozenset({"csrfmiddlewaretoken"})

# A written number: optional sign, digits, optional decimals. Anything else (letters,
# separators, full-width digits, exponents) goes to the engine as text, which it rejects.
_NUMBER_RE = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")


def count_from_text(text: str) -> object:
    """What a typed count means, without coercion: "30" → 30, "3.5" → Decimal("3.5"),
    "-2" → -2 (the engine then says why the last two are wrong), "abc" → "abc"."""
    if not _NUMBER_RE.fullmatch(text):
        return text
    # Decimal, not int: int() refuses strings of more than 4300 digits with a ValueError.
    return Decimal(text)


def contract_data(values: dict[str, Any]) -> dict[str, Any]:
    """The contract's input JSON from text fields (``values`` maps form field names to text
    or booleans). A blank field is left out, so it takes the contract's default."""
    data: dict[str, Any] = {}
    if values.get("conduct"):
        data["conduct"] = values["conduct"]
    records = {key: count_from_text(values[key]) for key in RECORD_FIELDS if values.get(key)}
    if records:
        data["records"] = records
    data |= {key: values[key] for key in MONEY_FIELDS if values.get(key)}
    data |= {key: bool(values.get(key)) for key in FLAG_FIELDS}
    return data


def form_field_name(error_key: str) -> str | None:
    """The form field an engine error belongs to: "records.track" → "track";
    "non_field_errors" (and anything the form has no field for) → None."""
    if error_key == NON_FIELD_ERRORS:
        return None
    name = error_key.removeprefix("records.")
    return name if name in AssessmentForm.base_fields else None


class Fieldset(NamedTuple):
    legend: str
    fields: list[forms.BoundField]


# How the fields after the conduct are grouped on the page: the engine's groups, whose
# headings carry the thresholds' own numbers.
FIELDSETS: tuple[tuple[str, tuple[str, ...]], ...] = FIELD_GROUPS


def _count_field(key: str) -> forms.CharField:
    return forms.CharField(
        label=FIELD_LABELS[f"records.{key}"],
        help_text=FIELD_HELP[f"records.{key}"],
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )


def _money_field(key: str) -> forms.CharField:
    return forms.CharField(
        label=FIELD_LABELS[key],
        help_text=FIELD_HELP[key],
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )


def _flag_field(key: str) -> forms.BooleanField:
    return forms.BooleanField(label=FIELD_LABELS[key], help_text=FIELD_HELP[key], required=False)


class AssessmentForm(forms.Form):
    """The contract's fields, flattened: the record kinds are top-level fields here."""

    # 解释第十一条's counting rules, shown once above the record counts.
    records_help = FIELD_HELP["records"]

    # Required here although the contract defaults it: the page always sends the checked
    # radio, so a post without it (an empty body, a JSON body) is not from this form.
    conduct = forms.CharField(
        label=FIELD_LABELS["conduct"],
        help_text=FIELD_HELP["conduct"],
        initial=CONDUCTS[0].key,
        widget=forms.RadioSelect(choices=CONDUCTS),
        error_messages={"required": "请选择行为方式。"},
    )
    track = _count_field("track")
    communication_content = _count_field("communication_content")
    credit = _count_field("credit")
    property = _count_field("property")
    lodging = _count_field("lodging")
    communication_record = _count_field("communication_record")
    health = _count_field("health")
    transaction = _count_field("transaction")
    other_safety = _count_field("other_safety")
    general = _count_field("general")
    illegal_gain = _money_field("illegal_gain")
    business_profit = _money_field("business_profit")
    obtained_in_duty = _flag_field("obtained_in_duty")
    anonymized = _flag_field("anonymized")
    unit = _flag_field("unit")
    track_used_in_crime = _flag_field("track_used_in_crime")
    knew_recipient_criminal = _flag_field("knew_recipient_criminal")
    victim_severe_harm = _flag_field("victim_severe_harm")
    major_loss_or_bad_influence = _flag_field("major_loss_or_bad_influence")
    prior_criminal_record = _flag_field("prior_criminal_record")
    prior_admin_penalty_2y = _flag_field("prior_admin_penalty_2y")
    first_offense = _flag_field("first_offense")
    returned_all_gains = _flag_field("returned_all_gains")
    remorse = _flag_field("remorse")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "assess-%s")
        super().__init__(*args, **kwargs)
        self.facts: Facts | None = None

    def clean(self) -> dict[str, Any]:
        super().clean()  # Django's returns self.cleaned_data (typed as maybe None)
        cleaned = self.cleaned_data
        # A key no field reads would be dropped silently; say so instead, as the API does.
        for key in sorted(set(self.data) - set(self.fields) - TRANSPORT_KEYS):
            self.add_error(None, MSG_UNKNOWN.format(key=key))
        try:
            facts = parse_facts(contract_data(cleaned))
        except InvalidFacts as invalid:
            for key, messages in invalid.errors.items():
                for message in messages:
                    self.add_error(form_field_name(key), message)
        else:
            self.facts = None if self.errors else facts
        return cleaned

    def fieldsets(self) -> list[Fieldset]:
        return [Fieldset(legend, [self[name] for name in names]) for legend, names in FIELDSETS]

    def invalid_field_ids(self) -> list[str]:
        return [self[name].auto_id for name in self.errors if name in self.fields]
