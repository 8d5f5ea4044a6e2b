"""Sitemap sections of the statute database: each law (its version in force) and each article
in force. Older versions stay reachable through the law pages' links; they are not listed, so
that search engines send readers to the text in force."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.db.models import DateTimeField, OuterRef, QuerySet, Subquery

from seo.sitemaps import LastChange, SiteSitemap
from statutes.models import Article, Law

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

# django-simple-history's record of every import and curation: when a text last changed.
ArticleHistory = Article.history.model


def _last_edit(history: QuerySet) -> Subquery:
    return Subquery(
        history.order_by("-history_date").values("history_date")[:1],
        output_field=DateTimeField(),
    )


class LawSitemap(SiteSitemap):
    def items(self) -> QuerySet[WithAnnotations[Law, LastChange]]:
        edited = _last_edit(ArticleHistory.objects.filter(version__law=OuterRef("pk")))
        return Law.objects.only("slug").annotate(last_change=edited).order_by("pk")

    def lastmod(self, law: WithAnnotations[Law, LastChange]) -> datetime | None:
        return law.last_change


class ArticleSitemap(SiteSitemap):
    def items(self) -> QuerySet[WithAnnotations[Article, LastChange]]:
        edited = _last_edit(ArticleHistory.objects.filter(id=OuterRef("pk")))
        return (
            Article.objects.current()
            .select_related("version__law")
            .only(
                "number",
                "suffix",
                "version",
                "version__status",
                "version__law",
                "version__law__slug",
            )
            .annotate(last_change=edited)
            .order_by("pk")
        )

    def lastmod(self, article: WithAnnotations[Article, LastChange]) -> datetime | None:
        return article.last_change
