"""laws/, laws/{slug}/articles/, articles/: reading, filtering, and a curator's edit."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import User
from statutes.models import Article, LawVersion
from tests.factories import article

pytestmark = pytest.mark.django_db


def labels(response) -> list[str]:
    assert response.status_code == 200, response.content.decode()
    return [row["label"] for row in response.json()["results"]]


def test_laws_list_their_version_in_force(api: APIClient) -> None:
    rows = api.get(reverse("api:law-list"), {"page_size": 100}).json()["results"]
    by_slug = {row["slug"]: row for row in rows}
    interpretation = by_slug["pi-crime-interpretation-2017"]
    assert interpretation["current_version"]["doc_number"] == "法释〔2017〕10号"
    assert interpretation["kind"] == "司法解释"


def test_a_law_lists_all_its_versions(api: APIClient) -> None:
    amended = LawVersion.objects.filter(status=LawVersion.Status.AMENDED).first()
    assert amended is not None
    law = amended.law
    data = api.get(reverse("api:law-detail", args=[law.slug])).json()
    assert {v["status"] for v in data["versions"]} >= {"有效", "已修改"}


def test_filter_laws_by_kind(api: APIClient) -> None:
    rows = api.get(reverse("api:law-list"), {"kind": "司法解释", "page_size": "100"}).json()
    assert {row["kind"] for row in rows["results"]} == {"司法解释"}


def test_the_articles_of_a_law_are_those_of_its_version_in_force(api: APIClient) -> None:
    url = reverse("api:law-article-list", args=["criminal-law"])
    assert labels(api.get(url, {"number": 253})) == ["第二百五十三条", "第二百五十三条之一"]
    assert labels(api.get(url, {"number": 253, "suffix": 1})) == ["第二百五十三条之一"]


def test_the_articles_of_an_unknown_law_are_not_found(api: APIClient) -> None:
    response = api.get(reverse("api:law-article-list", args=["no-such-law"]))
    assert response.status_code == 404
    assert response.json()["detail"] == "没有这部法律"


def test_every_article_of_a_law_is_reached_page_by_page(api: APIClient) -> None:
    expected = Article.objects.current().filter(version__law__slug="criminal-law").count()
    url = reverse("api:law-article-list", args=["criminal-law"])
    response = api.get(url, {"page_size": 100})
    seen: list[int] = []
    while True:
        seen += [row["id"] for row in response.json()["results"]]
        if not response.json()["next"]:
            break
        response = api.get(response.json()["next"])
    assert len(seen) == len(set(seen)) == expected
    assert expected > 500  # 刑法: 505 articles (之一 … counted on their own)


def test_filter_articles_by_law_status_number_and_text(api: APIClient) -> None:
    found = api.get(
        reverse("api:article-list"),
        {"law": "criminal-law", "status": "有效", "number": "253", "text": "公民个人信息"},
    )
    assert labels(found) == ["第二百五十三条之一"]
    amended = api.get(reverse("api:article-list"), {"status": "已修改", "page_size": "5"})
    assert all(row["version"]["status"] == "已修改" for row in amended.json()["results"])


def test_an_article_has_its_law_version_and_text(api: APIClient) -> None:
    target = article("criminal-law", 253, 1)
    data = api.get(reverse("api:article-detail", args=[target.pk])).json()
    assert data["law"]["slug"] == "criminal-law"
    assert data["version"]["status"] == "有效"
    assert data["text"] == target.text
    assert data["html_url"].endswith("/statutes/criminal-law/253-1/")


def test_a_curators_edit_is_kept_in_the_history_with_who(client_for: Callable, staff: User) -> None:
    target = article("criminal-law", 253, 1)
    original = target.text
    response = client_for(staff).patch(
        reverse("api:article-detail", args=[target.pk]),
        {"text": original + "\n（管理员校对）"},
        format="json",
    )
    assert response.status_code == 200, response.content.decode()
    assert response.json()["text"].endswith("（管理员校对）")
    newest, previous = target.history.all()[:2]
    assert newest.history_user == staff
    assert previous.text == original


def test_an_empty_text_is_refused_field_by_field(client_for: Callable, staff: User) -> None:
    target = article("criminal-law", 1)
    response = client_for(staff).patch(
        reverse("api:article-detail", args=[target.pk]), {"text": "  "}, format="json"
    )
    assert response.status_code == 400
    assert list(response.json()) == ["text"]
    target.refresh_from_db()
    assert target.text


def test_a_number_taken_by_another_article_is_refused(client_for: Callable, staff: User) -> None:
    target = article("criminal-law", 1)
    response = client_for(staff).patch(
        reverse("api:article-detail", args=[target.pk]), {"number": 2}, format="json"
    )
    assert response.status_code == 400
    assert "non_field_errors" in response.json()
    target.refresh_from_db()
    assert target.number == 1


def test_staff_without_the_article_permission_cannot_edit(client_for: Callable, frank) -> None:
    target = article("criminal-law", 1)
    response = client_for(frank).patch(
        reverse("api:article-detail", args=[target.pk]), {"text": "改动"}, format="json"
    )
    assert response.status_code == 403
