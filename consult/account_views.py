"""The account's own pages that show or remove what the user has on the site: the account page
(their questions, lawyer application, e-mail settings, API token), the data export, account
deletion and the unsubscribe link. Here, above accounts, because they reach consult's data."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    JsonResponse,
)
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST
from django_ratelimit.decorators import ratelimit

from accounts.forms import AccountDeleteForm, NotificationSettingsForm
from accounts.models import User
from accounts.services import user_set_email_notifications
from accounts.tokens import token_create, token_exists, token_revoke
from consult import selectors as consult_selectors
from consult.models import LawyerProfile
from consult.services.notifications import user_from_unsubscribe_token
from consult.services.personal_data import account_delete, user_data_export
from portal.http import AuthenticatedHttpRequest


def _account_page(
    request: AuthenticatedHttpRequest, form: NotificationSettingsForm, new_token: str = ""
) -> HttpResponse:
    response = render(
        request,
        "accounts/account.html",
        {
            "form": form,
            "lawyer": LawyerProfile.objects.filter(user=request.user).first(),
            "my_questions": consult_selectors.questions_of(request.user),
            "has_token": token_exists(request.user),
            "new_token": new_token,
        },
    )
    # The page may show a freshly created API token: keep it out of every cache.
    add_never_cache_headers(response)
    return response


@login_required
@ratelimit(key="user", rate="20/m", method="POST", block=True)
def account(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = NotificationSettingsForm(
        request.POST if request.method == "POST" else None, instance=request.user
    )
    if request.method == "POST" and form.is_valid():
        user_set_email_notifications(
            user=request.user, enabled=form.cleaned_data["email_notifications"]
        )
        messages.success(request, "设置已保存。")
        return redirect("accounts:account")
    return _account_page(request, form)


@require_POST
@login_required
@ratelimit(key="user", rate="10/h", method="POST", block=True)
def api_token(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Create (replacing any earlier one) or revoke the user's API token."""
    if request.POST.get("action") == "revoke":
        token_revoke(request.user)
        messages.success(request, "API 令牌已撤销，使用它的程序将立即无法访问。")
        return redirect("accounts:account")
    if request.POST.get("action") != "create":
        return HttpResponseBadRequest("未知操作。")
    # Shown once, in this response only: never put into a message, a URL or a redirect.
    key = token_create(request.user)
    return _account_page(request, NotificationSettingsForm(instance=request.user), new_token=key)


# The link in every notification e-mail. A GET only shows the page with the button: mail
# scanners and link previews open links, and a person must not lose notifications they never
# turned off. The button (or the resubscribe button) POSTs the page's form, CSRF-checked like
# every form of the site. A mail client's RFC 8058 one-click POST carries no CSRF token: the
# signed token in the URL is the proof, and only that exact body is exempt from the check.
# Rate-limited on every method, so the token can't be guessed at by GET either.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
@ratelimit(key="ip", rate="20/m", method=ratelimit.ALL, block=True)
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    user = user_from_unsubscribe_token(token)
    if user is None:
        return render(request, "accounts/unsubscribe.html", {"invalid": True}, status=400)
    if request.method == "POST" and request.POST.get("List-Unsubscribe") == "One-Click":
        user_set_email_notifications(user=user, enabled=False)
        return HttpResponse("已退订邮件通知。", content_type="text/plain; charset=utf-8")
    return _unsubscribe_page(request, user=user)


@csrf_protect
def _unsubscribe_page(request: HttpRequest, *, user: User) -> HttpResponse:
    state = "confirm"
    if request.method == "POST":
        enabled = bool(request.POST.get("resubscribe"))
        user_set_email_notifications(user=user, enabled=enabled)
        state = "resubscribed" if enabled else "unsubscribed"
    return render(request, "accounts/unsubscribe.html", {"state": state})


@login_required
@ratelimit(key="user", rate="10/h", method=ratelimit.ALL, block=True)
def account_export(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Everything stored about the user, as a JSON file to download."""
    response = JsonResponse(
        user_data_export(user=request.user), json_dumps_params={"ensure_ascii": False, "indent": 2}
    )
    response["Content-Disposition"] = 'attachment; filename="my-data.json"'
    add_never_cache_headers(response)
    return response


@sensitive_post_parameters("password")
@login_required
@ratelimit(key="user", rate="10/h", method="POST", block=True)
def account_delete_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = AccountDeleteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            account_delete(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            logout(request)
            messages.success(request, "您的账号已注销，个人信息已清除。")
            return redirect("consult:home")
    return render(request, "accounts/account_confirm_delete.html", {"form": form})
