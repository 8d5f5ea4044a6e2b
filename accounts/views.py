"""Sign-up, sign-in and password changes (the account's own pages, which reach consult's data,
are consult/account_views.py)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import login, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import SetPasswordForm
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
)
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.debug import sensitive_post_parameters
from django_ratelimit.decorators import ratelimit

from accounts.forms import SignupCodeForm, SignupForm
from accounts.services import user_change_password
from accounts.signup import PendingSignup, SignupError, signup_confirm, signup_request

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
