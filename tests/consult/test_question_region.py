"""The region a question is about: typed by the asker (an administrative area only, never a street
address), shown on the page and in the API, and the lawyers there see it first in 待回答."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from consult.models import Question
from consult.selectors import unanswered_for
from tests.factories import make_category, make_lawyer, make_question

pytestmark = pytest.mark.django_db


@pytest.fixture
def family():
    return make_category("婚姻家庭", slug="family")


def ask(client: Client, family, **overrides: str):
    data = {
        "title": "离婚时彩礼要退吗？",
        "body": "我们结婚一年多，现在准备离婚，对方要求退还彩礼。",
        "category": family.pk,
        **overrides,
    }
    return client.post(reverse("consult:question-create"), data)


def test_the_asker_names_a_region_and_the_page_shows_it(client: Client, alice, family) -> None:
    client.force_login(alice)
    ask(client, family, region="北京市朝阳区")
    question = Question.objects.get()
    assert question.region == "北京市朝阳区"
    assert "北京市朝阳区" in client.get(question.get_absolute_url()).content.decode()


@pytest.mark.parametrize("typed", ["建设路58号", "北京市朝阳区 1202室", "Beijing", "京"])
def test_a_region_with_an_address_or_not_a_place_name_is_refused(
    client: Client, alice, family, typed: str
) -> None:
    client.force_login(alice)
    response = ask(client, family, region=typed)
    assert response.status_code == 200
    assert "地区只填省、市、区县名" in response.content.decode()
    assert not Question.objects.exists()


def test_the_api_takes_the_region_and_refuses_a_street_address(alice, family) -> None:
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=alice).key}")
    body = {
        "title": "离婚时彩礼要退吗？",
        "body": "结婚一年多，对方要求退还彩礼。",
        "category": "family",
    }

    refused = api.post(
        reverse("api:question-list"), {**body, "region": "建设路58号"}, format="json"
    )
    assert refused.status_code == 400
    assert "region" in refused.json()

    created = api.post(reverse("api:question-list"), {**body, "region": "上海市"}, format="json")
    assert created.status_code == 201
    assert created.json()["region"] == "上海市"
    # A partial edit that doesn't send the region keeps it.
    pk = created.json()["id"]
    edited = api.patch(reverse("api:question-detail", args=[pk]), {"title": "彩礼到底要不要退？"})
    assert edited.status_code == 200
    assert Question.objects.get(pk=pk).region == "上海市"


def test_lawyers_see_questions_from_their_region_before_others_in_their_areas(family) -> None:
    lawyer = make_lawyer(region="北京市海淀区")
    lawyer.practice_areas.set([family])
    elsewhere = make_question(category=family, region="广东省深圳市")
    here = make_question(category=family, region="北京市朝阳区")
    unknown = make_question(category=family)
    newest_first_elsewhere = make_question(category=family, region="浙江省杭州市")

    order = list(unanswered_for(lawyer).values_list("pk", flat=True))

    assert order[0] == here.pk
    assert set(order[1:]) == {elsewhere.pk, unknown.pk, newest_first_elsewhere.pk}
