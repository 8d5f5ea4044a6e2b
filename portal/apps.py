"""Apps of others, in Chinese: django.contrib.admin with the site's own AdminSite
(portal/admin_site.py), and django-axes under a Chinese heading."""

import axes.apps
from django.contrib.admin.apps import AdminConfig


class PortalAdminConfig(AdminConfig):
    default_site = "portal.admin_site.PortalAdminSite"


class AxesConfig(axes.apps.AppConfig):
    """django-axes (sign-in protection, accounts/lockout.py), headed in Chinese on the admin."""

    verbose_name = "登录保护"
