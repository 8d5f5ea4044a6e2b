"""python manage.py remove_demo"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from consult.demo.loader import remove_demo


class Command(BaseCommand):
    help = "删除所有演示数据（标记为演示的用户、律师、问题、回答和未被真实问题使用的分类）。"

    def handle(self, *args: Any, **options: Any) -> None:
        counts = remove_demo()
        self.stdout.write(
            self.style.SUCCESS(
                f"已删除演示数据：{counts['questions']} 行问题相关数据，{counts['lawyers']} 行律师数据，"
                f"{counts['users']} 行用户数据，{counts['categories']} 行分类数据。"
            )
        )
