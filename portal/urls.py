from django.contrib import admin
from django.urls import include, path

from portal import views

urlpatterns = [
    path("", include("consult.urls")),
    path("accounts/", include("accounts.urls")),
    path("statutes/", include("statutes.urls")),
    path("api/v1/", include("portal.api_urls")),
    path("admin/", admin.site.urls),
    path("healthz/", views.healthz, name="healthz"),
]

handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
