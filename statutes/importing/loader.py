"""Load the documents of a manifest (statutes/data/manifest.json) into the statute database.

Idempotent: laws, versions and articles are matched by slug and number. An article whose text an
admin has since curated keeps the curated text unless `overwrite` is asked for; either way the
report says how many differ.
"""

from __future__ import annotations

import datetime
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from statutes.importing.parser import LawTextError, ParsedDocument, parse_document
from statutes.models import Article, Law, LawVersion
from statutes.search_index import index_articles, index_missing

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
_YEAR_SUFFIX = re.compile(r"-\d{4}$")


class ManifestError(ValueError):
    """The manifest or a text it names is missing or malformed."""


@dataclass(frozen=True)
class ManifestEntry:
    slug: str
    law_slug: str
    title: str
    kind: str
    issuing_body: str
    doc_number: str
    version_date: datetime.date
    effective_date: datetime.date | None
    status: str
    supersedes: str | None
    files: tuple[str, ...]


@dataclass
class VersionReport:
    slug: str
    articles: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    curated_kept: int = 0


@dataclass
class ImportReport:
    versions: list[VersionReport] = field(default_factory=list)

    @property
    def articles(self) -> int:
        return sum(v.articles for v in self.versions)


def read_manifest(data_dir: Path) -> list[ManifestEntry]:
    path = data_dir / "manifest.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ManifestError(f"找不到清单文件：{path}") from None
    except json.JSONDecodeError as error:
        raise ManifestError(f"清单文件不是有效的 JSON：{error}") from None
    if not isinstance(raw, list):
        raise ManifestError("清单文件应为数组")
    titles: dict[str, int] = defaultdict(int)
    for item in raw:
        titles[item.get("title", "")] += 1
    entries = []
    for index, item in enumerate(raw):
        try:
            slug = item["slug"]
            # Versions of one law share a title; their law takes the slug without the year.
            law_slug = _YEAR_SUFFIX.sub("", slug) if titles[item["title"]] > 1 else slug
            entries.append(
                ManifestEntry(
                    slug=slug,
                    law_slug=law_slug,
                    title=item["title"],
                    kind=item["kind"],
                    issuing_body=item["issuing_body"],
                    doc_number=item.get("doc_number") or "",
                    version_date=datetime.date.fromisoformat(item["version_date"]),
                    effective_date=(
                        datetime.date.fromisoformat(item["effective_date"])
                        if item.get("effective_date")
                        else None
                    ),
                    status=item["status"],
                    supersedes=item.get("supersedes"),
                    files=tuple(item["files"]),
                )
            )
        except (KeyError, TypeError, ValueError) as error:
            raise ManifestError(f"清单第 {index + 1} 项有误：{error!r}") from None
    if invalid := {e.status for e in entries} - set(LawVersion.Status.values):
        raise ManifestError(f"未知的效力状态：{', '.join(sorted(invalid))}")
    return entries


def parse_entry(data_dir: Path, entry: ManifestEntry) -> ParsedDocument:
    texts = []
    for name in entry.files:
        path = data_dir / "texts" / name
        try:
            texts.append(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ManifestError(f"{entry.slug}：找不到文本文件 {path}") from None
    try:
        return parse_document(texts)
    except LawTextError as error:
        raise ManifestError(f"{entry.slug}：{error}") from None


def import_laws(
    data_dir: Path = DEFAULT_DATA_DIR, *, overwrite: bool = False, dry_run: bool = False
) -> ImportReport:
    """Import every document of the manifest in one transaction (rolled back when dry_run)."""
    entries = read_manifest(data_dir)
    # Parse everything before writing anything: a bad file leaves the database untouched.
    documents = {entry.slug: parse_entry(data_dir, entry) for entry in entries}
    report = ImportReport()
    with transaction.atomic():
        versions: dict[str, LawVersion] = {}
        for entry in entries:
            version = _upsert_version(entry, documents[entry.slug])
            versions[entry.slug] = version
            report.versions.append(
                _upsert_articles(version, documents[entry.slug], overwrite=overwrite)
            )
        for entry in entries:
            if entry.supersedes:
                if entry.supersedes not in versions:
                    raise ManifestError(f"{entry.slug}：取代的版本 {entry.supersedes} 不在清单中")
                version = versions[entry.slug]
                version.supersedes = versions[entry.supersedes]
                version.save(update_fields=["supersedes"])
        # The new articles' documents in one pass (updated ones were written as they changed).
        index_missing()
        if dry_run:
            transaction.set_rollback(True)
    return report


def _upsert_version(entry: ManifestEntry, document: ParsedDocument) -> LawVersion:
    law, _ = Law.objects.update_or_create(
        slug=entry.law_slug,
        defaults={"title": entry.title, "kind": entry.kind, "issuing_body": entry.issuing_body},
    )
    version, _ = LawVersion.objects.update_or_create(
        slug=entry.slug,
        defaults={
            "law": law,
            "doc_number": entry.doc_number,
            "version_date": entry.version_date,
            "effective_date": entry.effective_date,
            "status": entry.status,
            "history_note": "\n".join(document.history),
            "preamble": "\n".join(document.preamble),
            "appendix": "\n\n".join(document.appendices),
        },
    )
    return version


def _upsert_articles(
    version: LawVersion, document: ParsedDocument, *, overwrite: bool
) -> VersionReport:
    report = VersionReport(slug=version.slug, articles=len(document.articles))
    existing = {(a.number, a.suffix): a for a in version.articles.all()}
    new = []
    for parsed in document.articles:
        fields = {
            "label": parsed.label,
            "part": parsed.part,
            "subpart": parsed.subpart,
            "chapter": parsed.chapter,
            "section": parsed.section,
            "text": article_body(parsed.text, parsed.label),
        }
        article = existing.get((parsed.number, parsed.suffix))
        if article is None:
            new.append(
                Article(version=version, number=parsed.number, suffix=parsed.suffix, **fields)
            )
            continue
        changed = [name for name, value in fields.items() if getattr(article, name) != value]
        if not changed:
            report.unchanged += 1
        elif "text" in changed and not overwrite:
            report.curated_kept += 1
        else:
            for name in changed:
                setattr(article, name, fields[name])
            article._change_reason = "从法规文本重新导入"
            article.save()
            index_articles([article])
            report.updated += 1
    # One INSERT for a law's articles, with their first historical record.
    created = bulk_create_with_history(new, Article, default_change_reason="导入")
    report.created = len(created)
    return report


def article_body(text: str, label: str) -> str:
    """The article's text without its leading "第…条 " label, which the model keeps apart."""
    first, _, rest = text.partition("\n")
    if first.startswith(label):
        first = first[len(label) :].lstrip(" \u3000")
    elif first.startswith("第"):
        # The one source line that misplaces the space ("第一百二十八 条侦查人员…").
        first = first[first.index("条") + 1 :].lstrip(" \u3000")
    return first + ("\n" + rest if rest else "")
