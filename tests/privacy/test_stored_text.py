"""Text saved before masking existed, text staff edit in the admin, and the demo content."""

from __future__ import annotations

import io
import tomllib
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib import admin
from django.core.management import call_command
from django.test import RequestFactory

from consult.models import Answer, Question, QuestionSearchDocument
from privacy.identifiers import find_identifiers
from tests.factories import make_answer, make_question

RAW_BODY = "我的手机13812345678被公开了，身份证号11010519491231002X也在上面。"


def mask_command(*args: str) -> str:
    out = io.StringIO()
    call_command("mask_personal_data", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_the_command_masks_rows_history_and_search_documents_saved_before() -> None:
    question = make_question(title="手机13812345678被公开", body=RAW_BODY)  # saved unmasked
    question.body = RAW_BODY + "补充。"
    question.save()  # a second history row
    make_answer(question=question, body="请拨打 010-87654321 联系我们的律师助理。")
    assert mask_command() == "已打码：问题 1 个，回答 1 条，历史记录 3 条。\n"
    question.refresh_from_db()
    assert question.title == "手机138****5678被公开"
    assert "110105********002X" in question.body
    assert Answer.objects.get().body == "请拨打 010-****4321 联系我们的律师助理。"
    for row in Question.history.all():
        assert "13812345678" not in row.title + row.body
    assert "87654321" not in Answer.history.get().body
    document = QuestionSearchDocument.objects.get(question=question)
    assert "13812345678" not in document.terms_a + document.terms_b
    assert "87654321" not in document.terms_c
    assert mask_command() == "已打码：问题 0 个，回答 0 条，历史记录 0 条。\n"  # idempotent


@pytest.mark.django_db
def test_a_dry_run_counts_and_changes_nothing() -> None:
    question = make_question(body=RAW_BODY)
    assert mask_command("--dry-run") == "将打码：问题 1 个，回答 0 条，历史记录 1 条。\n"
    question.refresh_from_db()
    assert question.body == RAW_BODY


@pytest.mark.django_db
def test_staff_edits_in_the_admin_are_masked(admin_user) -> None:
    request = RequestFactory().post("/admin/")
    request.user = admin_user
    question = make_question()
    question.body = RAW_BODY
    admin.site._registry[Question].save_model(request, question, None, change=True)
    assert "13812345678" not in Question.objects.get().body
    answer = make_answer(question=question)
    answer.body = "律师电话 13912345678，欢迎咨询。"
    admin.site._registry[Answer].save_model(request, answer, None, change=True)
    assert Answer.objects.get().body == "律师电话 139****5678，欢迎咨询。"


def test_the_demo_content_holds_no_identifiers() -> None:
    """load_demo saves the demo texts as written: they must need no masking."""
    data = tomllib.loads((Path(settings.BASE_DIR) / "consult/demo/questions.toml").read_text())
    texts = [
        text
        for item in data["question"]
        for text in (item["title"], item["body"], *(a["body"] for a in item.get("answer", [])))
    ]
    assert len(texts) > 100
    assert [t for t in texts if find_identifiers(t)] == []
