"""Sign-up, the account page (notification e-mails, API token), password changes and the
unsubscribe link of the e-mails."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import ValidationError
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST
from django_ratelimit.decorators import ratelimit

from accounts.forms import AccountDeleteForm, NotificationSettingsForm, SignupCodeForm, SignupForm
from accounts.models import User
from accounts.services import user_change_password, user_set_email_notifications
from accounts.signup import PendingSignup, SignupError, signup_confirm, signup_request
from accounts.tokens import token_create, token_exists, token_revoke
from consult import selectors as consult_selectors
from consult.models import LawyerProfile
from consult.services.notifications import user_from_unsubscribe_token
from consult.services.personal_data import account_delete, user_data_export
from portal.http import AuthenticatedHttpRequest

PENDING_SIGNUP_KEY = "accounts.pending_signup"


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's page, with the change made by the service (it also revokes the API token)."""

    def form_valid(self, form: SetPasswordForm) -> HttpResponse:
        user_change_password(user=form.user, password=form.cleaned_data["new_password1"])
        # Keep this session signed in; every other session of the user ends with the old hash.
        update_session_auth_hash(self.request, form.user)
        return HttpResponseRedirect(self.get_success_url())


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's page, with the change made by the service: it revokes the API token and lifts
    a sign-in lock on the username (the reset mail proves the owner is the one asking)."""

    def form_valid(self, form: SetPasswordForm) -> HttpResponse:
        user_change_password(user=form.user, password=form.cleaned_data["new_password1"])
        del self.request.session[auth_views.INTERNAL_RESET_SESSION_TOKEN]
        return HttpResponseRedirect(self.get_success_url())


@sensitive_post_parameters("password1", "password2")
@ratelimit(key="ip", rate="10/h", method="POST", block=True)
def signup(request: HttpRequest) -> HttpResponse:
    """The form; the account is created by signup_verify once the mailed code comes back."""
    if request.user.is_authenticated:
        return redirect(safe_next(request) or reverse("consult:home"))
    form = SignupForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        pending = signup_request(
            username=form.cleaned_data["username"],
            email=form.cleaned_data["email"],
            password=form.cleaned_data["password1"],
        )
        request.session[PENDING_SIGNUP_KEY] = pending.as_dict()
        return redirect(_with_next(reverse("accounts:signup-verify"), request))
    return render(request, "registration/signup.html", {"form": form, **_next_context(request)})


@sensitive_post_parameters("code")
@ratelimit(key="ip", rate="20/m", method="POST", block=True)
def signup_verify(request: HttpRequest) -> HttpResponse:
    pending = PendingSignup.from_dict(request.session.get(PENDING_SIGNUP_KEY))
    if pending is None:
        messages.info(request, "请先填写注册信息。")
        return redirect(_with_next(reverse("accounts:signup"), request))
    form = SignupCodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            user = signup_confirm(pending=pending, code=form.cleaned_data["code"])
        except SignupError as error:
            if error.start_again:
                del request.session[PENDING_SIGNUP_KEY]
                messages.error(request, error.message)
                return redirect(_with_next(reverse("accounts:signup"), request))
            request.session[PENDING_SIGNUP_KEY] = pending.as_dict()  # the try is counted
            form.add_error("code", error.message)
        else:
            del request.session[PENDING_SIGNUP_KEY]
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, "注册成功，欢迎加入。")
            return redirect(safe_next(request) or reverse("consult:home"))
    return render(
        request,
        "registration/signup_verify.html",
        {"form": form, "email": pending.email, **_next_context(request)},
    )


def safe_next(request: HttpRequest) -> str:
    """The ?next= (or posted next) page on this site, or "" for anything else: a link to another
    site must not ride along through the sign-in and sign-up steps."""
    next_url = request.POST.get("next") or request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return ""


def sign_in_reason(next_url: str) -> str:
    """Why the visitor was sent to sign in, said on the sign-in and sign-up pages."""
    if next_url.startswith(reverse("consult:question-create")):
        return "登录后即可提问。还没有账号？注册只需用户名、邮箱和密码，提问可以匿名。"
    if next_url:
        return "请先登录，登录后将回到您刚才的页面。"
    return ""


def _next_context(request: HttpRequest) -> dict[str, str]:
    next_url = safe_next(request)
    return {"next": next_url, "sign_in_reason": sign_in_reason(next_url)}


def _with_next(url: str, request: HttpRequest) -> str:
    """Carry a safe ?next= through the sign-up's steps."""
    next_url = safe_next(request)
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


class LoginView(auth_views.LoginView):
    """Django's sign-in, saying why the visitor is asked to sign in (e.g. to ask a question)."""

    def get_context_data(self, **kwargs: object) -> dict[str, object]:
        context = super().get_context_data(**kwargs)
        context["sign_in_reason"] = sign_in_reason(str(context.get("next", "")))
        return context


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
