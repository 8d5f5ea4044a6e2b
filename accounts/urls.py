from django.contrib.auth import views as auth_views
from django.urls import path
from django_ratelimit.decorators import ratelimit

from accounts import views

app_name = "accounts"
urlpatterns = [
    path("signup/", views.signup, name="signup"),
    # Throttled per IP against password guessing.
    path(
        "login/",
        ratelimit(key="ip", rate="20/m", method="POST", block=True)(auth_views.LoginView.as_view()),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("me/", views.account, name="account"),
    path("me/api-token/", views.api_token, name="api-token"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
