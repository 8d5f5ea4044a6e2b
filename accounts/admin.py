from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from accounts.models import User


@admin.register(User)
class PortalUserAdmin(UserAdmin):
    list_display = ("username", "email", "is_staff", "is_active", "is_demo", "date_joined")
    list_filter = ("is_staff", "is_active", "is_demo")
    fieldsets = (*UserAdmin.fieldsets, ("通知", {"fields": ("email_notifications",)}))
