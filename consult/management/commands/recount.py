"""python manage.py recount [--dry-run]: recompute every stored counter (consult.counters)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from consult import counters
from portal import page_cache

SHOWN = 50


class Command(BaseCommand):
    help = "按定义重新统计回答数、有帮助数、已帮助人数和分类问题数；可重复运行。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="只列出与重新统计不符的计数，不写入。"
        )

    @transaction.atomic
    def handle(self, *args: Any, dry_run: bool, **options: Any) -> None:
        found = counters.differences()
        for difference in found[:SHOWN]:
            self.stdout.write(
                f"{difference.counter} #{difference.pk}：存储 {difference.stored}，"
                f"实际 {difference.actual}"
            )
        if len(found) > SHOWN:
            self.stdout.write(f"……另有 {len(found) - SHOWN} 处不符")
        if dry_run:
            self.stdout.write(self.style.SUCCESS(f"[试运行，未写入] {len(found)} 处计数不符。"))
            return
        if found:
            counters.recount_all()
            page_cache.bump(page_cache.LISTS, page_cache.STATUTES)
        self.stdout.write(self.style.SUCCESS(f"已重新统计，修正 {len(found)} 处计数。"))
