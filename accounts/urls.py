from django.contrib.auth import views as auth_views
from django.urls import path

from accounts import views

app_name = "accounts"
urlpatterns = [
    path("signup/", views.signup, name="signup"),
    # Throttled per IP against password guessing.
    path("login/", views.login_ratelimit(auth_views.LoginView.as_view()), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("me/", views.account, name="account"),
    path("me/api-token/", views.api_token, name="api-token"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
