"""Account writes: sign-up and notification preferences."""

from __future__ import annotations

from django.db import transaction

from accounts.models import User


@transaction.atomic
def user_set_email_notifications(*, user: User, enabled: bool) -> User:
    user.email_notifications = enabled
    user.save(update_fields=["email_notifications"])
    return user
