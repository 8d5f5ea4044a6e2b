"""Admin screens: lawyer verification, moderation, categories and curated related links."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypedDict

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.db.models import Exists, OuterRef, QuerySet
from django.forms import ModelForm
from django.http import HttpRequest

from consult import (
    counters,
    related,
    user_admin,  # noqa: F401  (registers the User admin)
)
from consult.models import Answer, Category, FollowUp, LawyerProfile, Question, RelatedLink
from consult.search_index import index_question, index_questions
from consult.services.lawyers import TransitionError, lawyer_set_status
from consult.services.masking import masked
from consult.services.moderation import review, set_hidden
from portal import page_cache
from portal.admin_history import ReadableHistoryAdmin
from portal.http import AuthenticatedHttpRequest

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "position", "concerns_pi_crime", "is_demo")
    list_editable = ("position",)
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}

    # A category's name and place show on the home page, category pages and every list row.
    def save_model(
        self, request: HttpRequest, obj: Category, form: ModelForm, change: bool
    ) -> None:
        super().save_model(request, obj, form, change)
        page_cache.bump(page_cache.LISTS)

    def delete_model(self, request: HttpRequest, obj: Category) -> None:
        super().delete_model(request, obj)
        page_cache.bump(page_cache.LISTS)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Category]) -> None:
        super().delete_queryset(request, queryset)
        page_cache.bump(page_cache.LISTS)


class LawyerDecisionForm(ActionForm):
    """The admin's reason, sent to the lawyer with the decision (required to reject or revoke:
    the lawyer must learn what to correct)."""

    note = forms.CharField(
        label="审核说明（驳回、撤销时必填，会通知律师本人）",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"size": 40}),
    )


# Decisions the lawyer must be told the reason for.
NEEDS_REASON = {LawyerProfile.Status.REJECTED, LawyerProfile.Status.REVOKED}


def _decide(status: str, label: str):
    @admin.action(description=f"{label}所选律师", permissions=["change"])
    def action(
        modeladmin: admin.ModelAdmin, request: AuthenticatedHttpRequest, queryset: QuerySet
    ) -> None:
        note = " ".join(request.POST.get("note", "").split())[:200]
        if status in NEEDS_REASON and not note:
            modeladmin.message_user(
                request, f"{label}律师时请填写审核说明，说明会通知律师本人。", messages.ERROR
            )
            return
        done, refused = 0, []
        for profile in queryset:
            try:
                lawyer_set_status(profile=profile, status=status, by=request.user, note=note)
                done += 1
            except TransitionError as error:
                refused.append(f"{profile.real_name}：{error}")
        if done:
            modeladmin.message_user(request, f"已{label} {done} 位律师。", messages.SUCCESS)
        for line in refused:
            modeladmin.message_user(request, line, messages.WARNING)

    action.__name__ = f"mark_{status}"
    return action


class DuplicateLicenseFilter(admin.SimpleListFilter):
    """Applications whose licence number is also on another profile: the application form
    doesn't tell applicants that a number is taken (it would tell anyone whose it is), so
    the duplicates are sorted out here, before one of them is verified."""

    title = "执业证号重复"
    parameter_name = "duplicate_license"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin):
        return (("yes", "与其他申请重复"),)

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "yes":
            return queryset.filter(duplicate_license=True)
        return queryset


class DuplicateLicense(TypedDict):
    """What LawyerProfileAdmin.get_queryset annotates a profile with."""

    duplicate_license: bool


@admin.register(LawyerProfile)
class LawyerProfileAdmin(ReadableHistoryAdmin):
    list_display = (
        "real_name",
        "law_firm",
        "region",
        "license_number",
        "duplicate_license",
        "status",
        "applied_at",
        "status_changed_at",
        "status_changed_by",
    )
    list_filter = ("status", DuplicateLicenseFilter, "practice_areas", "is_demo")
    search_fields = ("real_name", "license_number", "law_firm", "user__username", "user__email")
    list_select_related = ("user", "status_changed_by")
    raw_id_fields = ("user",)
    filter_horizontal = ("practice_areas",)
    # The state changes only through the actions, which record who and when.
    readonly_fields = ("status", "status_changed_at", "status_changed_by", "applied_at")
    fields = (
        "user",
        "real_name",
        "license_number",
        "law_firm",
        "region",
        "practice_areas",
        "bio",
        "status",
        "status_note",
        "status_changed_at",
        "status_changed_by",
        "applied_at",
    )
    action_form = LawyerDecisionForm
    actions = [
        _decide(LawyerProfile.Status.VERIFIED, "认证"),
        _decide(LawyerProfile.Status.REJECTED, "驳回"),
        _decide(LawyerProfile.Status.REVOKED, "撤销认证"),
    ]

    # The name, firm and region show on the lawyer's cards and profile.
    def save_model(
        self, request: HttpRequest, obj: LawyerProfile, form: ModelForm, change: bool
    ) -> None:
        super().save_model(request, obj, form, change)
        counters.refresh_lawyers([obj.pk])  # the form's copy of the counter may be stale
        page_cache.bump(page_cache.LISTS)

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        same_number = LawyerProfile.objects.filter(
            license_number=OuterRef("license_number")
        ).exclude(pk=OuterRef("pk"))
        return super().get_queryset(request).annotate(duplicate_license=Exists(same_number))

    @admin.display(description="证号重复", boolean=True, ordering="duplicate_license")
    def duplicate_license(self, profile: WithAnnotations[LawyerProfile, DuplicateLicense]) -> bool:
        return profile.duplicate_license


@admin.action(description="隐藏所选内容", permissions=["change"])
def hide_selected(
    modeladmin: admin.ModelAdmin, request: AuthenticatedHttpRequest, queryset: QuerySet
) -> None:
    count = set_hidden(queryset, hidden=True, by=request.user, reason="管理员隐藏")
    modeladmin.message_user(request, f"已隐藏 {count} 项。", messages.SUCCESS)


@admin.action(description="取消隐藏所选内容", permissions=["change"])
def unhide_selected(
    modeladmin: admin.ModelAdmin, request: AuthenticatedHttpRequest, queryset: QuerySet
) -> None:
    count = set_hidden(queryset, hidden=False, by=request.user)
    modeladmin.message_user(request, f"已取消隐藏 {count} 项。", messages.SUCCESS)


@admin.action(description="审核通过（公开）", permissions=["change"])
def approve_selected(
    modeladmin: admin.ModelAdmin, request: AuthenticatedHttpRequest, queryset: QuerySet
) -> None:
    count = review(queryset, approve=True, by=request.user)
    modeladmin.message_user(request, f"已通过 {count} 个问题。", messages.SUCCESS)


@admin.action(description="审核不通过", permissions=["change"])
def reject_selected(
    modeladmin: admin.ModelAdmin, request: AuthenticatedHttpRequest, queryset: QuerySet
) -> None:
    count = review(queryset, approve=False, by=request.user)
    modeladmin.message_user(request, f"已拒绝 {count} 个问题。", messages.SUCCESS)


class ReviewQueueFilter(admin.SimpleListFilter):
    """The moderation queue (questions held for review by consult.services.holds, approved or
    rejected with the actions), and the questions their askers deleted."""

    title = "审核"
    parameter_name = "queue"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list:
        return [("held", "待审核队列"), ("deleted", "提问者已删除")]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet | None:
        if self.value() == "held":
            return queryset.filter(pk__in=Question.objects.held().values("pk"))
        if self.value() == "deleted":
            return queryset.filter(deleted_at__isnull=False)
        return None


class RelatedLinkInline(admin.TabularInline):
    model = RelatedLink
    fk_name = "from_question"
    raw_id_fields = ("to_question",)
    extra = 1
    verbose_name = "相关问题（人工）"
    verbose_name_plural = "相关问题（人工，按排序显示在计算结果之前）"


class QuestionCitationInline(admin.TabularInline):
    model = Question.cited_articles.through
    raw_id_fields = ("article",)
    extra = 0


@admin.register(Question)
class QuestionAdmin(ReadableHistoryAdmin):
    list_display = (
        "title",
        "category",
        "author",
        "is_anonymous",
        "is_hidden",
        "review_status",
        "deleted_at",
        "created_at",
        "is_demo",
    )
    list_filter = (ReviewQueueFilter, "review_status", "is_hidden", "category", "is_demo")
    search_fields = ("title", "body", "author__username")
    list_select_related = ("category", "author")
    raw_id_fields = ("author",)
    # Deletion and review go through their services (the actions), never the form.
    readonly_fields = (
        "review_status",
        "review_note",
        "deleted_at",
        "deleted_by",
        "delete_reason",
        "created_at",
        "updated_at",
    )
    exclude = ("cited_articles",)
    inlines = [QuestionCitationInline, RelatedLinkInline]
    actions = [hide_selected, unhide_selected, approve_selected, reject_selected]
    date_hierarchy = "created_at"

    def save_model(
        self, request: HttpRequest, obj: Question, form: ModelForm, change: bool
    ) -> None:
        # Staff edits are published too: masked like the asker's own text.
        obj.title, obj.body = masked(obj.title), masked(obj.body)
        before = Question.objects.filter(pk=obj.pk).values_list("category_id", flat=True).first()
        super().save_model(request, obj, form, change)
        # The asker, the category or the visibility may have changed: recount what they move
        # (and the question's own counters, which the form's copy may have overwritten).
        counters.refresh_questions([obj.pk])
        counters.question_changed(obj, old_category_id=before)
        index_question(obj.pk)

    def delete_model(self, request: HttpRequest, obj: Question) -> None:
        affected = counters.affected_by_deleting(questions=Question.objects.filter(pk=obj.pk))
        super().delete_model(request, obj)
        affected.refresh()
        page_cache.bump(page_cache.question_scope(obj.pk), page_cache.LISTS)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Question]) -> None:
        affected = counters.affected_by_deleting(questions=queryset)
        ids = list(queryset.values_list("pk", flat=True))
        super().delete_queryset(request, queryset)
        affected.refresh()
        page_cache.bump(*map(page_cache.question_scope, ids), page_cache.LISTS)


class AnswerCitationInline(admin.TabularInline):
    model = Answer.cited_articles.through
    raw_id_fields = ("article",)
    extra = 0


@admin.register(Answer)
class AnswerAdmin(ReadableHistoryAdmin):
    list_display = ("question", "lawyer", "is_accepted", "is_hidden", "created_at", "is_demo")
    list_filter = ("is_hidden", "is_accepted", "is_demo")
    search_fields = ("body", "question__title", "lawyer__real_name")
    list_select_related = ("question", "lawyer")
    raw_id_fields = ("question", "lawyer")
    readonly_fields = ("is_accepted", "accepted_at", "created_at", "updated_at")
    inlines = [AnswerCitationInline]
    actions = [hide_selected, unhide_selected]

    # An edit here changes the text (or visibility, or question) that a question's search
    # document holds: rewrite the documents of the question(s) concerned.
    def save_model(self, request: HttpRequest, obj: Answer, form: ModelForm, change: bool) -> None:
        obj.body = masked(obj.body)
        before = Answer.objects.filter(pk=obj.pk).values_list("question_id", "lawyer_id").first()
        question_before, lawyer_before = before or (None, None)
        super().save_model(request, obj, form, change)
        # The question, the lawyer or the visibility may have changed: recount both sides.
        counters.refresh_questions([obj.question_id, question_before])
        counters.refresh_answers([obj.pk])
        counters.refresh_lawyers([obj.lawyer_id, lawyer_before])
        index_questions({pk for pk in (obj.question_id, question_before) if pk is not None})

    def save_related(self, request: HttpRequest, form: ModelForm, formsets, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        related.forget(form.instance.question_id)  # its citations may have changed
        page_cache.bump(page_cache.LISTS)  # and so the questions listed on article pages

    def delete_model(self, request: HttpRequest, obj: Answer) -> None:
        affected = counters.affected_by_deleting(answers=Answer.objects.filter(pk=obj.pk))
        super().delete_model(request, obj)
        affected.refresh()
        index_question(obj.question_id)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Answer]) -> None:
        affected = counters.affected_by_deleting(answers=queryset)
        question_ids = set(queryset.values_list("question_id", flat=True))
        super().delete_queryset(request, queryset)
        affected.refresh()
        index_questions(question_ids)


@admin.register(RelatedLink)
class RelatedLinkAdmin(admin.ModelAdmin):
    list_display = ("from_question", "to_question", "position")
    raw_id_fields = ("from_question", "to_question")
    list_select_related = ("from_question", "to_question")
    search_fields = ("from_question__title", "to_question__title")

    # A curated link is the first thing 相关问题 shows: the question's cached list goes.
    def save_model(
        self, request: HttpRequest, obj: RelatedLink, form: ModelForm, change: bool
    ) -> None:
        before = RelatedLink.objects.filter(pk=obj.pk).values_list("from_question_id", flat=True)
        stale = {obj.from_question_id, *before}
        super().save_model(request, obj, form, change)
        for question_id in stale:
            related.forget(question_id)

    def delete_model(self, request: HttpRequest, obj: RelatedLink) -> None:
        super().delete_model(request, obj)
        related.forget(obj.from_question_id)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[RelatedLink]) -> None:
        question_ids = set(queryset.values_list("from_question_id", flat=True))
        super().delete_queryset(request, queryset)
        for question_id in question_ids:
            related.forget(question_id)


@admin.register(FollowUp)
class FollowUpAdmin(admin.ModelAdmin):
    """追问 are written on the site only (masked there); staff read and delete them."""

    list_display = ("answer", "author", "created_at")
    search_fields = ("body", "author__username")
    list_select_related = ("answer__question", "answer__lawyer", "author")
    raw_id_fields = ("answer", "author")
    readonly_fields = ("answer", "author", "body", "created_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    # The thread shows on its question's page.
    def delete_model(self, request: HttpRequest, obj: FollowUp) -> None:
        question_id = obj.answer.question_id
        super().delete_model(request, obj)
        page_cache.bump(page_cache.question_scope(question_id))

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[FollowUp]) -> None:
        question_ids = set(queryset.values_list("answer__question_id", flat=True))
        super().delete_queryset(request, queryset)
        page_cache.bump(*(page_cache.question_scope(pk) for pk in question_ids))
