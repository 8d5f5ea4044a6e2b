"""Writes to the statute database outside the importer: a curator's edit of an article."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from accounts.models import User
from statutes.models import Article
from statutes.search_index import index_articles

# What a curator may change: the admin's change form, less the version (articles don't move).
EDITABLE_FIELDS = ("label", "number", "suffix", "part", "subpart", "chapter", "section", "text")


def can_curate(user: User) -> bool:
    """The same test the admin applies before its change form: staff with the change permission."""
    return user.is_active and user.is_staff and user.has_perm("statutes.change_article")


@transaction.atomic
def article_update(*, article: Article, by: User, **changes: Any) -> Article:
    """Edit an article; the history records who did it, as an edit in the admin does."""
    if not can_curate(by):
        raise PermissionDenied("只有有条文编辑权限的管理员可以修改条文。")
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    article = Article.objects.select_for_update().get(pk=article.pk)
    for name, value in changes.items():
        setattr(article, name, value.strip() if isinstance(value, str) else value)
    article.full_clean()
    # The admin's history rows name the signed-in user through HistoryRequestMiddleware; an
    # API client may authenticate by token, so name the editor explicitly.
    article._history_user = by
    article.save()
    index_articles([article])
    return article
