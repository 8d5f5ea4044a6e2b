from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from consult.services.citations import detect_stored_citations


class Command(BaseCommand):
    help = (
        "识别已保存的问题和回答正文中引用的法条（如“刑法第二百五十三条之一”），"
        "记为其引用条文；可重复运行，只写入有变化的。"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=500, help="每批条数")

    def handle(self, *args: Any, **options: Any) -> None:
        report = detect_stored_citations(batch_size=options["batch_size"])
        self.stdout.write(f"引用条文有变化：问题 {report.questions} 个，回答 {report.answers} 条。")
