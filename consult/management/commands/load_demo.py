"""python manage.py load_demo [--password PW]"""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from consult.demo.loader import DemoDataError, load_demo


class Command(BaseCommand):
    help = "载入演示用的分类、律师、问题和回答（已载入则跳过）。先运行 import_laws。"

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--password",
            help="为所有演示账号设置此密码，便于本地体验（演示数据已存在时也会设置）；"
            "默认演示账号无法登录。",
        )

    def handle(self, *args: Any, password: str | None, **options: Any) -> None:
        try:
            report = load_demo(password=password)
        except DemoDataError as error:
            raise CommandError(str(error)) from None
        if report.skipped:
            self.stdout.write("演示数据已存在，跳过载入。如需重新载入，先运行 remove_demo。")
            if password is not None:
                self.stdout.write(
                    self.style.SUCCESS(f"已为 {report.passwords_set} 个演示账号设置了新密码。")
                )
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"已载入演示数据：{report.categories} 个分类，{report.lawyers} 位律师，"
                f"{report.askers} 个提问用户，{report.questions} 个问题，{report.answers} 个回答，"
                f"{report.citations} 处法条引用，{report.related_links} 条相关问题链接，"
                f"{report.helpful_marks} 个“有帮助”。"
            )
        )
