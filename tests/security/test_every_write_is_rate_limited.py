"""Writes the first review found without a limit: the admin's sign-in form (now guarded by
django-axes, tests/accounts/test_sign_in_lockout.py), marking
notifications read, the account settings, the unsubscribe link and the assessment page."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from consult.services.notifications import unsubscribe_token

pytestmark = pytest.mark.django_db


def test_the_admin_sign_in_form_still_signs_staff_in(admin_user, limits) -> None:
    # Password guessing at it is counted by django-axes: tests/accounts/test_sign_in_lockout.py.
    client = Client()
    right = {"username": "charlie", "password": "correct horse battery staple"}
    response = client.post(reverse("admin:login"), {**right, "next": "/admin/"})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_marking_notifications_read_is_rate_limited(alice, limits) -> None:
    client = Client()
    client.force_login(alice)
    url = reverse("consult:notification-list")
    statuses = [client.post(url).status_code for _ in range(31)]
    # The write budget (portal/limits.py), 30/min.
    assert statuses[:30] == [302] * 30
    assert statuses[30] == 429


def test_saving_the_account_settings_is_rate_limited(alice, limits) -> None:
    client = Client()
    client.force_login(alice)
    url = reverse("accounts:account")
    statuses = [client.post(url, {"email_notifications": "on"}).status_code for _ in range(21)]
    assert statuses[:20] == [302] * 20
    assert statuses[20] == 429


def test_the_unsubscribe_link_is_rate_limited_on_every_method(alice, limits) -> None:
    client = Client()
    url = reverse("accounts:unsubscribe", args=[unsubscribe_token(alice)])
    statuses = [client.get(url).status_code for _ in range(20)]
    assert statuses == [200] * 20
    assert client.post(url, {"resubscribe": "1"}).status_code == 429


def test_the_assessment_page_cuts_off_a_flood(client: Client, limits) -> None:
    url = reverse("tools:pi-crime-assessment")
    statuses = [client.post(url, {"conduct": "provide"}).status_code for _ in range(121)]
    assert set(statuses[:120]) == {200}
    assert statuses[-1] == 429


def test_the_mask_preview_is_rate_limited(alice, limits) -> None:
    client = Client()
    client.force_login(alice)
    url = reverse("consult:mask-preview")
    statuses = [client.post(url, {"body": "手机13812345678"}).status_code for _ in range(61)]
    assert statuses[:60] == [200] * 60
    assert statuses[60] == 429
