"""Journeys through the site in a real browser, each page checked with axe-core on the way
(tests/e2e/browsing.py): a visitor on a phone searches, reads, follows a cited article and uses
the embedded assessment; a visitor without JavaScript signs up, asks and assesses; an admin
verifies a lawyer, who is told, answers from 待回答 and replies to the asker's 追问. Later features extend these steps rather than add journeys of their own:
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
    sign_in,
    sign_up,
)
from tests.factories import (
    article,
    make_answer,
    make_category,
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
    embed.locator("summary", has_text="开始评估").click()  # folded to a teaser on the page
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

    # 我要提问 → 登录 (told why) → 注册 → back at the ask form, signed in.
    page.goto(live_server.url + "/")
    open_link(page, page.get_by_role("link", name="我要提问", exact=True).first)
    expect(page.locator("main")).to_contain_text("登录后即可提问")
    open_link(page, page.locator("main").get_by_role("link", name="注册", exact=True))
    sign_up(page, mailoutbox, username="dora", email="dora@example.com")
    expect(page.locator(".messages")).to_contain_text("注册成功")
    assert page.url.endswith(reverse("consult:question-create")), page.url

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


def test_a_lawyer_applies_is_verified_answers_from_the_workspace_and_the_asker_follows_up(
    live_server, browser: Browser
) -> None:
    criminal = make_category("刑事", slug="criminal")
    make_user("charlie", is_staff=True, is_superuser=True)
    asker = make_user("alice")
    question = make_question(
        author=asker, category=criminal, title="公司把我的手机号卖给推销公司怎么办？"
    )
    applicant = make_user("vera")

    # The applicant applies.
    lawyer_context = new_context(browser)
    lawyer = lawyer_context.new_page()
    lawyer.set_default_timeout(15_000)
    sign_in(lawyer, live_server, applicant)
    lawyer.goto(live_server.url + reverse("consult:lawyer-apply"))
    check_page(lawyer)
    lawyer.fill("#id_real_name", "韦律师")
    lawyer.fill("#id_license_number", "11101201810012345")
    lawyer.fill("#id_law_firm", "北京明理律师事务所")
    lawyer.fill("#id_region", "北京市朝阳区")
    lawyer.get_by_label("刑事").check()
    lawyer.fill("#id_bio", "执业八年，主要办理刑事辩护和个人信息保护案件。")
    with lawyer.expect_navigation():
        lawyer.click("main form button[type=submit]")
    expect(lawyer.locator(".messages")).to_contain_text("申请已提交")

    # An admin verifies the application from the admin's front page.
    admin_context = new_context(browser)
    admin = admin_context.new_page()
    admin.set_default_timeout(15_000)
    admin.goto(live_server.url + "/admin/")
    admin.fill("#id_username", "charlie")
    admin.fill("#id_password", PASSWORD)
    with admin.expect_navigation():
        admin.click("input[type=submit]")
    check_page(admin)
    open_link(admin, admin.get_by_role("link", name="待审核的律师认证申请"))
    admin.get_by_role("row", name="韦律师").locator("input.action-select").check()
    admin.select_option("select[name=action]", label="认证所选律师")
    with admin.expect_navigation():
        admin.click("button[name=index]")
    expect(admin.locator(".messagelist")).to_contain_text("已认证 1 位律师。")
    check_page(admin)
    profile = LawyerProfile.objects.get(user=applicant)
    assert profile.status == LawyerProfile.Status.VERIFIED
    # The practice-area selector's buttons come from the script catalog, in Chinese.
    admin.goto(live_server.url + reverse("admin:consult_lawyerprofile_change", args=[profile.pk]))
    # Django 5.2's SelectFilter2.js labels a <span> (the filter's search icon) with aria-label,
    # which ARIA doesn't allow on a span without a role: Django's markup, not ours.
    check_page(admin, exclude=[".selector-filter span[aria-label]"])
    expect(admin.locator(".selector")).to_contain_text("选择全部")
    expect(admin.locator(".selector")).not_to_contain_text("Choose all")
    admin_context.close()

    # The lawyer is told, finds the question in 待回答 and answers it.
    lawyer.goto(live_server.url + reverse("consult:notification-list"))
    expect(lawyer.locator("main")).to_contain_text("认证")
    check_page(lawyer)
    lawyer.goto(live_server.url + reverse("consult:lawyer-workspace"))
    check_page(lawyer)
    open_link(lawyer, lawyer.get_by_role("link", name=question.title))
    lawyer.fill(
        "#id_body",
        "对方未经同意出售手机号，可能构成侵犯公民个人信息罪，建议先保存短信和通话记录再报警。",
    )
    with lawyer.expect_navigation():
        lawyer.click("form[action$='/answers/'] button[type=submit]")
    expect(lawyer.locator("article.answer")).to_contain_text("保存短信和通话记录")

    # The asker asks a follow-up under the answer, the lawyer replies, the asker accepts.
    asker_context = new_context(browser)
    page = asker_context.new_page()
    page.set_default_timeout(15_000)
    sign_in(page, live_server, asker)
    page.goto(live_server.url + question.get_absolute_url())
    page.get_by_label("追问这位律师").fill("报警时需要带哪些材料？")
    with page.expect_navigation():
        page.click(".follow-up-form button[type=submit]")
    expect(page.locator(".follow-ups")).to_contain_text("提问者追问")
    check_page(page)

    lawyer.goto(live_server.url + question.get_absolute_url())
    lawyer.get_by_label("回复提问者").fill("带上身份证、短信截图和通话记录的打印件即可。")
    with lawyer.expect_navigation():
        lawyer.click(".follow-up-form button[type=submit]")
    expect(lawyer.locator(".follow-ups")).to_contain_text("韦律师律师回复")
    lawyer_context.close()

    page.reload()
    with page.expect_navigation():
        page.get_by_role("button", name="采纳这条回答").click()
    expect(page.locator("article.answer").first).to_contain_text("提问者已采纳")
    check_page(page)
    asker_context.close()
