"""Answering with citations, editing, accepting (采纳), marking helpful, applying as a lawyer."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from consult.models import Answer, HelpfulMark, LawyerProfile
from tests.factories import (
    article,
    make_answer,
    make_category,
    make_lawyer,
    make_question,
)

pytestmark = pytest.mark.django_db


def answer(
    client: Client,
    question,
    body: str = "根据规定，您可以要求对方承担责任，建议保留好证据。",
    cites: str = "",
):
    return client.post(
        reverse("consult:answer-create", args=[question.pk]),
        {"body": body, "cited_articles": cites},
    )


def test_a_verified_lawyer_answers_citing_articles(client: Client, vera) -> None:
    question = make_question()
    client.force_login(vera.user)
    response = answer(client, question, cites="刑法 253-1\n法释〔2017〕10号 第五条")
    saved = Answer.objects.get()
    assert response["Location"] == saved.get_absolute_url()
    assert {a.slug for a in saved.cited_articles.all()} == {"253-1", "5"}
    page = client.get(question.get_absolute_url()).content.decode()
    assert "/statutes/criminal-law/253-1/" in page
    assert "/statutes/pi-crime-interpretation-2017/5/" in page


@pytest.mark.parametrize(
    ("body", "cites", "error"),
    [
        ("", "", "该字段是必填项"),
        ("太短", "", "回答至少 20 个字"),
        ("合格的回答内容，足够长，给出依据和建议。", "不存在的法 1", "找不到法律“不存在的法”"),
        ("合格的回答内容，足够长，给出依据和建议。", "刑法 9999", "中没有这一条"),
        ("合格的回答内容，足够长，给出依据和建议。", "刑法 abc", "不是有效的条号"),
        (
            "合格的回答内容，足够长，给出依据和建议。",
            "\n".join(f"刑法 {n}" for n in range(1, 13)),
            "最多引用 10 条",
        ),
    ],
)
def test_a_bad_answer_is_refused_with_a_chinese_error_and_nothing_saved(
    client: Client, vera, body: str, cites: str, error: str
) -> None:
    question = make_question()
    client.force_login(vera.user)
    response = answer(client, question, body=body, cites=cites)
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not Answer.objects.exists()


def test_the_lawyer_edits_the_answer_and_its_citations(client: Client, vera) -> None:
    existing = make_answer(lawyer=vera, cites=[article("criminal-law", 253, 1)])
    client.force_login(vera.user)
    url = reverse("consult:answer-edit", args=[existing.pk])
    form_page = client.get(url).content.decode()
    assert "刑法 253-1" in form_page
    client.post(
        url,
        {"body": "修改后的回答内容，补充了新的法律依据和建议。", "cited_articles": "民法典 1079"},
    )
    existing.refresh_from_db()
    assert existing.body == "修改后的回答内容，补充了新的法律依据和建议。"
    assert [a.slug for a in existing.cited_articles.all()] == ["1079"]


def test_a_bad_edit_keeps_the_old_answer_and_citations(client: Client, vera) -> None:
    existing = make_answer(
        lawyer=vera, cites=[article("criminal-law", 253, 1)], body="原来的回答内容，足够长足够长。"
    )
    client.force_login(vera.user)
    client.post(
        reverse("consult:answer-edit", args=[existing.pk]),
        {"body": "原来的回答内容，足够长足够长。改", "cited_articles": "刑法 0"},
    )
    existing.refresh_from_db()
    assert existing.body == "原来的回答内容，足够长足够长。"
    assert [a.slug for a in existing.cited_articles.all()] == ["253-1"]


def test_the_asker_accepts_an_answer_and_may_move_the_acceptance(client: Client, alice) -> None:
    question = make_question(author=alice)
    first, second = make_answer(question=question), make_answer(question=question)
    client.force_login(alice)
    client.post(reverse("consult:answer-accept", args=[first.pk]))
    first.refresh_from_db()
    assert first.is_accepted and first.accepted_at
    client.post(reverse("consult:answer-accept", args=[second.pk]))
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.is_accepted, second.is_accepted) == (False, True)
    page = client.get(question.get_absolute_url()).content.decode()
    assert page.count("提问者已采纳") == 1


def test_a_user_marks_an_answer_helpful_once(client: Client, bob) -> None:
    target = make_answer()
    client.force_login(bob)
    client.post(reverse("consult:answer-helpful", args=[target.pk]))
    response = client.post(reverse("consult:answer-helpful", args=[target.pk]), follow=True)
    assert HelpfulMark.objects.filter(answer=target).count() == 1
    page = response.content.decode()
    assert "您已经标记过" in page
    assert "1 人觉得有帮助" in page


def test_a_lawyer_applies_and_waits_for_verification(client: Client, bob) -> None:
    area = make_category("刑事", slug="criminal")
    client.force_login(bob)
    response = client.post(
        reverse("consult:lawyer-apply"),
        {
            "real_name": "包律师",
            "license_number": "11101201912345678",
            "law_firm": "示例律师事务所",
            "region": "北京市东城区",
            "practice_areas": [area.pk],
            "bio": "",
        },
        follow=True,
    )
    profile = LawyerProfile.objects.get(user=bob)
    assert profile.status == LawyerProfile.Status.PENDING
    assert "待审核" in response.content.decode()
    # Pending: cannot answer yet, and the question page says why.
    page = client.get(make_question().get_absolute_url()).content.decode()
    assert "我来回答" not in page
    assert "通过认证后才能回答问题" in page


@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        ({"license_number": "1234"}, "17 位数字"),
        ({"license_number": "1110120191234567x"}, "17 位数字"),
        ({"license_number": "111012019123456789"}, "17 位数字"),
        ({"real_name": ""}, "该字段是必填项"),
        ({"practice_areas": []}, "请至少选择一个擅长领域"),
        ({"practice_areas": ["999999"]}, "选择一个有效的选项"),
    ],
)
def test_a_bad_application_is_refused_and_nothing_saved(
    client: Client, bob, overrides: dict, error: str
) -> None:
    make_lawyer(license_number="11101201800000001")
    area = make_category("刑事", slug="criminal")
    data = {
        "real_name": "包律师",
        "license_number": "11101201912345678",
        "law_firm": "示例律师事务所",
        "region": "北京市东城区",
        "practice_areas": [area.pk],
        **overrides,
    }
    client.force_login(bob)
    response = client.post(reverse("consult:lawyer-apply"), data)
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not LawyerProfile.objects.filter(user=bob).exists()


def test_an_application_with_a_number_on_file_goes_into_review_like_any_other(
    client: Client, bob
) -> None:
    make_lawyer(license_number="11101201800000001")
    area = make_category("刑事", slug="criminal")
    data = {
        "real_name": "包律师",
        "license_number": "11101201800000001",
        "law_firm": "示例律师事务所",
        "region": "北京市东城区",
        "practice_areas": [area.pk],
    }
    client.force_login(bob)
    page = client.post(reverse("consult:lawyer-apply"), data, follow=True).content.decode()
    assert "申请已提交" in page
    assert "已被" not in page
    assert LawyerProfile.objects.get(user=bob).status == LawyerProfile.Status.PENDING


def test_a_rejected_lawyer_may_apply_again_but_a_revoked_one_may_not(client: Client) -> None:
    area = make_category("刑事", slug="criminal")
    rejected = make_lawyer(status=LawyerProfile.Status.REJECTED)
    revoked = make_lawyer(status=LawyerProfile.Status.REVOKED)
    data = {
        "real_name": "重新申请",
        "license_number": "11101201912345678",
        "law_firm": "示例律师事务所",
        "region": "北京市东城区",
        "practice_areas": [area.pk],
    }
    client.force_login(rejected.user)
    client.post(reverse("consult:lawyer-apply"), data)
    rejected.refresh_from_db()
    assert rejected.status == LawyerProfile.Status.PENDING
    client.force_login(revoked.user)
    assert client.post(reverse("consult:lawyer-apply"), data).status_code == 403
    revoked.refresh_from_db()
    assert revoked.status == LawyerProfile.Status.REVOKED
