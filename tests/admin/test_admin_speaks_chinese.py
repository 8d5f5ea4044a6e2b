"""The admin in Chinese throughout: its titles, the selector widgets' buttons (the script
catalog), the edit history with a readable diff and the curator's reason, field labels, and a
front page showing what waits for staff."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from consult.models import LawyerProfile, Question
from tests.admin.test_article_curation import edit
from tests.factories import article, make_answer, make_lawyer, make_question

pytestmark = pytest.mark.django_db


def test_the_admin_is_titled_with_the_sites_name(admin_client: Client) -> None:
    page = admin_client.get(reverse("admin:index")).content.decode()
    assert "法律咨询网管理" in page
    assert "Django" not in page


def test_the_front_page_counts_what_waits_for_staff(admin_client: Client) -> None:
    make_lawyer(status=LawyerProfile.Status.PENDING)
    make_lawyer(status=LawyerProfile.Status.PENDING)
    make_lawyer()  # verified: nothing to do
    make_question(is_hidden=True)
    make_question(
        review_status=Question.Review.PENDING
    )  # held for review (consult/services/holds.py)
    make_answer(is_hidden=True)
    response = admin_client.get(reverse("admin:index"))
    waiting = response.context["waiting"]
    counts = (waiting.pending_lawyers, waiting.held_questions, waiting.hidden_questions)
    assert counts == (2, 1, 1)
    assert waiting.hidden_answers == 1
    page = response.content.decode()
    lawyers = reverse("admin:consult_lawyerprofile_changelist") + "?status__exact=pending"
    assert f'href="{lawyers}">待审核的律师认证申请</a>' in page
    assert reverse("admin:consult_question_changelist") + "?is_hidden__exact=1" in page
    assert reverse("admin:consult_question_changelist") + "?queue=held" in page


def test_the_front_pages_links_open_filtered_lists(admin_client: Client) -> None:
    make_lawyer(status=LawyerProfile.Status.PENDING, real_name="王待审")
    make_lawyer(real_name="李已认证")
    response = admin_client.get(
        reverse("admin:consult_lawyerprofile_changelist"), {"status__exact": "pending"}
    )
    assert [p.real_name for p in response.context["cl"].result_list] == ["王待审"]


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("Choose all %s", "选择全部%s"),
        ("Remove all %s", "移除全部%s"),
        ("Choose selected %s", "选择选中的%s"),
        ("Remove selected %s", "移除选中的%s"),
        ("(click to clear)", "（点击清除）"),
    ],
)
def test_the_selector_widgets_buttons_are_translated(
    admin_client: Client, english: str, chinese: str
) -> None:
    catalog = admin_client.get(reverse("admin:jsi18n")).content.decode()
    assert f"{json.dumps(english)}: {json.dumps(chinese)}" in catalog


def test_an_article_edit_asks_why(admin_client: Client) -> None:
    target = article("criminal-law", 253, 1)
    url = reverse("admin:statutes_article_change", args=[target.pk])
    form = admin_client.get(url).content.decode()
    assert "修改原因" in form
    response = admin_client.post(url, {"label": target.label, "text": target.text + "。"})
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["change_reason"] == ["该字段是必填项。"]
    assert target.history.count() == 1


def test_the_history_shows_the_reason_and_what_changed_as_a_diff(admin_client: Client) -> None:
    target = article("criminal-law", 253, 1)
    text = target.text
    edit(admin_client, target, text.replace("违反国家有关规定", "违反国家规定"))
    page = admin_client.get(reverse("admin:statutes_article_history", args=[target.pk]))
    html = page.content.decode()
    start = html.index('<table id="change-history"')
    table = html[start : html.index("</table>", start)]
    assert "<td>校对</td>" in table  # the reason edit() gives
    assert "<del>有关</del>" in table
    for english in ("None", "Changes", ">label<", "chars]"):
        assert english not in table, english


def test_the_revert_form_labels_its_fields_in_chinese(admin_client: Client) -> None:
    target = article("criminal-law", 253, 1)
    record = target.history.get()
    url = reverse("admin:statutes_article_simple_history", args=[target.pk, record.history_id])
    html = admin_client.get(url).content.decode()
    assert "<label>版本" in html
    assert "Version" not in html


def test_a_lawyers_change_page_labels_the_user_in_chinese(admin_client: Client) -> None:
    lawyer = make_lawyer()
    html = admin_client.get(
        reverse("admin:consult_lawyerprofile_change", args=[lawyer.pk])
    ).content.decode()
    assert "User:" not in html
    assert 'for="id_user">用户' in html


def test_the_sign_in_protection_lists_are_named_in_chinese(admin_client: Client) -> None:
    page = admin_client.get(reverse("admin:index")).content.decode()
    assert "登录尝试" in page
    assert "Access attempts" not in page
    assert "登录保护" in page
