"""The Q&A pages as a visitor sees them."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from consult.models import LawyerProfile
from tests.factories import article, make_answer, make_category, make_lawyer, make_question

pytestmark = pytest.mark.django_db


def test_home_lists_latest_questions_and_categories(client: Client) -> None:
    category = make_category("劳动纠纷")
    make_question(title="加班费怎么算？", category=category)
    page = client.get(reverse("consult:home")).content.decode()
    assert "加班费怎么算" in page
    assert "劳动纠纷" in page


def test_home_has_an_empty_state(client: Client) -> None:
    assert "还没有人提问" in client.get(reverse("consult:home")).content.decode()


def test_the_question_page_shows_the_answer_with_the_lawyer_card(client: Client) -> None:
    lawyer = make_lawyer(real_name="陈律师", law_firm="示例律师事务所", region="浙江省杭州市")
    answer = make_answer(
        lawyer=lawyer, body="建议先固定证据。", cites=[article("criminal-law", 253, 1)]
    )
    page = client.get(answer.question.get_absolute_url()).content.decode()
    for expected in (
        "陈律师",
        "执业律师",
        "示例律师事务所",
        "浙江省杭州市",
        "已认证",
        "已帮助 1 人解决法律问题",
        "建议先固定证据",
        "/statutes/criminal-law/253-1/",
    ):
        assert expected in page


def test_an_anonymous_asker_is_shown_as_such(client: Client) -> None:
    question = make_question(is_anonymous=True)
    page = client.get(question.get_absolute_url()).content.decode()
    assert "匿名用户" in page
    assert question.author.username not in page


def test_user_text_is_escaped(client: Client) -> None:
    question = make_question(title="<script>alert(1)</script>？", body="<b>粗体</b>")
    page = client.get(question.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page
    assert "<b>粗体</b>" not in page


def test_the_category_page_paginates(client: Client) -> None:
    category = make_category("婚姻家庭", slug="family")
    for n in range(25):
        make_question(category=category, title=f"婚姻问题{n}？")
    first = client.get(reverse("consult:category-detail", args=["family"]))
    assert first.content.decode().count('class="question-row"') == 20
    second = client.get(reverse("consult:category-detail", args=["family"]), {"page": 2})
    assert second.content.decode().count('class="question-row"') == 5


@pytest.mark.parametrize("page", ["abc", "-1", "999", ""])
def test_a_bad_page_number_never_fails(client: Client, page: str) -> None:
    make_category("刑事", slug="criminal")
    response = client.get(reverse("consult:category-detail", args=["criminal"]), {"page": page})
    assert response.status_code == 200


def test_the_lawyer_profile_shows_the_verified_lawyer(client: Client) -> None:
    lawyer = make_lawyer(real_name="林律师", practice_areas=[make_category("公司经营")])
    make_answer(lawyer=lawyer, question=make_question(title="股东退出怎么办？"))
    page = client.get(lawyer.get_absolute_url()).content.decode()
    for expected in ("林律师", "已认证", "公司经营", "股东退出怎么办", "已帮助 1 人"):
        assert expected in page


@pytest.mark.parametrize(
    "status",
    [LawyerProfile.Status.PENDING, LawyerProfile.Status.REJECTED, LawyerProfile.Status.REVOKED],
)
def test_an_unverified_lawyer_has_no_public_profile(client: Client, status: str) -> None:
    lawyer = make_lawyer(status=status)
    assert client.get(lawyer.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("url", ["/questions/999999/", "/categories/nope/", "/lawyers/999999/"])
def test_unknown_objects_are_a_404(client: Client, url: str) -> None:
    assert client.get(url).status_code == 404
