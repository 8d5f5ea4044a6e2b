"""In a real browser: a visitor's everyday sentence finds the answered question, with the
matched words marked; an asker typing a title sees similar questions before publishing."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.factories import make_answer, make_category, make_question, make_user

if TYPE_CHECKING:
    from playwright.sync_api import Page

sync_api = pytest.importorskip(
    "playwright.sync_api",
    reason="browser tests need Playwright's Python package (pip install playwright==1.65.2)",
)
expect = sync_api.expect

pytestmark = pytest.mark.e2e


def test_a_visitor_searches_in_her_own_words(live_server, page: Page) -> None:
    question = make_question(title="退租时房东扣着押金不退怎么办？", body="合同到期搬走了。")
    make_answer(question=question, body="房东无正当理由不退押金的，可以起诉要求返还。")
    page.goto(live_server.url + "/")
    page.fill("#site-search", "退租压金要不回来")  # 押金 mistyped as 压金
    page.press("#site-search", "Enter")
    result = page.locator(".search-results .question-title").first
    expect(result).to_have_text("退租时房东扣着押金不退怎么办？")
    expect(result.locator("mark").first).to_be_visible()
    result.click()
    expect(page.locator("h1")).to_have_text("退租时房东扣着押金不退怎么办？")


def test_typing_a_title_shows_similar_questions(live_server, page: Page, client) -> None:
    make_question(title="试用期被辞退有没有补偿？", category=make_category())
    user = make_user("dora")
    client.force_login(user)
    session = client.cookies["sessionid"].value
    page.context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
    page.goto(live_server.url + "/questions/ask/")
    similar = page.locator(".similar-questions")
    expect(similar).to_be_hidden()
    page.fill("#id_title", "刚入职两个月试用期就被公司辞退")
    expect(similar).to_be_visible()
    expect(similar.locator("a")).to_have_text(["试用期被辞退有没有补偿？"])
    # It sits right under the title field.
    assert page.evaluate(
        "document.querySelector('#id_title').closest('.field').nextElementSibling"
        ".classList.contains('similar-questions')"
    )
