"""The import_laws command: counts, paragraphs, idempotent re-runs, --dry-run, bad data."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from statutes.importing.loader import DEFAULT_DATA_DIR
from statutes.models import Article, Law, LawVersion
from tests.factories import article

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("import_laws", *args, stdout=out)
    return out.getvalue()


def test_every_manifest_document_is_imported() -> None:
    manifest = json.loads((DEFAULT_DATA_DIR / "manifest.json").read_text())
    assert LawVersion.objects.count() == len(manifest)
    assert Article.objects.filter(version__slug="criminal-law").count() == 505


def test_article_253_1_has_its_four_paragraphs() -> None:
    paragraphs = article("criminal-law", 253, 1).paragraphs
    assert len(paragraphs) == 4
    assert paragraphs[0].text.startswith("违反国家有关规定，向他人出售或者提供公民个人信息")
    assert paragraphs[3].text.startswith("单位犯前三款罪的")


def test_versions_of_one_law_share_the_law_and_the_newer_supersedes_the_older() -> None:
    law = Law.objects.get(slug="cybersecurity-law")
    old, new = law.versions.order_by("version_date")
    assert (old.status, new.status) == ("已修改", "有效")
    assert new.supersedes == old


def test_a_second_run_changes_nothing() -> None:
    before = Article.history.count()
    output = run()
    assert "新增 0，更新 0" in output
    assert Article.history.count() == before


def test_dry_run_writes_nothing() -> None:
    Article.objects.filter(version__slug="labor-contract-law").delete()
    output = run("--dry-run")
    assert "试运行" in output
    assert "labor-contract-law: 98 条（新增 98" in output
    assert not Article.objects.filter(version__slug="labor-contract-law").exists()


def test_a_curated_text_is_kept_unless_overwrite_is_asked_for() -> None:
    curated = article("labor-contract-law", 1)
    curated.text = "管理员修订后的文本。"
    curated.save()
    assert "保留管理员修改 1" in run()
    curated.refresh_from_db()
    assert curated.text == "管理员修订后的文本。"

    run("--overwrite")
    curated.refresh_from_db()
    assert curated.text.startswith("为了完善劳动合同制度")
    assert curated.history.first().history_change_reason == "从法规文本重新导入"


def test_a_missing_text_file_fails_with_a_clear_message_and_writes_nothing(tmp_path: Path) -> None:
    shutil.copytree(DEFAULT_DATA_DIR, tmp_path / "data")
    (tmp_path / "data" / "texts" / "trademark-law.md").unlink()
    Article.objects.filter(version__slug="criminal-law", number=1).delete()
    with pytest.raises(CommandError, match="trademark-law"):
        run("--data-dir", str(tmp_path / "data"))
    assert not Article.objects.filter(version__slug="criminal-law", number=1).exists()


def test_a_malformed_manifest_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "manifest.json").write_text("{not json")
    with pytest.raises(CommandError, match="JSON"):
        run("--data-dir", str(tmp_path))


def test_an_unknown_status_is_rejected(tmp_path: Path) -> None:
    shutil.copytree(DEFAULT_DATA_DIR, tmp_path / "data")
    manifest = json.loads((tmp_path / "data" / "manifest.json").read_text())
    manifest[0]["status"] = "失效"
    (tmp_path / "data" / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False))
    with pytest.raises(CommandError, match="失效"):
        run("--data-dir", str(tmp_path / "data"))


def test_the_project_does_not_need_the_shared_folder() -> None:
    assert Path(__file__).resolve().parents[2] / "statutes" / "data" == DEFAULT_DATA_DIR
    assert (DEFAULT_DATA_DIR / "texts" / "criminal-law.md").exists()
