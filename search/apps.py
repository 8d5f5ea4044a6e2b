from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.backends.signals import connection_created


def _add_sqlite_functions(sender: Any, connection: Any, **kwargs: Any) -> None:
    if connection.vendor == "sqlite":
        from search.density import register

        register(connection.connection)


class SearchConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
    verbose_name = "搜索"

    def ready(self) -> None:
        connection_created.connect(_add_sqlite_functions, dispatch_uid="search-sqlite-functions")
