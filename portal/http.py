"""Requests whose user is known to be signed in, for the type checker and at run time.

`request.user` is `User | AnonymousUser`; services take a `User`. A view behind
`login_required` annotates its request as AuthenticatedHttpRequest (as healthchecks does): the
decorator is what guarantees it. A DRF view behind IsAuthenticated (or a permission that implies
it) asks signed_in_user(), which checks rather than assumes.
"""

from __future__ import annotations

from django.http import HttpRequest
from rest_framework.exceptions import NotAuthenticated
from rest_framework.request import Request

from accounts.models import User


class AuthenticatedHttpRequest(HttpRequest):
    """The request of a view behind login_required (or the admin's staff check)."""

    user: User


def signed_in_user(request: Request) -> User:
    """The request's user, who must be signed in (a 401 for the API client otherwise)."""
    user = request.user
    if not isinstance(user, User) or not user.is_authenticated:
        raise NotAuthenticated()
    return user


__all__ = ["AuthenticatedHttpRequest", "signed_in_user"]
