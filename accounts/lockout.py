"""Sign-in protection against password guessing (django-axes), two budgets in one place.

Axes counts failed sign-ins (the site's form and the admin's alike: both go through
``authenticate()``) and compares one number with one limit. This site needs two:

* per username — ``AXES_USERNAME_FAILURE_LIMIT`` failures at one account, from any number of
  addresses, lock that account for ``AXES_COOLOFF_TIME``. Guessing spread over many addresses
  (a botnet) is stopped after a handful of tries however many addresses it has.
* per address — ``AXES_IP_FAILURE_LIMIT`` failures from one address, at any usernames, lock that
  address. It is much higher: many people may share one address (an office, a campus, a
  carrier's NAT), and their occasional typos must not lock each other out; only spraying
  common passwords at many accounts reaches it.

The handler turns the address count into the username scale, so that axes's own comparison
(failures >= AXES_FAILURE_LIMIT) applies both limits. A successful sign-in forgets only that
username's failures, never the address's (a sprayer with an account of its own would otherwise
wipe its count by signing in). The way out of a username lock that needs no waiting is a
password reset (accounts.services.user_change_password); admins can delete the 访问尝试 rows
in the admin.
"""

from __future__ import annotations

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

LOCKED_MESSAGE = (
    "登录失败次数过多，已暂时锁定。请 {minutes} 分钟后再试，或通过“忘记密码”重设密码后立即登录。"
)


def _failures(attempts) -> int:
    return attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0


class PortalAxesHandler(AxesDatabaseHandler):
    def get_failures(self, request: HttpRequest, credentials: dict | None = None) -> int:
        # AXES_LOCKOUT_PARAMETERS is ["username", "ip_address"]: one queryset each, in order.
        by_username, by_ip = self.get_user_attempts(request, credentials)
        username_limit = settings.AXES_USERNAME_FAILURE_LIMIT
        ip_scaled = _failures(by_ip) * username_limit // settings.AXES_IP_FAILURE_LIMIT
        return max(_failures(by_username), ip_scaled)

    def reset_user_attempts(self, request: HttpRequest, credentials: dict | None = None) -> int:
        username = get_client_username(request, credentials)
        if not username:
            return 0
        count, _ = AccessAttempt.objects.filter(username=username).delete()
        return count


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None, credentials: dict | None
) -> HttpResponse:
    """The sign-in page again, saying why in Chinese (429, like every other limit here)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "registration/locked_out.html",
        {"message": LOCKED_MESSAGE.format(minutes=minutes)},
        status=429,
    )
