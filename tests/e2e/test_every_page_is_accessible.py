"""axe-core finds no serious or critical violation on any page of the site, on a phone (375 px)
and on a desktop (1280 px): the pages a visitor reads, and those a signed-in user works on."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from consult.models import Notification
from tests.e2e.browsing import ensure_laws, new_context, problems_at, sign_in
from tests.factories import article, make_answer, make_category, make_lawyer, make_question

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytest.importorskip(
    "playwright.sync_api",
    reason="browser tests need Playwright's Python package (pip install playwright==1.65.2)",
)

pytestmark = pytest.mark.e2e


def test_every_page_has_no_serious_accessibility_violation(live_server, browser: Browser) -> None:
    ensure_laws()
    category = make_category("侵犯个人信息", slug="personal-information", concerns_pi_crime=True)
    lawyer = make_lawyer(real_name="张凯", practice_areas=[category])
    cited = article("criminal-law", 253, 1)
    question = make_question(
        title="前同事把客户名单卖给了别人，算犯罪吗？",
        body="他卖了三千多条客户的姓名和电话，依照刑法第二百五十三条之一能追究吗？",
        category=category,
    )
    answer = make_answer(
        question=question,
        lawyer=lawyer,
        cites=[cited],
        body="出售公民个人信息五千条以上的属于情节严重，见刑法第二百五十三条之一。",
        is_accepted=True,
    )
    Notification.objects.create(
        recipient=question.author,
        kind=Notification.Kind.ANSWER_POSTED,
        question=question,
        answer=answer,
    )

    public = [
        "/",
        question.get_absolute_url(),
        category.get_absolute_url(),
        "/search/?q=客户名单",
        "/search/?q=个人信息&tab=statutes",
        "/statutes/",
        "/statutes/criminal-law/",
        cited.get_absolute_url(),
        "/tools/personal-information-crime/",
        "/accounts/login/",
        "/accounts/signup/",
        lawyer.get_absolute_url(),
        "/no-such-page/",
    ]
    signed_in = ["/questions/ask/", "/accounts/me/", "/notifications/"]

    context = new_context(browser)
    page = context.new_page()
    page.set_default_timeout(15_000)
    problems = []
    for path in public:
        page.goto(live_server.url + path)
        problems += problems_at(page)
    sign_in(page, live_server, question.author)
    for path in signed_in:
        page.goto(live_server.url + path)
        problems += problems_at(page)
    context.close()
    assert not problems, "\n".join(problems)
