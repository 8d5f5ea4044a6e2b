"""Interactive tools built on the statute database, under /tools/."""

from django.urls import path

from assessment import views

app_name = "tools"
urlpatterns = [
    path(
        "personal-information-crime/",
        views.pi_crime_assessment,
        name="pi-crime-assessment",
    ),
]
