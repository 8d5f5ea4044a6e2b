"""Error reports (the DEBUG page, mail to ADMINS, any reporter built on Django's filter) list a
request's POST data unless the view names what to hide."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.views.debug import SafeExceptionReporterFilter

from tests.factories import make_category

pytestmark = pytest.mark.django_db

HIDDEN = SafeExceptionReporterFilter.cleansed_substitute


def reported_post(response) -> dict[str, str]:
    return SafeExceptionReporterFilter().get_post_parameters(response.wsgi_request)


def test_sign_up_passwords_are_hidden(client: Client) -> None:
    data = {
        "username": "newuser",
        "email": "n@example.com",
        "password1": "秘密",
        "password2": "秘密",
    }
    reported = reported_post(client.post(reverse("accounts:signup"), data))
    assert reported["password1"] == reported["password2"] == HIDDEN
    assert reported["username"] == "newuser"


def test_assessment_facts_carried_to_the_question_form_are_hidden(client: Client, alice) -> None:
    make_category("刑事", slug="criminal")
    client.force_login(alice)
    facts = '{"records": {"track": 30, "lodging": 300}}'
    response = client.post(reverse("consult:question-create"), {"assessment_facts": facts})
    assert response.status_code == 200
    assert reported_post(response)["assessment_facts"] == HIDDEN
