"""Query parameters of the statute lists, one FilterSet per resource."""

from __future__ import annotations

import django_filters as filters
from django import forms

from statutes.models import Article, Law, LawVersion


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

    class Meta:
        model = Article
        fields: list[str] = []
