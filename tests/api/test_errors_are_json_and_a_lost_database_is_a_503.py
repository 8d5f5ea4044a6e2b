"""Every error under /api/ is JSON, an unmatched URL included; a database that doesn't answer
is a 503 with Retry-After (JSON on the API, a Chinese page on the site), never a 500."""

from __future__ import annotations

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.db import OperationalError
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import User
from consult import selectors
from tests.factories import make_question

pytestmark = pytest.mark.django_db


def database_gone(*args: object, **kwargs: object) -> None:
    raise OperationalError("server closed the connection unexpectedly")


@pytest.mark.parametrize(
    "path", ["/api/nothing-here/", "/api/v1/nothing-here/", "/api/v1/questions/x/"]
)
def test_an_unmatched_api_url_is_a_json_404(path: str) -> None:
    response = APIClient().get(path)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"]


def test_an_unmatched_page_is_still_the_html_404() -> None:
    response = Client().get("/no-such-page/")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_a_lost_database_is_a_json_503_with_retry_after_on_the_api(monkeypatch) -> None:
    monkeypatch.setattr("consult.api.questions.question_rows", database_gone)

    response = APIClient(raise_request_exception=False).get(reverse("api:question-list"))

    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response["Retry-After"] == "5"
    assert "数据库" in response.json()["detail"]


def test_a_lost_database_is_a_chinese_503_page_on_the_site(monkeypatch) -> None:
    question = make_question()
    monkeypatch.setattr(selectors, "visible_answers", database_gone)

    response = Client(raise_request_exception=False).get(question.get_absolute_url())

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "网站暂时无法访问" in response.content.decode()


def test_a_database_lost_in_a_middleware_is_a_503_too(alice: User, monkeypatch) -> None:
    client = Client(raise_request_exception=False)
    client.force_login(alice)
    monkeypatch.setattr(SessionStore, "load", database_gone)

    page = client.get(reverse("consult:home"))
    api = client.get(reverse("api:question-list"))

    assert (page.status_code, api.status_code) == (503, 503)
    assert api.json()["detail"]


def test_another_server_error_on_the_api_is_a_json_500(monkeypatch) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr("consult.api.questions.question_rows", broken)

    response = APIClient(raise_request_exception=False).get(reverse("api:question-list"))

    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"]


def test_an_unmatched_api_url_is_json_with_debug_on_too(settings) -> None:
    settings.DEBUG = True

    get = APIClient().get("/api/v1/articles/null,null/")
    post = APIClient(enforce_csrf_checks=True).post("/api/v2/questions/", {}, format="json")

    assert (get.status_code, post.status_code) == (404, 404)
    assert get["Content-Type"] == post["Content-Type"] == "application/json"
