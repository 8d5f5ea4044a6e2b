"""The project's own app (its tables: write-budget counts and idempotent responses), and apps of
others in Chinese: django.contrib.admin with the site's own AdminSite (portal/admin_site.py),
and django-axes under a Chinese heading."""

import axes.apps
from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class PortalConfig(AppConfig):
    # `"portal"` in INSTALLED_APPS means this one, not the admin's or axes' configs below.
    default = True
    name = "portal"
    verbose_name = "站点"


class PortalAdminConfig(admin_apps.AdminConfig):
    default = False  # named in INSTALLED_APPS; PortalConfig is the default of `portal`
    default_site = "portal.admin_site.PortalAdminSite"


class AxesConfig(axes.apps.AppConfig):
    """django-axes (sign-in protection, accounts/lockout.py), headed in Chinese on the admin."""

    default = False
    verbose_name = "登录保护"
