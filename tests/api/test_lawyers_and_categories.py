"""lawyers/ (verified only, with the derived helped count), lawyers/me/, categories/."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import User
from consult.models import LawyerProfile
from tests.factories import make_answer, make_category, make_lawyer, make_question, make_user

pytestmark = pytest.mark.django_db


def names(response) -> list[str]:
    assert response.status_code == 200, response.content.decode()
    return [row["real_name"] for row in response.json()["results"]]


def test_only_verified_lawyers_are_listed(api: APIClient) -> None:
    make_lawyer(real_name="认证律师")
    for status in ("pending", "rejected", "revoked"):
        make_lawyer(status=status, real_name=f"{status}律师")
    assert names(api.get(reverse("api:lawyer-list"))) == ["认证律师"]


def test_helped_count_is_distinct_askers_of_visible_questions(api: APIClient) -> None:
    lawyer = make_lawyer()
    alice, bob, carol = make_user(), make_user(), make_user()
    make_answer(lawyer=lawyer, question=make_question(author=alice))
    make_answer(lawyer=lawyer, question=make_question(author=alice))  # same asker again
    make_answer(lawyer=lawyer, question=make_question(author=bob))
    make_answer(lawyer=lawyer, question=make_question(author=carol, is_hidden=True))
    make_answer(lawyer=lawyer, question=make_question(author=make_user()), is_hidden=True)
    listed = api.get(reverse("api:lawyer-list")).json()["results"][0]
    assert listed["helped_count"] == 2
    assert api.get(reverse("api:lawyer-detail", args=[lawyer.pk])).json()["helped_count"] == 2


def test_the_public_profile_has_no_licence_number_and_no_account(api: APIClient) -> None:
    lawyer = make_lawyer()
    for url in (reverse("api:lawyer-list"), reverse("api:lawyer-detail", args=[lawyer.pk])):
        body = api.get(url).content.decode()
        assert lawyer.license_number not in body
        assert "license" not in body
        assert lawyer.user.username not in body
        assert "@example.com" not in body


def test_filter_by_region_and_practice_area(api: APIClient) -> None:
    criminal = make_category("刑事", slug="criminal")
    make_lawyer(real_name="北京刑事", region="北京市朝阳区", practice_areas=[criminal])
    make_lawyer(real_name="上海刑事", region="上海市浦东新区", practice_areas=[criminal])
    make_lawyer(real_name="北京婚姻", region="北京市海淀区", practice_areas=[make_category()])
    found = names(
        api.get(reverse("api:lawyer-list"), {"region": "北京", "practice_area": "criminal"})
    )
    assert found == ["北京刑事"]


def test_my_application_shows_its_status_and_licence_number(
    client_for: Callable, unverified_lawyer: LawyerProfile
) -> None:
    data = client_for(unverified_lawyer.user).get(reverse("api:lawyer-me")).json()
    assert data["status"] == "pending"
    assert data["status_display"] == "待审核"
    assert data["license_number"] == unverified_lawyer.license_number
    assert data["url"] is None  # no public profile before verification


def test_my_application_is_not_found_when_i_never_applied(client_for: Callable, bob: User) -> None:
    response = client_for(bob).get(reverse("api:lawyer-me"))
    assert response.status_code == 404
    assert response.json()["detail"] == "您还没有申请律师认证。"


def test_categories_come_in_the_sites_order_with_visible_question_counts(
    api: APIClient,
) -> None:
    later = make_category("劳动纠纷", slug="labour", position=2)
    first = make_category("刑事", slug="criminal", position=1)
    make_question(category=later)
    make_question(category=later, is_hidden=True)
    rows = api.get(reverse("api:category-list")).json()
    assert [(r["slug"], r["question_count"]) for r in rows] == [("criminal", 0), ("labour", 1)]
    detail = api.get(reverse("api:category-detail", args=[first.slug])).json()
    assert detail["name"] == "刑事"
