"""In a real browser, under the Content-Security-Policy: the site's scripts still run, the API
docs (Swagger UI) still draw the API, the admin still loads, and no page reports a violation."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.factories import make_user

if TYPE_CHECKING:
    from playwright.sync_api import Page

sync_api = pytest.importorskip(
    "playwright.sync_api",
    reason="browser tests need Playwright's Python package (pip install playwright==1.65.2)",
)
expect = sync_api.expect

pytestmark = pytest.mark.e2e


def violations(page: Page) -> list[str]:
    found: list[str] = []
    page.on(
        "console",
        lambda message: (
            found.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return found


def test_the_api_docs_draw_the_api(live_server, page: Page) -> None:
    seen = violations(page)
    page.goto(live_server.url + "/api/v1/docs/")

    expect(page.locator(".swagger-ui .info .title").first).to_contain_text("法律咨询网 API")
    expect(page.locator(".opblock").first).to_be_visible()
    assert seen == []


def test_the_assessment_tool_runs_its_script(live_server, page: Page) -> None:
    seen = violations(page)
    page.goto(live_server.url + "/tools/personal-information-crime/")
    page.wait_for_load_state("networkidle")

    assert seen == []


def test_the_admin_loads(live_server, page: Page, client) -> None:
    make_user("charlie", is_staff=True, is_superuser=True)
    seen = violations(page)
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "charlie")
    page.fill("#id_password", "correct horse battery staple")
    page.click("input[type=submit]")
    page.goto(live_server.url + "/admin/consult/question/")

    expect(page.locator("#changelist")).to_be_visible()
    assert seen == []
