from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from search.synonyms import load_shipped


class Command(BaseCommand):
    help = (
        "加入随站点提供的搜索同义词（search/data/synonyms.toml）中尚未存在的词条；不改动已有词条。"
    )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = load_shipped()
        except (ValidationError, KeyError, ValueError) as error:
            raise CommandError(f"同义词文件有误：{error}") from None
        self.stdout.write(f"新增 {report.added} 条同义词，已有 {report.kept} 条保持不变。")
