"""One set of facts through the CLI, the API and the web form: the same JSON each time."""

from __future__ import annotations

import pytest
from django.test import Client

from assessment.engine import assess, parse_facts
from tests.assessment_web.ways import via_api, via_cli, via_form

pytestmark = pytest.mark.django_db

RICH_FACTS = {
    "conduct": "provide",
    "records": {"track": 30, "lodging": 300, "general": 1200},
    "illegal_gain": "4800.50",
    "obtained_in_duty": True,
    "first_offense": True,
    "returned_all_gains": True,
    "remorse": True,
    "unit": True,
}


def test_the_cli_the_api_and_the_form_give_the_same_json(client: Client) -> None:
    cli_status, from_cli = via_cli(RICH_FACTS)
    api_status, from_api = via_api(client, RICH_FACTS)
    form_status, from_form = via_form(client, RICH_FACTS)
    assert (cli_status, api_status, form_status) == (200, 200, 200)
    assert from_cli == from_api == from_form
    assert from_cli == assess(parse_facts(RICH_FACTS)).to_dict()
    # Rich enough to compare something: grounds, an aggravation, leniency and a fine.
    assert from_cli["grounds"] and from_cli["aggravations"]
    assert from_cli["leniency"] and from_cli["fine_range"]


def test_the_three_ways_agree_on_rejecting_the_same_bad_count(client: Client) -> None:
    bad = {"records": {"track": -1}}
    assert via_cli(bad) == (400, {"records.track": ["必须是非负整数，不能为负数"]})
    assert via_api(client, bad) == (400, {"records.track": ["必须是非负整数，不能为负数"]})
    status, errors = via_form(client, bad)
    assert status == 400
    assert [error["message"] for error in errors["track"]] == ["必须是非负整数，不能为负数"]
