from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.text import validate_single_line


class User(AbstractUser):
    """The site's user. Custom from the start so that fields can be added later."""

    email_notifications = models.BooleanField(
        "接收邮件通知", default=True, help_text="关闭后不再发送回答、采纳等邮件通知。"
    )
    is_demo = models.BooleanField("演示数据", default=False, editable=False)
    # The display name (public_name): shown as one line beside every question asked under it.
    # The username is already limited to letters, digits and ./+/-/_ by Django's validator.
    first_name = models.CharField(
        _("first name"), max_length=150, blank=True, validators=[validate_single_line]
    )
    last_name = models.CharField(
        _("last name"), max_length=150, blank=True, validators=[validate_single_line]
    )
    # Set when the user deleted their account (consult.services.personal_data): the row stays for what
    # they published, with every personal field emptied.
    deleted_at = models.DateTimeField("注销时间", null=True, blank=True, editable=False)

    class Meta(AbstractUser.Meta):
        verbose_name = "用户"
        verbose_name_plural = "用户"

    @property
    def public_name(self) -> str:
        if self.deleted_at is not None:
            return DELETED_NAME
        return self.get_full_name() or self.username


# Shown wherever a deleted account's name would be (its questions, its answers' lawyer card).
DELETED_NAME = "已注销用户"
