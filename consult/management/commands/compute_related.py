from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from consult import related
from consult.models import Question

BATCH = 500


class Command(BaseCommand):
    help = (
        "计算并保存相关问题列表（默认只算还没有列表的问题，从最新的开始）。"
        "写入问题或回答时列表会自动重算；本命令用于批量导入或重建索引之后补算。可随时中断后重新运行。"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--all", action="store_true", help="也重算已有列表的问题")
        parser.add_argument("--limit", type=int, default=0, help="最多计算这么多个问题（0：不限）")

    def handle(self, *args: Any, **options: Any) -> None:
        questions = Question.objects.visible().select_related("category").order_by("-pk")
        if not options["all"]:
            questions = questions.filter(related_list__isnull=True)
        if options["limit"] > 0:
            questions = questions[: options["limit"]]
        count = 0
        # Each list is one upsert of its own: nothing to roll back, and an interrupted run
        # resumes where it stopped.
        for question in questions.iterator(chunk_size=BATCH):
            related.store(question)
            count += 1
            if count % BATCH == 0:
                self.stdout.write(f"已计算 {count} 个问题的相关问题……")
        self.stdout.write(f"已计算 {count} 个问题的相关问题。")
