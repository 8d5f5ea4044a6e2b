"""Query parameters of the statute lists, one FilterSet per resource."""

from __future__ import annotations

import django_filters as filters
from django import forms
from django.db.models import QuerySet

from search.query import parse_query
from search.segmenter import MAX_QUERY_CHARS
from statutes.models import Article, Law, LawVersion
from statutes.search import referenced_articles, search_articles


class IntegerFilter(filters.NumberFilter):
    """A whole number: NumberFilter would take "1.5" and match nothing."""

    field_class = forms.IntegerField


class LawFilter(filters.FilterSet):
    kind = filters.ChoiceFilter(choices=Law.Kind.choices, label="类别")

    class Meta:
        model = Law
        fields: list[str] = []


class LawArticleFilter(filters.FilterSet):
    """The articles of one law (its version in force): by number and by words in the text."""

    number = IntegerFilter(min_value=1, max_value=9999, label="条号，如 253")
    suffix = IntegerFilter(min_value=0, max_value=99, label="之几：第二百五十三条之一为 1")
    text = filters.CharFilter(
        field_name="text", lookup_expr="icontains", max_length=100, label="条文包含的文字"
    )

    class Meta:
        model = Article
        fields: list[str] = []


class ArticleFilter(LawArticleFilter):
    """Articles of every law and version."""

    law = filters.ModelChoiceFilter(
        field_name="version__law",
        queryset=Law.objects.all(),
        to_field_name="slug",
        label="法律标识（slug）",
    )
    status = filters.ChoiceFilter(
        field_name="version__status", choices=LawVersion.Status.choices, label="所属版本的效力"
    )
    q = filters.CharFilter(
        method="search",
        max_length=MAX_QUERY_CHARS,
        label="搜索词：在条文中查找，按相关程度排序；写条号（如“刑法 253-1”“第二百五十三条之一”）则只返回该条",
    )

    class Meta:
        model = Article
        fields: list[str] = []

    def search(self, queryset: QuerySet[Article], name: str, value: str) -> QuerySet[Article]:
        referenced = referenced_articles(value)
        if referenced.exists():
            return queryset.filter(pk__in=referenced.values("pk")).order_by(
                "version_id", "number", "suffix", "pk"
            )
        return search_articles(queryset, parse_query(value))
