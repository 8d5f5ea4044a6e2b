"""Journeys through the site in a real browser, each page checked with axe-core on the way
(tests/e2e/browsing.py): a visitor on a phone searches, reads, follows a cited article and uses
the embedded assessment; a visitor without JavaScript signs up, asks and assesses; an admin
verifies a lawyer. Later features extend these steps rather than add journeys of their own:
each journey costs a browser session and a few seconds."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from django.urls import reverse

from consult.models import LawyerProfile, Question
from tests.e2e.browsing import (
    PASSWORD,
    PHONE,
    check_page,
    ensure_laws,
    fill_assessment,
    new_context,
    open_link,
    search_from_header,
    sign_up,
)
from tests.factories import (
    article,
    make_answer,
    make_category,
    make_lawyer,
    make_question,
    make_user,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser

sync_api = pytest.importorskip(
    "playwright.sync_api",
    reason="browser tests need Playwright's Python package (pip install playwright==1.65.2)",
)
expect = sync_api.expect

pytestmark = pytest.mark.e2e


def test_a_visitor_on_a_phone_searches_reads_and_assesses(live_server, browser: Browser) -> None:
    ensure_laws()
    category = make_category("侵犯个人信息", concerns_pi_crime=True)
    cited = article("criminal-law", 253, 1)
    question = make_question(
        title="前同事把客户名单卖给了别人，算犯罪吗？",
        body="他卖了三千多条客户的姓名和电话，公司能报警吗？",
        category=category,
    )
    make_answer(
        question=question,
        cites=[cited],
        body="出售公民个人信息五千条以上的属于情节严重，可以向公安机关报案。",
    )
    context = new_context(browser, width=PHONE["width"])
    page = context.new_page()
    page.set_default_timeout(15_000)

    page.goto(live_server.url + "/")
    check_page(page)
    search_from_header(page, "同事卖客户名单")
    open_link(page, page.locator(".search-results .question-title").first)
    expect(page.locator("h1")).to_have_text(question.title)

    open_link(page, page.locator(".answer .citations a").first)
    expect(page.locator("h1")).to_contain_text("第二百五十三条之一")
    page.go_back()

    embed = page.locator(".assessment-embed")
    fill_assessment(page, embed, {"general": "5000"})
    expect(embed.locator("[data-assessment-output] .assessment-level")).to_have_text("情节严重")
    check_page(page)  # with the result shown
    context.close()


def test_a_visitor_without_javascript_signs_up_asks_and_assesses(
    live_server, browser: Browser, mailoutbox
) -> None:
    make_category("劳动纠纷")
    context = new_context(browser, javascript=False)
    page = context.new_page()
    page.set_default_timeout(15_000)

    page.goto(live_server.url + "/")
    open_link(page, page.get_by_role("link", name="注册", exact=True))
    sign_up(page, mailoutbox, username="dora", email="dora@example.com")
    expect(page.locator(".messages")).to_contain_text("注册成功")

    open_link(page, page.get_by_role("link", name="我要提问", exact=True).first)
    page.fill("#id_title", "试用期被公司辞退有补偿吗？")
    page.select_option("#id_category", label="劳动纠纷")
    page.fill("#id_body", "入职两个月，公司说我不符合录用条件，当天就让我走。")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    check_page(page)
    expect(page.locator("h1")).to_have_text("试用期被公司辞退有补偿吗？")
    assert Question.objects.get().author.username == "dora"

    open_link(page, page.get_by_role("link", name="情节评估", exact=True))
    fill_assessment(page, page.locator("main"), {"track": "30", "lodging": "300"})
    with page.expect_navigation():
        page.click(".assessment-submit button[type=submit]")
    expect(page.locator("#assessment-result .assessment-level")).to_have_text("情节严重")
    check_page(page)
    context.close()


def test_an_admin_verifies_a_lawyer(live_server, browser: Browser) -> None:
    make_user("charlie", is_staff=True, is_superuser=True)
    applicant = make_lawyer(real_name="王律师", status=LawyerProfile.Status.PENDING)
    context = new_context(browser)
    page = context.new_page()
    page.set_default_timeout(15_000)

    page.goto(live_server.url + "/admin/")
    page.fill("#id_username", "charlie")
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("input[type=submit]")
    check_page(page)
    open_link(page, page.get_by_role("link", name="待审核的律师认证申请"))
    page.get_by_role("row", name="王律师").locator("input.action-select").check()
    page.select_option("select[name=action]", label="认证所选律师")
    with page.expect_navigation():
        page.click("button[name=index]")
    expect(page.locator(".messagelist")).to_contain_text("已认证 1 位律师。")
    check_page(page)
    applicant.refresh_from_db()
    assert applicant.status == LawyerProfile.Status.VERIFIED

    # The lawyer's page: the practice-area selector's buttons come from the script catalog.
    page.goto(live_server.url + reverse("admin:consult_lawyerprofile_change", args=[applicant.pk]))
    # Django 5.2's SelectFilter2.js labels a <span> (the filter's search icon) with aria-label,
    # which ARIA doesn't allow on a span without a role: Django's markup, not ours.
    check_page(page, exclude=[".selector-filter span[aria-label]"])
    selector = page.locator(".selector")
    expect(selector).to_contain_text("选择全部")
    expect(selector).not_to_contain_text("Choose all")
    context.close()
