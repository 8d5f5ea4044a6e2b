"""With DEBUG off, after collectstatic: pages link hashed file names, and whitenoise serves them
compressed with a far-future Cache-Control."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def collected(settings, tmp_path) -> dict[str, str]:
    """collectstatic as bin/serve runs it, of the site's own files only (the admin's and the
    API docs' take long to compress and prove nothing more)."""
    settings.DEBUG = False
    settings.STATIC_ROOT = tmp_path
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", "--noinput", verbosity=0)
    return json.loads((tmp_path / "staticfiles.json").read_text())["paths"]


def test_pages_link_the_hashed_stylesheet(collected) -> None:
    page = Client().get(reverse("consult:home")).content.decode()

    assert f"/static/{collected['css/site.css']}" in page


def test_a_hashed_file_is_cached_for_ten_years_and_never_revalidated(collected) -> None:
    response = Client().get(f"/static/{collected['css/site.css']}")

    assert response.status_code == 200
    assert response["Cache-Control"] == "max-age=315360000, public, immutable"


def test_browsers_that_accept_brotli_get_it(collected) -> None:
    response = Client().get(
        f"/static/{collected['css/site.css']}", headers={"accept-encoding": "gzip, br"}
    )

    assert response["Content-Encoding"] == "br"


def test_only_hashed_names_are_kept(collected, tmp_path) -> None:
    assert (tmp_path / collected["css/site.css"]).exists()
    assert not (tmp_path / "css" / "site.css").exists()
