from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest

from search import synonyms
from search.models import Synonym


@admin.register(Synonym)
class SynonymAdmin(admin.ModelAdmin):
    list_display = ["term", "legal_terms", "is_active", "is_shipped", "updated_at"]
    list_filter = ["is_active", "is_shipped"]
    list_editable = ["is_active"]
    search_fields = ["term", "legal_terms"]

    def save_model(self, request: HttpRequest, obj: Synonym, form: ModelForm, change: bool) -> None:
        super().save_model(request, obj, form, change)
        synonyms.forget()

    def delete_model(self, request: HttpRequest, obj: Synonym) -> None:
        super().delete_model(request, obj)
        synonyms.forget()

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Synonym]) -> None:
        super().delete_queryset(request, queryset)
        synonyms.forget()
