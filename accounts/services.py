"""Account writes: passwords, sign-in lock-outs and notification preferences."""

from __future__ import annotations

from axes.utils import reset as axes_reset
from django.db import transaction

from accounts.models import User
from accounts.tokens import token_revoke


@transaction.atomic
def user_set_email_notifications(*, user: User, enabled: bool) -> User:
    user.email_notifications = enabled
    user.save(update_fields=["email_notifications"])
    return user


@transaction.atomic
def user_change_password(*, user: User, password: str) -> User:
    """The one way a password changes (the account page and a reset link alike).

    A password is changed because the old one may be known to someone else: the API token,
    which that someone may have created with it, stops working too. The change also proves
    the account's owner is here (they knew the old password or received the reset mail), so
    failed sign-ins counted against the username no longer lock it (see README, 登录保护)."""
    user.set_password(password)
    user.save(update_fields=["password"])
    token_revoke(user)
    user_unlock(user=user)
    return user


def user_unlock(*, user: User) -> None:
    """Forget the failed sign-ins counted against this username (from every address)."""
    axes_reset(username=user.get_username())
