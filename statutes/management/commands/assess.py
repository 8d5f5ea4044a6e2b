"""Assess facts of 侵犯公民个人信息罪 from the command line.

    python manage.py assess --json < facts.json        # the contract's JSON in and out
    python manage.py assess --track 30 --lodging 300   # options in, a Chinese verdict out

Bad input exits with status 2 and says what is wrong, field by field, on stderr: with --json
as the same JSON the API answers with 400 ({"records.track": ["…"]}), otherwise as Chinese lines.
"""

from __future__ import annotations

import json
import sys
from argparse import ArgumentParser
from typing import Any, NoReturn, TextIO

from django.core.management.base import BaseCommand

from assessment.engine import (
    CONDUCTS,
    FIELD_LABELS,
    InvalidFacts,
    assess,
    parse_facts,
    render_verdict,
)
from assessment.engine.fields import FLAG_FIELDS, MONEY_FIELDS, RECORD_FIELDS
from assessment.forms import AssessmentForm
from assessment.json import error_body, load_json

EXIT_INVALID = 2
FACT_OPTIONS: tuple[str, ...] = ("conduct", *RECORD_FIELDS, *MONEY_FIELDS, *FLAG_FIELDS)


def option_name(field: str) -> str:
    return "--" + field.replace("_", "-")


class Command(BaseCommand):
    help = "评估侵犯公民个人信息罪的情节（刑法第二百五十三条之一，法释〔2017〕10号）。"
    # Tests pass stdin=io.StringIO(...) through call_command.
    stealth_options = ("stdin",)

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--json",
            action="store_true",
            help="从标准输入读取合同格式的 JSON 事实，输出 JSON 结果。",
        )
        conducts = "、".join(f"{key}（{label}）" for key, label in CONDUCTS)
        parser.add_argument(
            "--conduct",
            help=f"{FIELD_LABELS['conduct']}：{conducts}；默认 {CONDUCTS[0].key}",
        )
        # Values are read as text and checked by the same form as the web page, so that
        # "3.5" or "-1" gets the engine's message instead of argparse's or a silent int().
        for field in RECORD_FIELDS:
            parser.add_argument(
                option_name(field), metavar="条数", help=FIELD_LABELS[f"records.{field}"]
            )
        for field in MONEY_FIELDS:
            parser.add_argument(option_name(field), metavar="元", help=FIELD_LABELS[field])
        for field in FLAG_FIELDS:
            parser.add_argument(option_name(field), action="store_true", help=FIELD_LABELS[field])

    def handle(self, *args: Any, **options: Any) -> None:
        if options["json"]:
            given = [
                option_name(field)
                for field in FACT_OPTIONS
                if options.get(field) not in (None, False)
            ]
            if given:
                self._fail_json(f"--json 从标准输入读取事实，不能同时使用 {'、'.join(given)}")
            self._assess_json(options.get("stdin") or sys.stdin)
        else:
            self._assess_options(options)

    def _assess_json(self, stdin: TextIO) -> None:
        try:
            data = load_json(stdin.read())
        except UnicodeDecodeError:
            self._fail_json("标准输入不是 UTF-8 编码的文本")
        except ValueError as error:
            self._fail_json(str(error))
        try:
            facts = parse_facts(data)
        except InvalidFacts as invalid:
            self._exit_with(json.dumps(invalid.errors, ensure_ascii=False, indent=2))
        result = assess(facts).to_dict()
        self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))

    def _assess_options(self, options: dict[str, Any]) -> None:
        values = {field: options[field] for field in FACT_OPTIONS if options.get(field)}
        values.setdefault("conduct", CONDUCTS[0].key)  # the contract's default
        form = AssessmentForm(data=values)
        if not form.is_valid():
            lines = ["输入有误："]
            for field, messages in form.errors.items():
                name = option_name(field) if field in form.fields else "输入"
                lines += [f"  {name}：{message}" for message in messages]
            self._exit_with("\n".join(lines))
        assert form.facts is not None  # set by a valid form's clean()
        self.stdout.write(render_verdict(assess(form.facts)), ending="")

    def _fail_json(self, message: str) -> NoReturn:
        self._exit_with(json.dumps(error_body(message), ensure_ascii=False, indent=2))

    def _exit_with(self, message: str) -> NoReturn:
        # Not CommandError: it would prefix "CommandError: " and break the JSON on stderr.
        self.stderr.write(message)
        raise SystemExit(EXIT_INVALID)
