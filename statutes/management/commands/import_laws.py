"""python manage.py import_laws [--dry-run] [--overwrite] [--data-dir DIR]"""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from portal import page_cache
from statutes.aliases import load_aliases
from statutes.importing.loader import DEFAULT_DATA_DIR, ManifestError, import_laws


class Command(BaseCommand):
    help = "导入 statutes/data/manifest.json 所列的全部法律法规文本（可重复运行）。"

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="只解析和统计，不写入数据库。")
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help="用文件中的文本覆盖管理员已修改过的条文（修改记录会保留）。",
        )
        parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR, help="数据目录。")

    def handle(
        self, *args: Any, dry_run: bool, overwrite: bool, data_dir: Path, **options: Any
    ) -> None:
        try:
            report = import_laws(data_dir, overwrite=overwrite, dry_run=dry_run)
        except ManifestError as error:
            raise CommandError(str(error)) from None
        if not dry_run:
            page_cache.bump(page_cache.STATUTES)
        for version in report.versions:
            line = (
                f"{version.slug}: {version.articles} 条（新增 {version.created}，更新 {version.updated}，"
                f"未变 {version.unchanged}"
            )
            if version.curated_kept:
                line += f"，保留管理员修改 {version.curated_kept}"
            self.stdout.write(line + "）")
        if not dry_run and (added := load_aliases()):
            self.stdout.write(f"新增法律简称 {added} 个。")
        prefix = "[试运行，未写入] " if dry_run else ""
        self.stdout.write(
            self.style.SUCCESS(
                f"{prefix}共 {len(report.versions)} 个文件版本，{report.articles} 条。"
            )
        )
