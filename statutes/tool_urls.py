"""Interactive tools built on the statute database, under /tools/."""

from django.urls import path

from statutes import assessment_views

app_name = "tools"
urlpatterns = [
    path(
        "personal-information-crime/",
        assessment_views.pi_crime_assessment,
        name="pi-crime-assessment",
    ),
]
