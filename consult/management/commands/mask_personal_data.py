from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from consult.services.masking import mask_stored_text


class Command(BaseCommand):
    help = (
        "为发布前已保存的问题、回答及其历史记录中的个人信息（身份证号、手机号等）打码，"
        "并重建相关问题的搜索索引。每批一个事务，可中断后重新运行。"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="只统计，不修改")

    def handle(self, *args: Any, **options: Any) -> None:
        result = mask_stored_text(dry_run=options["dry_run"])
        verb = "将打码" if options["dry_run"] else "已打码"
        self.stdout.write(
            f"{verb}：问题 {result.questions} 个，回答 {result.answers} 条，"
            f"历史记录 {result.history_rows} 条。"
        )
