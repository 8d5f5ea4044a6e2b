"""The API's exception handler speaks for the services: their Django exceptions become DRF
responses with the services' own Chinese messages, field by field."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.test import Client
from django.urls import reverse
from rest_framework.response import Response

from portal.api.errors import exception_handler


def handled(error: Exception) -> Response:
    """The handler's response; it answers every exception these tests raise."""
    response = exception_handler(error, {})
    assert response is not None
    return response


def test_a_services_field_errors_keep_their_fields() -> None:
    error = ValidationError({"title": ["标题太短。"], "__all__": ["已经存在。"]})
    response = handled(error)
    assert response.status_code == 400
    assert response.data == {"title": ["标题太短。"], "non_field_errors": ["已经存在。"]}


def test_an_error_about_no_field_goes_under_non_field_errors() -> None:
    response = handled(ValidationError("您已经标记过这条回答有帮助。"))
    assert response.status_code == 400
    assert response.data == {"non_field_errors": ["您已经标记过这条回答有帮助。"]}


def test_a_services_refusal_keeps_its_message() -> None:
    response = handled(PermissionDenied("只有提问者可以采纳回答。"))
    assert response.status_code == 403
    assert response.data == {"detail": "只有提问者可以采纳回答。"}


def test_a_bare_refusal_gets_drfs_message() -> None:
    response = handled(PermissionDenied())
    assert response.status_code == 403
    assert response.data["detail"]


def test_a_not_found_keeps_its_message() -> None:
    response = handled(Http404("没有这部法律"))
    assert response.status_code == 404
    assert response.data == {"detail": "没有这部法律"}


def test_anything_else_is_left_to_django() -> None:
    assert exception_handler(RuntimeError("boom"), {}) is None


def test_djangos_english_not_found_becomes_chinese() -> None:
    response = exception_handler(Http404("No Question matches the given query."), {})
    assert response is not None
    assert response.data == {"detail": "不存在，或已被隐藏。"}


@pytest.mark.django_db
def test_a_missing_question_is_not_found_in_chinese(client: Client) -> None:
    response = client.get(reverse("api:question-detail", args=[999_999]))
    assert response.status_code == 404
    assert response.json() == {"detail": "不存在，或已被隐藏。"}
