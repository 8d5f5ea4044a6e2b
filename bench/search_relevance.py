"""Relevance of the question search over tests/search/relevance.toml, for the choices the
search makes: prints recall@5 and MRR for each variant (and the old substring search).

Usage:  .venv/bin/python bench/search_relevance.py
Uses its own database (bench/out/relevance.sqlite3, or DATABASE_URL if set): laws, synonyms
and the demo content are loaded into it; nothing else is touched.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from consult.models import Question

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"
CASES = ROOT / "tests" / "search" / "relevance.toml"
STATUTE_CASES = ROOT / "tests" / "search" / "statute_relevance.toml"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{OUT / 'relevance.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    # The development settings, as before DEBUG defaulted to false.
    os.environ.setdefault("DEBUG", "true")
    import django

    django.setup()
    import rjieba
    from django.core.management import call_command
    from django.db import connection
    from django.db.models import Q

    from consult import search as consult_search
    from consult import selectors
    from consult.models import Question
    from consult.search_index import index_questions
    from search import query as query_module
    from search import segmenter, synonyms
    from search.relevance import evaluate, read_cases
    from statutes.search import article_search

    devnull = open(os.devnull, "w")  # noqa: SIM115
    call_command("migrate", verbosity=0, stdout=devnull)
    call_command("import_laws", verbosity=0, stdout=devnull)
    call_command("load_synonyms", verbosity=0, stdout=devnull)
    call_command("load_demo", verbosity=0, stdout=devnull)
    cases = read_cases(CASES)
    keys = {q.title: key for key, q in demo_questions(Question)}

    def reindex() -> None:
        index_questions(Question.objects.values_list("pk", flat=True))

    def run(name: str, search: Callable[[str], list[str]]) -> None:
        score = evaluate(cases, lambda text: [keys.get(t, "?") for t in search(text)])
        styles = Counter(case.style for case, _ in score.misses)
        print(
            f"{name:<48} recall@5 {score.recall:.3f}  MRR {score.mrr:.3f}  "
            f"misses {len(score.misses)} {dict(styles)}"
        )

    def ranked(text: str) -> list[str]:
        return list(consult_search.question_search(text).values_list("title", flat=True)[:5])

    def substring(text: str) -> list[str]:
        rows = selectors.question_list().filter(Q(title__icontains=text) | Q(body__icontains=text))
        return list(rows.values_list("title", flat=True)[:5])

    @contextmanager
    def patched(module: object, name: str, value: object) -> Iterator[None]:
        old = getattr(module, name)
        setattr(module, name, value)
        try:
            yield
        finally:
            setattr(module, name, old)

    def precise_document(text: str) -> list[str]:
        segmenter._load_dictionary()
        return segmenter._words(rjieba.cut(segmenter.normalize(text)))

    def search_mode_query(text: str) -> list[str]:
        return segmenter.document_words(text[: segmenter.MAX_QUERY_CHARS])

    print(f"{len(cases)} queries, {connection.vendor}")
    run("before: substring (icontains) over title/body", substring)
    with patched(segmenter, "document_words", precise_document):
        reindex()
        run("index precise, query precise", ranked)
    reindex()
    run("index search mode, query precise (chosen)", ranked)
    run(
        "suggestions: title and body (similar_questions)",
        lambda text: [q.title for q in consult_search.similar_questions(text)],
    )
    with patched(query_module, "query_words", search_mode_query):
        run("index search mode, query search mode", ranked)
    with patched(synonyms, "synonym_map", dict):
        run("chosen, without synonyms", ranked)
    with (
        patched(query_module.typos, "corrections", lambda word: []),
        patched(query_module.typos, "window_corrections", lambda text, exclude: []),
    ):
        run("chosen, without typo corrections", ranked)
    statute_cases = read_cases(STATUTE_CASES)

    def articles(text: str) -> list[str]:
        return [f"{a.version.law.slug} {a.slug}" for a in article_search(text)[:3]]

    for name, index in (("search mode (chosen)", None), ("precise", precise_document)):
        if index:
            with patched(segmenter, "document_words", index):
                call_command("rebuild_search_index", only="articles", stdout=devnull)
        else:
            call_command("rebuild_search_index", only="articles", stdout=devnull)
        score = evaluate(statute_cases, articles, k=3)
        print(
            f"{'statutes, index ' + name:<48} recall@3 {score.recall:.3f}  MRR {score.mrr:.3f}  "
            f"misses {len(score.misses)} of {score.cases}"
        )
    call_command("rebuild_search_index", only="articles", stdout=devnull)
    call_command("remove_demo", verbosity=0, stdout=devnull)


def demo_questions(question_model: type[Question]) -> Iterator[tuple[str, Question]]:
    import tomllib

    from consult.demo.loader import DEMO_DIR

    items = tomllib.loads((DEMO_DIR / "questions.toml").read_text(encoding="utf-8"))["question"]
    by_title = {q.title: q for q in question_model.objects.filter(is_demo=True)}
    for item in items:
        yield item["key"], by_title[item["title"]]


if __name__ == "__main__":
    main()
