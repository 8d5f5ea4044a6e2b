"""The accounts' URLs (namespace "accounts"): sign-up, sign-in and passwords from accounts/, the
account's own pages from consult/account_views.py. Here, above both apps."""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy
from django_ratelimit.decorators import ratelimit

from accounts import views
from consult import account_views

app_name = "accounts"
urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("signup/verify/", views.signup_verify, name="signup-verify"),
    # Password guessing is counted per username and per address by django-axes (accounts/lockout.py).
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("me/", account_views.account, name="account"),
    path("me/api-token/", account_views.api_token, name="api-token"),
    path("me/export/", account_views.account_export, name="account-export"),
    path("me/delete/", account_views.account_delete_view, name="account-delete"),
    path("unsubscribe/<str:token>/", account_views.unsubscribe, name="unsubscribe"),
    path(
        "password/change/",
        views.PasswordChangeView.as_view(success_url=reverse_lazy("accounts:account")),
        name="password-change",
    ),
    # Throttled per IP: each request sends an e-mail. The page says the same whether or not
    # the address has an account, so it can't be used to find out who uses the site.
    path(
        "password/reset/",
        ratelimit(key="ip", rate="5/h", method="POST", block=True)(
            auth_views.PasswordResetView.as_view(
                email_template_name="registration/password_reset_email.txt",
                subject_template_name="registration/password_reset_subject.txt",
                success_url=reverse_lazy("accounts:password-reset-done"),
            )
        ),
        name="password-reset",
    ),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password-reset-done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(
            success_url=reverse_lazy("accounts:password-reset-complete")
        ),
        name="password-reset-confirm",
    ),
    path(
        "password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password-reset-complete",
    ),
]
