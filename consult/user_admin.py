"""The User admin (accounts.User): here, above accounts, because deleting a user recounts consult's
stored counters and refreshes cached pages. consult/admin.py imports it, which registers it."""

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest

from accounts.models import User
from accounts.services import user_unlock
from consult import counters
from consult.models import HelpfulMark, Question
from portal import page_cache


@admin.action(description="解除所选用户的登录锁定", permissions=["change"])
def unlock_sign_in(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet) -> None:
    # Forgets the failed sign-ins counted against these usernames (accounts/lockout.py); a
    # locked address is lifted under Axes → Access attempts.
    for user in queryset:
        user_unlock(user=user)
    modeladmin.message_user(
        request, f"已解除 {queryset.count()} 位用户的登录锁定。", messages.SUCCESS
    )


@admin.register(User)
class PortalUserAdmin(UserAdmin):
    list_display = ("username", "email", "is_staff", "is_active", "is_demo", "date_joined")
    list_filter = ("is_staff", "is_active", "is_demo")
    fieldsets = (*(UserAdmin.fieldsets or ()), ("通知", {"fields": ("email_notifications",)}))

    # A user's name shows as the asker of their questions; deleting a user takes their
    # questions and helpful marks along (the counters they moved are recounted).
    def save_model(self, request, obj: User, form, change: bool) -> None:
        super().save_model(request, obj, form, change)
        page_cache.bump(page_cache.LISTS)

    def delete_model(self, request, obj: User) -> None:
        affected = counters.affected_by_deleting(
            questions=obj.questions.all(), marks=obj.helpful_marks.all()
        )
        questions = list(obj.questions.values_list("pk", flat=True))
        super().delete_model(request, obj)
        affected.refresh()
        page_cache.bump(*map(page_cache.question_scope, questions), page_cache.LISTS)

    def delete_queryset(self, request, queryset) -> None:
        affected = counters.affected_by_deleting(
            questions=Question.objects.filter(author__in=queryset),
            marks=HelpfulMark.objects.filter(user__in=queryset),
        )
        questions = list(Question.objects.filter(author__in=queryset).values_list("pk", flat=True))
        super().delete_queryset(request, queryset)
        affected.refresh()
        page_cache.bump(*map(page_cache.question_scope, questions), page_cache.LISTS)

    actions = [unlock_sign_in]
