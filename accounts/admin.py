from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest

from accounts.models import User
from accounts.services import user_unlock


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
    fieldsets = (*UserAdmin.fieldsets, ("通知", {"fields": ("email_notifications",)}))
    actions = [unlock_sign_in]
