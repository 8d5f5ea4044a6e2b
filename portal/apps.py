"""django.contrib.admin with the site's own AdminSite (portal/admin_site.py)."""

from django.contrib.admin.apps import AdminConfig


class PortalAdminConfig(AdminConfig):
    default_site = "portal.admin_site.PortalAdminSite"
