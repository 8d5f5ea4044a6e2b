"""POST /questions/mask-preview/: what publishing would mask, told while the asker types."""

from __future__ import annotations

import logging

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL = reverse("consult:mask-preview")
TEXT = {"title": "手机13812345678被公开", "body": "身份证号 11010519491231002X，请律师看看。"}


@pytest.fixture
def signed_in(alice) -> Client:
    client = Client()
    client.force_login(alice)
    return client


def row_counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def test_it_lists_the_masked_forms_only(signed_in: Client) -> None:
    response = signed_in.post(URL, TEXT)
    assert response.status_code == 200
    assert response.json() == {
        "masked": [
            {"kind": "手机号", "masked": "138****5678"},
            {"kind": "身份证号", "masked": "110105********002X"},
        ]
    }
    assert "13812345678" not in response.content.decode()


def test_text_without_identifiers_gives_an_empty_list(signed_in: Client) -> None:
    response = signed_in.post(URL, {"title": "彩礼要退吗", "body": "依据民法典第一千零七十九条"})
    assert response.json() == {"masked": []}
    assert signed_in.post(URL, {}).json() == {"masked": []}


def test_it_is_never_cached(signed_in: Client) -> None:
    assert "no-store" in signed_in.post(URL, TEXT)["Cache-Control"]


def test_it_takes_post_only(signed_in: Client) -> None:
    assert signed_in.get(URL, TEXT).status_code == 405


def test_it_needs_the_csrf_token(alice) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    assert client.post(URL, TEXT).status_code == 403


def test_visitors_are_refused(client: Client) -> None:
    response = client.post(URL, TEXT)
    assert response.status_code == 403
    assert response.json() == {"detail": "请先登录。"}


def test_too_long_input_gives_field_errors(signed_in: Client) -> None:
    response = signed_in.post(URL, {"title": "长" * 101, "body": "长" * 10_001})
    assert response.status_code == 400
    assert response.json() == {"title": ["最多 100 个字。"], "body": ["最多 10000 个字。"]}


@pytest.mark.parametrize(
    "data",
    [
        {"title": "\x00\x00", "body": "\ufffd\u200b"},
        {"title": ["a", "b"], "body": "1" * 10_000},
        {"body": "路" * 10_000},
    ],
)
def test_odd_input_is_never_a_500(signed_in: Client, data: dict) -> None:
    assert signed_in.post(URL, data).status_code in (200, 400)


def test_bytes_that_are_not_utf8_are_never_a_500(signed_in: Client) -> None:
    response = signed_in.post(
        URL, b"title=%FF%FE&body=%ED%A0%80", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200


def test_nothing_is_stored(signed_in: Client) -> None:
    before = row_counts()
    signed_in.post(URL, TEXT)
    assert row_counts() == before


def test_nothing_is_logged(signed_in: Client, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        signed_in.post(URL, TEXT)
        signed_in.post(URL, {**TEXT, "title": TEXT["title"] * 10})  # refused as too long
    logged = "\n".join(f"{record.getMessage()} {record.args}" for record in caplog.records)
    assert "13812345678" not in logged and "11010519491231002X" not in logged


def test_the_text_is_hidden_from_error_reports(signed_in: Client) -> None:
    response = signed_in.post(URL, TEXT)
    # Set on the request by Django's sensitive_post_parameters decorator.
    assert getattr(response.wsgi_request, "sensitive_post_parameters", None) == "__ALL__"
