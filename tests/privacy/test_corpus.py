"""Precision and recall of the identifier detector over the labelled corpus (no database).

Run with `-s` to see the numbers: `.venv/bin/python -m pytest -n 0 -s tests/privacy/test_corpus.py`.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from privacy.identifiers import Finding, find_identifiers, mask_text

CORPUS = Path(__file__).with_name("identifiers.toml")
MIN_PRECISION = 0.98
MIN_RECALL = 0.95


@dataclass
class Score:
    expected: int = 0
    found: int = 0
    findings: int = 0
    correct_findings: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct_findings / self.findings if self.findings else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0


def load() -> dict:
    return tomllib.loads(CORPUS.read_text())


def spans(text: str, expect: list[dict]) -> list[tuple[str, int, int]]:
    result = []
    for item in expect:
        start = text.index(item["value"])
        result.append((item["kind"], start, start + len(item["value"])))
    return result


def overlaps(finding: Finding, kind: str, start: int, end: int) -> bool:
    return finding.kind == kind and finding.start < end and start < finding.end


def score() -> Score:
    corpus, result = load(), Score()
    for case in corpus["identifier"]:
        text, expected = case["text"], spans(case["text"], case["expect"])
        findings, masked = find_identifiers(text), mask_text(text).text
        result.expected += len(expected)
        for kind, start, end in expected:
            # Found: a finding of the right kind covers it, and the raw value is gone.
            if (
                any(overlaps(f, kind, start, end) for f in findings)
                and text[start:end] not in masked
            ):
                result.found += 1
            else:
                result.misses.append(f"{kind} {text[start:end]!r} in {text!r}")
        for finding in findings:
            result.findings += 1
            if any(overlaps(finding, *item) for item in expected):
                result.correct_findings += 1
            else:
                result.false_positives.append(
                    f"{finding.kind} {text[finding.start : finding.end]!r}"
                )
    for case in corpus["near_miss"]:
        for finding in find_identifiers(case["text"]):
            result.findings += 1
            text = case["text"]
            result.false_positives.append(f"{finding.kind} {text[finding.start : finding.end]!r}")
    return result


def test_the_corpus_is_big_enough() -> None:
    corpus = load()
    assert sum(len(case["expect"]) for case in corpus["identifier"]) >= 150
    assert len(corpus["near_miss"]) >= 150
    kinds = {item["kind"] for case in corpus["identifier"] for item in case["expect"]}
    assert kinds == {"身份证号", "手机号", "固定电话", "银行卡号", "电子邮箱", "车牌号", "详细地址"}


def test_precision_and_recall_meet_the_targets() -> None:
    result = score()
    print(
        f"\nidentifier corpus: {result.expected} identifiers, "
        f"{len(load()['near_miss'])} near-miss sentences; "
        f"precision {result.precision:.3f} ({result.correct_findings}/{result.findings}), "
        f"recall {result.recall:.3f} ({result.found}/{result.expected})"
    )
    for miss in result.misses:
        print("  missed:", miss)
    for false_positive in result.false_positives:
        print("  false positive:", false_positive)
    assert result.precision >= MIN_PRECISION
    assert result.recall >= MIN_RECALL
