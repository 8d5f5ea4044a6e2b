"""The three ways in, as functions of the contract's input: each returns (status, body).

status is the HTTP status (the CLI's exit code 0 reads as 200, 2 as 400); body is the
contract's output JSON on success, the field → messages errors otherwise. For the form, the
output is the ``assessment`` dict the view put in its context.
"""

from __future__ import annotations

import io
import json
from typing import Any

from django.core.management import call_command
from django.test import Client

from assessment.engine.fields import FLAG_FIELDS, MONEY_FIELDS

TOOL_URL = "/tools/personal-information-crime/"
API_URL = "/api/v1/assessments/"
WAYS = ("cli", "api", "form")


def run_cli(*args: str, stdin: str = "") -> tuple[int, str, str]:
    """``manage.py assess`` in-process: (exit code, stdout, stderr)."""
    stdout, stderr = io.StringIO(), io.StringIO()
    try:
        call_command("assess", *args, stdin=io.StringIO(stdin), stdout=stdout, stderr=stderr)
    except SystemExit as exit_:
        return int(exit_.code or 0), stdout.getvalue(), stderr.getvalue()
    return 0, stdout.getvalue(), stderr.getvalue()


def via_cli(data: object) -> tuple[int, Any]:
    text = data if isinstance(data, str) else json.dumps(data)
    code, out, err = run_cli("--json", stdin=text)
    if code:
        assert out == ""
        return 400, json.loads(err)
    return 200, json.loads(out)


def via_api(client: Client, data: object) -> tuple[int, Any]:
    body = data if isinstance(data, str) else json.dumps(data)
    response = client.post(API_URL, body, content_type="application/json")
    return response.status_code, response.json()


def form_data(facts: dict[str, Any]) -> dict[str, str]:
    """What the page's form posts for these facts (a checked box sends "on")."""
    data = {"conduct": facts.get("conduct", "provide")}
    data |= {kind: str(count) for kind, count in facts.get("records", {}).items()}
    data |= {name: str(facts[name]) for name in MONEY_FIELDS if name in facts}
    data |= {name: "on" for name in FLAG_FIELDS if facts.get(name)}
    return data


def via_form(client: Client, facts: dict[str, Any]) -> tuple[int, Any]:
    response = client.post(TOOL_URL, form_data(facts))
    if response.status_code == 200:
        return 200, response.context["assessment"]
    form = response.context["assessment_form"]
    return response.status_code, form.errors.get_json_data()


def via(way: str, client: Client, facts: dict[str, Any]) -> tuple[int, Any]:
    if way == "cli":
        return via_cli(facts)
    if way == "api":
        return via_api(client, facts)
    return via_form(client, facts)
