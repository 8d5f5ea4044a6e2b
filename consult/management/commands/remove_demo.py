"""python manage.py remove_demo"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from consult.demo.loader import remove_demo


class Command(BaseCommand):
    help = "删除所有演示数据（标记为演示的用户、律师、问题、回答和未被真实问题使用的分类）。"

    def handle(self, *args: Any, **options: Any) -> None:
        deleted = remove_demo()
        self.stdout.write(
            self.style.SUCCESS(
                f"已删除演示数据：{deleted['consult.Question']} 个问题，"
                f"{deleted['consult.Answer']} 个回答，{deleted['consult.LawyerProfile']} 位律师，"
                f"{deleted['accounts.User']} 个用户，{deleted['consult.Category']} 个分类。"
            )
        )
