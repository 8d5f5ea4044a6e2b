"""Recall@k and MRR of a search function over a labelled set of queries
(tests/search/relevance.toml): used by the relevance test and bench/search_relevance.py."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Case:
    query: str
    expect: tuple[str, ...]
    style: str


@dataclass
class Score:
    cases: int = 0
    recall_sum: float = 0.0
    reciprocal_rank_sum: float = 0.0
    misses: list[tuple[Case, list[str]]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.recall_sum / self.cases if self.cases else 0.0

    @property
    def mrr(self) -> float:
        return self.reciprocal_rank_sum / self.cases if self.cases else 0.0


def read_cases(path: Path) -> list[Case]:
    items = tomllib.loads(path.read_text(encoding="utf-8"))["case"]
    return [Case(i["query"], tuple(i["expect"]), i.get("style", "")) for i in items]


def evaluate(cases: list[Case], search: Callable[[str], list[str]], *, k: int = 5) -> Score:
    """search: query → result keys, best first. Recall@k counts the share of a case's expected
    keys in the first k; MRR the reciprocal rank of the first expected key (0 if none in k)."""
    score = Score()
    for case in cases:
        results = search(case.query)[:k]
        found = [key for key in case.expect if key in results]
        score.cases += 1
        score.recall_sum += len(found) / len(case.expect)
        ranks = [results.index(key) + 1 for key in found]
        score.reciprocal_rank_sum += 1 / min(ranks) if ranks else 0.0
        if len(found) < len(case.expect):
            score.misses.append((case, results))
    return score
