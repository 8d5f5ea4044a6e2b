"""Sign-up, the account page (notification e-mails, API token) and one-click unsubscribe."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django_ratelimit.decorators import ratelimit

from accounts.forms import NotificationSettingsForm, SignupForm
from accounts.services import user_set_email_notifications
from consult.models import LawyerProfile
from consult.services.notifications import user_from_unsubscribe_token


@ratelimit(key="ip", rate="10/h", method="POST", block=True)
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("consult:home")
    form = SignupForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, "注册成功，欢迎加入。")
        next_url = request.GET.get("next", "")
        if url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
            return redirect(next_url)
        return redirect("consult:home")
    return render(request, "registration/signup.html", {"form": form})


@login_required
def account(request: HttpRequest) -> HttpResponse:
    form = NotificationSettingsForm(
        request.POST if request.method == "POST" else None, instance=request.user
    )
    if request.method == "POST" and form.is_valid():
        user_set_email_notifications(
            user=request.user, enabled=form.cleaned_data["email_notifications"]
        )
        messages.success(request, "设置已保存。")
        return redirect("accounts:account")
    return render(
        request,
        "accounts/account.html",
        {"form": form, "lawyer": LawyerProfile.objects.filter(user=request.user).first()},
    )


# Mail clients send the one-click POST (RFC 8058) without a CSRF token; the signed token in the
# URL is the proof, and the only effect is to stop e-mails.
@csrf_exempt
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    user = user_from_unsubscribe_token(token)
    if user is None:
        return render(request, "accounts/unsubscribe.html", {"invalid": True}, status=400)
    if request.method == "POST" and request.POST.get("resubscribe"):
        user_set_email_notifications(user=user, enabled=True)
        return render(request, "accounts/unsubscribe.html", {"resubscribed": True, "token": token})
    user_set_email_notifications(user=user, enabled=False)
    return render(request, "accounts/unsubscribe.html", {"token": token})
