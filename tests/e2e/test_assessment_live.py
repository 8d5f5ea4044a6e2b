"""In a real browser: the result and the bars follow the facts as they are typed, without a
page load; and without JavaScript the form still posts and shows the result."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.factories import make_category, make_question

if TYPE_CHECKING:
    from playwright.sync_api import Page

sync_api = pytest.importorskip(
    "playwright.sync_api",
    reason="browser tests need Playwright's Python package (pip install playwright==1.65.2)",
)
expect = sync_api.expect

pytestmark = pytest.mark.e2e

TOOL_PATH = "/tools/personal-information-crime/"


def same_document(page: Page) -> bool:
    """True while no navigation has happened since mark_document()."""
    return page.evaluate("window.__assessmentDocument === true")


def mark_document(page: Page) -> None:
    page.evaluate("window.__assessmentDocument = true")


def test_typing_updates_the_verdict_and_bars_live(live_server, page: Page) -> None:
    page.goto(live_server.url + TOOL_PATH)
    mark_document(page)
    output = page.locator("#assessment-result [data-assessment-output]")
    expect(output).to_contain_text("填写事实后")

    page.fill("#assess-track", "30")
    expect(output.locator(".assessment-level")).to_have_text("未达到情节严重")
    tier_a = output.locator('[data-bar="tier_a"]')
    expect(tier_a).to_contain_text("30 / 50 条")
    expect(tier_a.locator("svg")).to_have_attribute(
        "aria-label", "行踪轨迹信息等 30 条，情节严重标准 50 条（解释第五条第一款第三项），已达 60%"
    )

    page.fill("#assess-lodging", "300")
    expect(output.locator(".assessment-level")).to_have_text("情节严重")
    expect(output.locator('[data-bar="proportional"]')).to_contain_text("✔ 已达到")
    expect(output.locator(".ground-provision a")).to_have_attribute(
        "href", "/statutes/pi-crime-interpretation-2017/5/#p1-i6"
    )
    status = page.locator("[data-assessment-status]")
    expect(status).to_have_text("评估结果：情节严重（按比例合计 1.2，满足 1 项规定） 查看")
    expect(status.locator("a")).to_have_attribute("href", "#assessment-result")
    assert same_document(page)
    assert page.url == live_server.url + TOOL_PATH  # nothing went into the URL


def test_bad_typing_is_flagged_live_and_cleared_when_fixed(live_server, page: Page) -> None:
    page.goto(live_server.url + TOOL_PATH)
    mark_document(page)
    output = page.locator("#assessment-result [data-assessment-output]")
    page.fill("#assess-track", "3.5")
    expect(output).to_contain_text("行踪轨迹信息：必须是非负整数，不能有小数")
    expect(page.locator("#assess-track")).to_have_attribute("aria-invalid", "true")

    page.fill("#assess-track", "60")
    expect(output.locator(".assessment-level")).to_have_text("情节严重")
    expect(page.locator("#assess-track")).not_to_have_attribute("aria-invalid", "true")
    page.check("#assess-victim_severe_harm")
    expect(output.locator(".assessment-level")).to_have_text("情节特别严重")
    assert same_document(page)


def test_without_javascript_the_form_posts_and_shows_the_result(
    live_server, page_without_js: Page
) -> None:
    page = page_without_js
    page.goto(live_server.url + TOOL_PATH)
    page.fill("#assess-track", "30")
    page.fill("#assess-lodging", "300")
    with page.expect_navigation():
        page.click(".assessment-submit button[type=submit]")
    assert page.url == live_server.url + TOOL_PATH + "#assessment-result"
    output = page.locator("#assessment-result")
    expect(output.locator(".assessment-level")).to_have_text("情节严重")
    expect(output).to_contain_text("解释第五条第一款第六项")
    expect(output.locator('[data-bar="tier_b"]')).to_contain_text("300 / 500 条")
    expect(page.locator("#assess-track")).to_have_value("30")


def test_the_form_embedded_in_a_question_goes_live_too(live_server, page: Page) -> None:
    question = make_question(category=make_category("侵犯个人信息", concerns_pi_crime=True))
    page.goto(live_server.url + question.get_absolute_url())
    mark_document(page)
    embed = page.locator(".assessment-embed")
    embed.locator("summary", has_text="开始评估").click()
    embed.locator("input[name=general]").fill("5000")
    expect(embed.locator("[data-assessment-output] .assessment-level")).to_have_text("情节严重")
    expect(embed).to_contain_text("解释第五条第一款第五项")
    assert same_document(page)
