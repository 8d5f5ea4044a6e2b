"""The curation screen for statute text. Every edit of an article is kept (django-simple-history):
the history page of an article shows who changed what and when, and can restore an earlier text."""

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest
from simple_history.utils import update_change_reason

from portal import page_cache
from portal.admin_history import ReadableHistoryAdmin
from statutes.models import Article, Law, LawAlias, LawVersion
from statutes.search_index import index_articles


class StatutePagesChange(admin.ModelAdmin):
    """A saved law, version or article changes the statute pages and the citations that
    question pages show: their cached copies go."""

    def save_model(self, request: HttpRequest, obj: Any, form: ModelForm, change: bool) -> None:
        super().save_model(request, obj, form, change)
        page_cache.bump(page_cache.STATUTES)

    def save_related(
        self, request: HttpRequest, form: ModelForm, formsets: Any, change: bool
    ) -> None:
        super().save_related(request, form, formsets, change)
        page_cache.bump(page_cache.STATUTES)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        super().delete_model(request, obj)
        page_cache.bump(page_cache.STATUTES)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        super().delete_queryset(request, queryset)
        page_cache.bump(page_cache.STATUTES)


class LawAliasInline(admin.TabularInline):
    model = LawAlias
    fields = ("alias",)
    extra = 1


class LawVersionInline(admin.TabularInline):
    model = LawVersion
    fields = ("slug", "version_date", "effective_date", "status", "doc_number")
    extra = 0
    show_change_link = True


@admin.register(Law)
class LawAdmin(StatutePagesChange, admin.ModelAdmin):
    list_display = ("title", "kind", "issuing_body", "slug")
    list_filter = ("kind",)
    search_fields = ("title", "slug")
    inlines = [LawVersionInline, LawAliasInline]


@admin.register(LawVersion)
class LawVersionAdmin(StatutePagesChange, admin.ModelAdmin):
    list_display = ("__str__", "slug", "status", "version_date", "effective_date", "doc_number")
    list_filter = ("status", "law__kind")
    search_fields = ("law__title", "slug", "doc_number")
    list_select_related = ("law",)
    raw_id_fields = ("supersedes",)


class ArticleChangeForm(forms.ModelForm):
    # Kept with the version in the edit history (simple_history's history_change_reason, 100
    # characters): whoever reads the history later learns why the text of a law was changed.
    change_reason = forms.CharField(
        label="修改原因",
        max_length=100,
        help_text="如“按 2023 年修正文本校对第二款”。会和这次修改一起记入修改历史。",
    )

    class Meta:
        model = Article
        fields = ("label", "number", "suffix", "part", "subpart", "chapter", "section", "text")


@admin.register(Article)
class ArticleAdmin(StatutePagesChange, ReadableHistoryAdmin):
    form = ArticleChangeForm
    list_display = ("label", "law_title", "version_date", "chapter", "excerpt")
    list_filter = ("version__law", "version__status")
    list_select_related = ("version__law",)
    # "刑法 第二百五十三条之一" or a number: the search box finds an article by law and number.
    search_fields = ("version__law__title", "label", "=number", "text")
    readonly_fields = ("version",)
    fields = ("version", *ArticleChangeForm.Meta.fields, "change_reason")
    ordering = ("version__law__title", "version", "number", "suffix")

    @admin.display(description="法律", ordering="version__law__title")
    def law_title(self, obj: Article) -> str:
        return obj.version.law.title

    @admin.display(description="版本", ordering="version__version_date")
    def version_date(self, obj: Article) -> str:
        return f"{obj.version.version_date:%Y-%m-%d}（{obj.version.status}）"

    @admin.display(description="条文")
    def excerpt(self, obj: Article) -> str:
        return obj.text[:40] + ("…" if len(obj.text) > 40 else "")

    def save_model(self, request, obj: Article, form, change: bool) -> None:
        super().save_model(request, obj, form, change)
        # The form requires a reason; code that saves without a form (tests) gives none.
        if form is not None:
            update_change_reason(obj, form.cleaned_data["change_reason"])
        index_articles([obj])  # the edited text is what search finds from now on

    def has_add_permission(self, request) -> bool:
        # Articles come from the importer; curators edit them.
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(LawAlias)
class LawAliasAdmin(admin.ModelAdmin):
    """The short names (个保法, 刑诉法) the citation detector reads in questions and answers."""

    list_display = ("alias", "law")
    list_filter = ("law__kind",)
    search_fields = ("alias", "law__title")
    list_select_related = ("law",)
    autocomplete_fields = ("law",)
