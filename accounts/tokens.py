"""API tokens (`Authorization: Token …`), one per user, created and revoked from the account page."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from rest_framework.authtoken.models import Token

from accounts.models import User


@transaction.atomic
def token_create(user: User) -> str:
    """A fresh token for the user. Any earlier token stops working: a token shown once and
    then lost is replaced, never recovered."""
    if not user.is_active:
        raise PermissionDenied("账号已停用，不能创建 API 令牌。")
    Token.objects.filter(user=user).delete()
    return Token.objects.create(user=user).key


def token_revoke(user: User) -> None:
    """The user's token stops working at once (doing nothing if there is none)."""
    Token.objects.filter(user=user).delete()


def token_exists(user: User) -> bool:
    """Whether the account page should offer "revoke" (the key itself is shown only once)."""
    return Token.objects.filter(user=user).exists()
