"""The admin in Chinese throughout: the site's own titles instead of "Django 管理", and a front
page that shows what waits for staff (lawyer applications, hidden questions and answers)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.template.response import TemplateResponse

from consult.selectors import moderation_counts


class PortalAdminSite(admin.AdminSite):
    site_header = "法律咨询网管理"
    site_title = "法律咨询网管理"
    index_title = "管理首页"
    index_template = "admin/portal_index.html"

    def index(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> TemplateResponse:
        return super().index(request, {**(extra_context or {}), "waiting": moderation_counts()})
