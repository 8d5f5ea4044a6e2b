from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from consult.models import Question
from consult.search_index import index_questions
from statutes.models import Article
from statutes.search_index import index_articles

BATCH = 1000


class Command(BaseCommand):
    help = (
        "重建问题和条文的全文搜索索引（更换分词词表后运行）。每批一个事务，可随时中断后重新运行。"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--only", choices=["questions", "articles"], help="只重建其中一种")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["only"] in (None, "articles"):
            articles = Article.objects.with_law().order_by("pk")
            count = 0
            for start in range(0, articles.count(), BATCH):
                with transaction.atomic():
                    count += index_articles(articles[start : start + BATCH])
            self.stdout.write(f"已重建 {count} 条条文的索引。")
        if options["only"] in (None, "questions"):
            ids = list(Question.objects.order_by("pk").values_list("pk", flat=True))
            for start in range(0, len(ids), BATCH):
                with transaction.atomic():
                    index_questions(ids[start : start + BATCH])
            self.stdout.write(f"已重建 {len(ids)} 个问题的索引。")
