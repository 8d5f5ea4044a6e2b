"""A question about 侵犯公民个人信息罪 on a 375 px phone: the embedded assessment is one tap away
instead of nine screens of form, and while typing a summary of the result stays in view."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.factories import make_answer, make_category, make_question, make_user

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, ViewportSize

sync_api = pytest.importorskip(
    "playwright.sync_api",
    reason="browser tests need Playwright's Python package (pip install playwright==1.65.2)",
)
expect = sync_api.expect

pytestmark = pytest.mark.e2e

PHONE: ViewportSize = {"width": 375, "height": 667}


@pytest.fixture
def phone(browser: Browser):
    context = browser.new_context(locale="zh-CN", viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def phone_without_js(browser: Browser):
    context = browser.new_context(locale="zh-CN", viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def pi_question():
    question = make_question(category=make_category("侵犯个人信息", concerns_pi_crime=True))
    make_answer(question=question)
    for _ in range(3):
        make_answer(question=make_question())  # for 为您推荐
    return question


def test_the_assessment_is_a_teaser_and_the_summary_follows_the_typing(
    live_server, phone: Page
) -> None:
    question = pi_question()
    phone.goto(live_server.url + question.get_absolute_url())
    embed = phone.locator(".assessment-embed")
    expect(embed.locator("details.assessment-embed-form")).not_to_have_attribute("open", "")
    expect(embed.locator("input[name=track]")).to_be_hidden()
    teaser = embed.bounding_box()
    assert teaser is not None and teaser["height"] < 300, teaser
    recommended = phone.locator("#recommended-heading").bounding_box()
    height = phone.evaluate("document.documentElement.scrollHeight")
    assert recommended is not None
    print(f"\n375 px, folded: page {height} px, 为您推荐 at {recommended['y']:.0f} px")

    embed.locator("summary", has_text="开始评估").click()
    phone.evaluate("window.__sameDocument = true")
    track = embed.locator("input[name=track]")
    track.fill("30")
    embed.locator("input[name=lodging]").fill("300")
    status = phone.locator("[data-assessment-status]")
    expect(status).to_contain_text("评估结果：情节严重（按比例合计 1.2，满足 1 项规定）")
    # Both the field being typed in and the summary are on the screen at once.
    track.scroll_into_view_if_needed()
    box = status.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]
    field = track.bounding_box()
    assert field is not None and 0 <= field["y"] < box["y"]
    assert phone.evaluate("window.__sameDocument === true")
    assert phone.url == live_server.url + question.get_absolute_url()


def test_without_javascript_the_result_appears_on_the_question_page(
    live_server, phone_without_js: Page
) -> None:
    page = phone_without_js
    question = pi_question()
    page.goto(live_server.url + question.get_absolute_url())
    embed = page.locator(".assessment-embed")
    embed.locator("summary", has_text="开始评估").click()
    embed.locator("input[name=track]").fill("60")
    with page.expect_navigation():
        embed.locator(".assessment-submit button[type=submit]").click()
    assert page.url.endswith("#assessment-embed-result")
    expect(page.locator("h1")).to_have_text(question.title)
    expect(embed.locator("[data-assessment-output] .assessment-level")).to_have_text("情节严重")
    expect(embed.locator("input[name=track]")).to_have_value("60")


def test_the_signed_in_header_takes_two_rows(live_server, phone: Page, client) -> None:
    user = make_user("phoneuser")
    phone.goto(live_server.url + "/accounts/login/")
    phone.fill("input[name=username]", user.username)
    phone.fill("input[name=password]", "correct horse battery staple")
    with phone.expect_navigation():
        phone.locator("main button[type=submit]").click()
    header = phone.locator(".site-header").bounding_box()
    assert header is not None
    print(f"\n375 px, signed in: header {header['height']:.0f} px")
    assert header["height"] <= 110, header
