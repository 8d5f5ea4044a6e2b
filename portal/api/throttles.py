"""Throttles. DRF's own classes read their rates once, at import; these read them per request,
so that a deployment (and a test) can change settings.REST_FRAMEWORK.

settings.REST_FRAMEWORK names these classes by dotted path, and rest_framework.views reads
DEFAULT_THROTTLE_CLASSES while it is being imported: this module must not import it at
module level.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ImproperlyConfigured
from rest_framework.permissions import SAFE_METHODS
from rest_framework.request import Request
from rest_framework.settings import api_settings
from rest_framework.throttling import (
    AnonRateThrottle,
    BaseThrottle,
    SimpleRateThrottle,
    UserRateThrottle,
)

if TYPE_CHECKING:
    from rest_framework.views import APIView


class _LiveRates(SimpleRateThrottle):
    def get_rate(self) -> str | None:
        rates = api_settings.DEFAULT_THROTTLE_RATES
        if self.scope not in rates:
            raise ImproperlyConfigured(f"没有为“{self.scope}”设置限速。")
        rate = rates[self.scope]
        return None if rate is None else str(rate)

    def _ident(self, request: Request) -> str:
        user = request.user
        return f"user-{user.pk}" if user.is_authenticated else f"ip-{self.get_ident(request)}"


class AnonThrottle(_LiveRates, AnonRateThrottle):
    """Visitors, per IP address."""


class UserThrottle(_LiveRates, UserRateThrottle):
    """Signed-in users, per user (visitors per IP address)."""


class WriteThrottle(BaseThrottle):
    """Unsafe methods only: they spend the one write budget the site's forms spend too, per
    user or per IP, counted atomically across processes (portal/limits.py)."""

    retry_after: int = 0

    def allow_request(self, request: Request, view: APIView) -> bool:
        if request.method in SAFE_METHODS:
            return True
        from portal.limits import spend_write

        # request.user: the API's own authentication (a token), which request._request lacks.
        spent = spend_write(user=request.user, request=request._request)
        self.retry_after = spent.retry_after
        return spent.allowed

    def wait(self) -> int | None:
        return self.retry_after or None


class AssessmentThrottle(_LiveRates):
    """The assessment endpoint, every method, per user or per IP.

    A view that sets throttle_classes replaces the defaults; an assessment computes and stores
    nothing, so it takes the read rates and this one, not the write rate:
    `throttle_classes = [AnonThrottle, UserThrottle, AssessmentThrottle]`.
    """

    scope = "assessments"

    def get_cache_key(self, request: Request, view: APIView) -> str | None:
        return self.cache_format % {"scope": self.scope, "ident": self._ident(request)}


class AccountThrottle(_LiveRates):
    """The account's own endpoints (data export, deletion), every method, per user: an export
    reads everything about the user, and a deletion checks the password."""

    scope = "account"

    def get_cache_key(self, request: Request, view: APIView) -> str | None:
        return self.cache_format % {"scope": self.scope, "ident": self._ident(request)}
