"""One way to write a date on every page: `{{ value|site_date }}` (2026年12月1日), or with the
time, `{{ value|site_date:"time" }}` (2026年12月1日 14:05), in the site's time zone. A builtin
of the templates (settings.TEMPLATES), so no page loads it or picks its own format."""

from __future__ import annotations

import datetime

from django import template
from django.utils.dateformat import format as date_format
from django.utils.timezone import is_aware, localtime

register = template.Library()

DATE_FORMAT = "Y年n月j日"
DATETIME_FORMAT = "Y年n月j日 H:i"


@register.filter
def site_date(value: datetime.date | None, arg: str = "") -> str:
    if not isinstance(value, datetime.date):
        return ""
    if isinstance(value, datetime.datetime) and is_aware(value):
        value = localtime(value)
    return date_format(value, DATETIME_FORMAT if arg == "time" else DATE_FORMAT)
