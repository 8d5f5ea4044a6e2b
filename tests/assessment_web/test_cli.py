"""``manage.py assess``: the contract's JSON with --json, a Chinese verdict from options."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.assessment_web.ways import run_cli

MANAGE_PY = Path(__file__).resolve().parents[2] / "manage.py"


def test_json_in_json_out() -> None:
    code, out, err = run_cli("--json", stdin='{"records": {"track": 30, "lodging": 300}}')
    assert (code, err) == (0, "")
    result = json.loads(out)
    assert result["level"] == "serious"
    assert result["proportional_sum"] == "1.2"


def test_options_print_a_readable_verdict_for_the_seed_example() -> None:
    code, out, err = run_cli("--track", "30", "--lodging", "300")
    assert (code, err) == (0, "")
    assert out.startswith("评估结论：情节严重\n")
    assert "解释第五条第一款第六项" in out
    assert "按比例合计：1.2" in out
    assert "法定刑：处三年以下有期徒刑或者拘役，并处或者单处罚金" in out


def test_every_fact_has_an_option() -> None:
    code, out, _ = run_cli(
        "--conduct=provide",
        "--track=10",
        "--communication-content=10",
        "--credit=10",
        "--property=10",
        "--lodging=1",
        "--communication-record=1",
        "--health=1",
        "--transaction=1",
        "--other-safety=1",
        "--general=1",
        "--illegal-gain=1000.50",
        "--business-profit=0",
        "--obtained-in-duty",
        "--anonymized",
        "--unit",
        "--track-used-in-crime",
        "--knew-recipient-criminal",
        "--victim-severe-harm",
        "--major-loss-or-bad-influence",
        "--prior-criminal-record",
        "--prior-admin-penalty-2y",
        "--first-offense",
        "--returned-all-gains",
        "--remorse",
    )
    assert code == 0
    # Anonymized information provided is not "提供公民个人信息" (解释第三条第二款).
    assert "评估结论：未达到情节严重" in out
    assert "解释第三条第二款" in out


def test_flags_count_like_the_other_ways() -> None:
    code, out, _ = run_cli("--conduct", "obtain", "--prior-admin-penalty-2y")
    assert code == 0
    assert "解释第五条第一款第九项" in out


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--track", "-5"], "--track：必须是非负整数，不能为负数"),
        (["--track", "3.5"], "--track：必须是非负整数，不能有小数"),
        (["--general", "99999999999999999999"], "--general：数值过大"),
        (["--general", "abc"], "--general：必须是非负整数"),
        (["--illegal-gain", "1,000"], "--illegal-gain：金额不要使用千位分隔符"),
        (["--business-profit", "12.345"], "--business-profit：金额最多保留两位小数"),
        (["--conduct", "steal"], "--conduct：必须是以下之一"),
    ],
)
def test_bad_option_values_exit_2_with_a_chinese_message(args: list[str], expected: str) -> None:
    code, out, err = run_cli(*args)
    assert code == 2
    assert out == ""
    assert err.startswith("输入有误：")
    assert expected in err


def test_json_mode_refuses_fact_options_too() -> None:
    code, _, err = run_cli("--json", "--track", "3", stdin="{}")
    assert code == 2
    assert "--track" in json.loads(err)["non_field_errors"][0]


def test_json_errors_on_stderr_are_the_api_shape() -> None:
    code, out, err = run_cli("--json", stdin='{"records": {"track": -1}, "colour": 1}')
    assert (code, out) == (2, "")
    assert json.loads(err) == {
        "records.track": ["必须是非负整数，不能为负数"],
        "colour": ["未知字段：colour"],
    }


@pytest.mark.parametrize(
    ("args", "stdin"),
    [(["--json"], b"not json"), (["--json"], b"\xff\xfe\xfa"), (["--track", "x"], b"")],
)
def test_from_a_shell_bad_input_exits_2_without_a_traceback(args: list[str], stdin: bytes) -> None:
    completed = subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
        [sys.executable, str(MANAGE_PY), "assess", *args],
        input=stdin,
        capture_output=True,
        timeout=60,
        check=False,
    )
    stderr = completed.stderr.decode()
    assert completed.returncode == 2
    assert completed.stdout == b""
    assert "Traceback" not in stderr
    assert "输入有误" in stderr or "non_field_errors" in stderr
