"""Personal identifiers are masked before a question or answer is saved, so that every page,
excerpt, meta description, search document and history row only holds the masked form."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from consult.models import Answer, QuestionSearchDocument
from consult.services import answers as answer_services
from consult.services import questions as question_services
from consult.services.masking import Masked
from tests.factories import make_category, make_lawyer, make_question, make_user

pytestmark = pytest.mark.django_db

BODY = (
    "我的身份证号 11010519491231002X、手机 13812345678、银行卡 6222020200112233445、"
    "邮箱 zhang.san@example.com 和车牌京A12345 被前公司公开了，怎么办？"
)
RAW = ("11010519491231002X", "13812345678", "6222020200112233445", "zhang.san", "A12345")
SHOWN = ("110105********002X", "138****5678", "6222***********3445", "z***@example.com")


def assert_no_raw(text: str) -> None:
    for raw in RAW:
        assert raw not in text


@pytest.fixture
def category():
    return make_category("刑事", slug="criminal")


def test_asking_saves_only_the_masked_text_and_reports_what_was_masked(alice, category) -> None:
    report: list[Masked] = []
    question = question_services.question_create(
        author=alice,
        title="手机13812345678被公开了怎么办？",
        body=BODY,
        category=category,
        masked_report=report,
    )
    question.refresh_from_db()
    assert question.title == "手机138****5678被公开了怎么办？"
    assert_no_raw(question.body)
    for shown in SHOWN:
        assert shown in question.body
    assert [item.kind for item in report] == [
        "手机号",
        "身份证号",
        "手机号",
        "银行卡号",
        "电子邮箱",
        "车牌号",
    ]
    assert report[0] == Masked("手机号", "138****5678")


def test_the_raw_identifiers_are_in_no_history_row_and_no_search_document(alice, category) -> None:
    question = question_services.question_create(
        author=alice, title="个人信息被公开怎么办？", body=BODY, category=category
    )
    question_services.question_update(
        question=question,
        by=alice,
        title="个人信息被公开怎么办？",
        body=BODY + "补充：新手机 13912345678。",
        category=category,
        is_anonymous=False,
    )
    for row in question.history.all():
        assert_no_raw(row.title + row.body)
        assert "13912345678" not in row.body
    document = QuestionSearchDocument.objects.get(question=question)
    indexed = f"{document.terms_a} {document.terms_b} {document.terms_c}"
    assert_no_raw(indexed)
    assert "13912345678" not in indexed


def test_an_answer_is_masked_when_written_and_when_edited(alice) -> None:
    question = make_question(author=alice)
    lawyer = make_lawyer()
    report: list[Masked] = []
    answer = answer_services.answer_create(
        question=question,
        by=lawyer.user,
        body="请把材料寄给我，电话 010-87654321，邮箱 lawyer.li@example.com。",
        masked_report=report,
    )
    assert answer.body == "请把材料寄给我，电话 010-****4321，邮箱 l***@example.com。"
    assert [item.kind for item in report] == ["固定电话", "电子邮箱"]
    answer_services.answer_update(
        answer=answer, by=lawyer.user, body="新的联系方式：13812345678，请工作日联系。"
    )
    assert Answer.objects.get().body == "新的联系方式：138****5678，请工作日联系。"
    for row in answer.history.all():
        assert "87654321" not in row.body and "13812345678" not in row.body


def test_text_without_identifiers_is_saved_as_typed(alice, category) -> None:
    body = "根据刑法第二百五十三条之一和法释〔2017〕10号，(2023)京0105刑初123号判决罚款5000元。"
    report: list[Masked] = []
    question = question_services.question_create(
        author=alice, title="这个判决合理吗？", body=body, category=category, masked_report=report
    )
    assert question.body == body
    assert report == []


def test_the_asker_is_told_on_the_question_page_what_was_masked(
    client: Client, alice, category
) -> None:
    client.force_login(alice)
    response = client.post(
        reverse("consult:question-create"),
        {"title": "个人信息被公开怎么办？", "body": BODY, "category": category.pk},
        follow=True,
    )
    page = response.content.decode()
    assert "为保护个人信息，发布时已隐去：身份证号 110105********002X、手机号 138****5678" in page
    assert_no_raw(page)


def test_pages_lists_and_the_meta_description_show_only_the_masked_form(
    client: Client, category
) -> None:
    question = question_services.question_create(
        author=make_user(), title="个人信息被公开怎么办？", body=BODY, category=category
    )
    page = client.get(question.get_absolute_url()).content.decode()
    description = page.split('<meta name="description" content="')[1].split('"')[0]
    assert "110105********002X" in description
    assert_no_raw(page)
    for url in (reverse("consult:home"), category.get_absolute_url()):
        response = client.get(url)
        assert response.status_code == 200
        assert_no_raw(response.content.decode())


def test_an_edit_is_masked_and_the_asker_told(client: Client, alice, category) -> None:
    question = make_question(author=alice, category=category)
    client.force_login(alice)
    response = client.post(
        reverse("consult:question-edit", args=[question.pk]),
        {
            "title": question.title,
            "body": "联系我：13812345678，谢谢律师。",
            "category": category.pk,
        },
        follow=True,
    )
    page = response.content.decode()
    assert "发布时已隐去：手机号 138****5678" in page
    assert "13812345678" not in page


def test_a_lawyer_is_told_what_was_masked_from_an_answer(client: Client, alice) -> None:
    question = make_question(author=alice)
    lawyer = make_lawyer()
    client.force_login(lawyer.user)
    response = client.post(
        reverse("consult:answer-create", args=[question.pk]),
        {"body": "可以来所里面谈，前台电话 010-87654321，带上证据材料。"},
        follow=True,
    )
    page = response.content.decode()
    assert "发布时已隐去：固定电话 010-****4321" in page
    assert "87654321" not in page


def test_the_ask_form_says_without_javascript_what_will_be_masked(client: Client, alice) -> None:
    client.force_login(alice)
    page = client.get(reverse("consult:question-create")).content.decode()
    assert "会在发布时自动打码（例如 138****5678）" in page
    assert "data-mask-preview" in page
    assert "js/mask-preview.js" in page
