"""Query parameters of the Q&A lists, one FilterSet per resource.

A value that can't be read (a date that isn't one, an unknown category, "answered=maybe") is a
400 with the parameter's name, never a filter quietly left out.
"""

from __future__ import annotations

import datetime

import django_filters as filters
from django import forms
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from drf_spectacular.utils import extend_schema_field

from consult.models import Answer, Category, LawyerProfile, Question, QuestionQuerySet
from consult.search import search_questions
from search.query import parse_query
from search.segmenter import MAX_QUERY_CHARS
from statutes.models import Article

# "true"/"false" only: django-filter's BooleanFilter reads anything else as "no filter".
YES_NO = (("true", "是"), ("false", "否"))

QUESTION_ORDERINGS = {
    "newest": ("-created_at", "-pk"),
    # The stored count of marks on visible answers, walked along its index.
    "helpful": ("-helpful_count", "-pk"),
}


# Dates far outside the site's life mean the same as its bounds, and 0001-01-01 or 9999-12-31
# would overflow once shifted to UTC or to the next day.
_EARLIEST, _LATEST = datetime.date(1970, 1, 1), datetime.date(9000, 1, 1)


def _start_of(day: datetime.date) -> datetime.datetime:
    """Midnight of the day in the site's time zone, compared with created_at (indexed)."""
    day = min(max(day, _EARLIEST), _LATEST)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class QuestionSearchFilter(filters.FilterSet):
    """What the search page offers; the API's QuestionFilter adds more. One set of names and
    one meaning for both."""

    q = filters.CharFilter(
        method="search",
        max_length=MAX_QUERY_CHARS,
        label="搜索词：在标题、问题描述和律师回答中查找，按相关程度排序",
    )
    category = filters.ModelChoiceFilter(
        queryset=Category.objects.all(),
        to_field_name="slug",
        label="分类标识（slug）",
        error_messages={"invalid_choice": "没有这个分类。"},
    )
    answered = filters.ChoiceFilter(
        choices=YES_NO, method="filter_answered", label="是否已有律师回答"
    )
    has_accepted = filters.ChoiceFilter(
        choices=YES_NO, method="filter_has_accepted", label="是否已有被采纳的回答"
    )

    class Meta:
        model = Question
        fields: list[str] = []

    def search(self, queryset: QuerySet[Question], name: str, value: str) -> QuerySet[Question]:
        # Relevance order; an `ordering` parameter (declared later) overrides it.
        return search_questions(queryset, parse_query(value))

    def filter_answered(
        self, queryset: QuerySet[Question], name: str, value: str
    ) -> QuerySet[Question]:
        # The stored count of visible answers (consult.counters).
        if value == "true":
            return queryset.filter(answer_count__gt=0)
        return queryset.filter(answer_count=0)

    def filter_has_accepted(
        self, queryset: QuerySet[Question], name: str, value: str
    ) -> QuerySet[Question]:
        accepted = Exists(
            Answer.objects.visible().filter(question=OuterRef("pk"), is_accepted=True)
        )
        return queryset.filter(accepted if value == "true" else ~accepted)


class QuestionFilter(QuestionSearchFilter):
    cites = filters.ModelChoiceFilter(
        queryset=Article.objects.all(),
        # A number box: a <select> in the browsable API would list all ~5000 articles.
        widget=forms.NumberInput,
        method="filter_cites",
        label="条文 id：问题本身或其（可见的）回答引用了该条文",
    )
    created_after = filters.DateFilter(method="filter_created_after", label="提问日期不早于（含）")
    created_before = filters.DateFilter(
        method="filter_created_before", label="提问日期不晚于（含）"
    )
    ordering = filters.ChoiceFilter(
        choices=(("newest", "最新提问在前（默认）"), ("helpful", "“有帮助”最多在前")),
        method="order",
        label="排序",
    )

    class Meta:
        model = Question
        fields: list[str] = []

    @extend_schema_field(
        {"type": "integer", "description": "条文 id：问题本身或其可见的回答引用了该条文"}
    )
    def filter_cites(
        self, queryset: QuestionQuerySet, name: str, value: Article
    ) -> QuestionQuerySet:
        return queryset.citing(value)

    def filter_created_after(
        self, queryset: QuerySet[Question], name: str, value: datetime.date
    ) -> QuerySet[Question]:
        return queryset.filter(created_at__gte=_start_of(value))

    def filter_created_before(
        self, queryset: QuerySet[Question], name: str, value: datetime.date
    ) -> QuerySet[Question]:
        return queryset.filter(
            created_at__lt=_start_of(min(value, _LATEST) + datetime.timedelta(1))
        )

    def order(self, queryset: QuerySet[Question], name: str, value: str) -> QuerySet[Question]:
        # The keyset pagination pages along whatever ordering the queryset ends up with.
        return queryset.order_by(*QUESTION_ORDERINGS[value])


class LawyerFilter(filters.FilterSet):
    region = filters.CharFilter(
        field_name="region", lookup_expr="icontains", max_length=50, label="执业地区包含的文字"
    )
    practice_area = filters.ModelChoiceFilter(
        queryset=Category.objects.all(),
        to_field_name="slug",
        method="filter_practice_area",
        label="擅长领域（分类标识 slug）",
    )

    class Meta:
        model = LawyerProfile
        fields: list[str] = []

    @extend_schema_field({"type": "string", "description": "擅长领域（分类标识 slug）"})
    def filter_practice_area(
        self, queryset: QuerySet[LawyerProfile], name: str, value: Category
    ) -> QuerySet[LawyerProfile]:
        through = LawyerProfile.practice_areas.through.objects.filter(
            lawyerprofile=OuterRef("pk"), category=value
        )
        return queryset.filter(Exists(through))
