"""Steps the browser journeys share: viewports, signing in, the accessibility check.

Every journey calls check_page() on each page it visits: axe-core (from the npm registry, see
package.json; `npm ci` installs it into node_modules/) must find no serious or critical
violation there. Journeys written by others extend these steps rather than copy them.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from django.core.management import call_command
from django.test import Client

from accounts.models import User
from statutes.models import Law

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize

AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"

PHONE: ViewportSize = {"width": 375, "height": 812}
DESKTOP: ViewportSize = {"width": 1280, "height": 900}
VIEWPORTS = {"375px": PHONE, "1280px": DESKTOP}

# axe's impacts are minor, moderate, serious, critical: the last two fail a page.
FAILING_IMPACTS = ("serious", "critical")
PASSWORD = "correct horse battery staple"  # tests/factories.make_user's


# Contexts made without JavaScript: axe can't run inside their pages (see axe_violations).
_WITHOUT_JS: weakref.WeakSet[BrowserContext] = weakref.WeakSet()


def new_context(browser: Browser, *, javascript: bool = True, width: int = 1280) -> BrowserContext:
    """A fresh browser profile. bypass_csp: axe is injected as an inline script, which a
    Content-Security-Policy without 'unsafe-inline' would refuse (the site's own scripts are
    files and need no such bypass)."""
    viewport: ViewportSize = (
        PHONE if width <= PHONE["width"] else {"width": width, "height": DESKTOP["height"]}
    )
    context = browser.new_context(
        java_script_enabled=javascript, locale="zh-CN", viewport=viewport, bypass_csp=True
    )
    if not javascript:
        _WITHOUT_JS.add(context)
    return context


def set_viewport(page: Page, viewport: ViewportSize) -> None:
    page.set_viewport_size(viewport)


def axe_violations(page: Page, *, exclude: Sequence[str] = ()) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations on the page as it is now, except inside the
    elements the CSS selectors of `exclude` match (for markup that isn't ours to fix)."""
    if not AXE_JS.exists():
        pytest.fail(f"axe-core is missing at {AXE_JS}: run `npm ci` in the project's root")
    if page.context in _WITHOUT_JS:
        return _violations_without_javascript(page, exclude=exclude)
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_JS.read_text(encoding="utf-8") + "\n;void 0")
    results = page.evaluate(
        """async (exclude) => await window.axe.run(
            {include: [document], exclude: exclude.map((selector) => [selector])},
            {resultTypes: ['violations']},
        )""",
        list(exclude),
    )
    return [v for v in results["violations"] if v["impact"] in FAILING_IMPACTS]


def _violations_without_javascript(page: Page, *, exclude: Sequence[str]) -> list[dict[str, Any]]:
    """In a page without JavaScript axe would wait forever (its timers never fire). So the
    page's HTML as it stands is shown at the same address in a page of its own where axe can
    run, with every script file refused: what is checked is what a visitor without
    JavaScript sees."""
    html, address = page.content(), page.url.split("#")[0]
    browser = page.context.browser
    assert browser is not None
    context = browser.new_context(locale="zh-CN", viewport=page.viewport_size, bypass_csp=True)
    try:
        checker = context.new_page()
        checker.route(lambda url: url.endswith(".js") or ".js?" in url, lambda route: route.abort())
        checker.route(
            lambda url: url.split("#")[0] == address,
            lambda route: route.fulfill(
                status=200, content_type="text/html; charset=utf-8", body=html
            ),
        )
        checker.goto(address)
        return axe_violations(checker, exclude=exclude)
    finally:
        context.close()


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:50]:
            lines.append(f"    {', '.join(map(str, node['target']))}: {node['failureSummary']}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    … and {len(violation['nodes']) - 5} more")
    return "\n".join(lines)


def check_page(page: Page, *, exclude: Sequence[str] = ()) -> None:
    """No serious or critical accessibility violation on the page as it is now."""
    violations = axe_violations(page, exclude=exclude)
    assert not violations, f"{page.url} at {page.viewport_size}:\n{describe(violations)}"


def problems_at(page: Page, *viewports: ViewportSize) -> list[str]:
    """The serious and critical violations at each viewport width (the layout differs: one
    column on a phone, two on a desktop), described; empty when there are none."""
    problems = []
    for viewport in viewports or (PHONE, DESKTOP):
        set_viewport(page, viewport)
        if violations := axe_violations(page):
            problems.append(f"{page.url} at {viewport['width']} px:\n{describe(violations)}")
    return problems


def check_page_at(page: Page, *viewports: ViewportSize) -> None:
    """check_page() at each viewport width."""
    problems = problems_at(page, *viewports)
    assert not problems, "\n".join(problems)


def sign_in(page: Page, live_server: Any, user: User) -> None:
    """Signed in without typing: a session made by Django's test client, given to the browser.
    (Journeys that are about signing in use sign_in_with_form.)"""
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def sign_in_with_form(
    page: Page, live_server: Any, username: str, password: str = PASSWORD
) -> None:
    page.goto(live_server.url + "/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.click("main form button[type=submit]")


def ensure_laws() -> None:
    """The law texts, which tests/conftest.py imports once per session: a live-server test
    runs in a transaction that is flushed afterwards, which empties them for the next one."""
    if not Law.objects.exists():
        call_command("import_laws", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115


# Steps of the journeys. Each leaves the page where a person would be next, and checks it.


def search_from_header(page: Page, words: str) -> None:
    page.fill("#site-search", words)
    with page.expect_navigation():
        page.press("#site-search", "Enter")
    check_page(page)


def open_link(page: Page, locator: Any) -> None:
    """Follow a link as a reader does, then check the page it leads to."""
    with page.expect_navigation():
        locator.click()
    check_page(page)


def sign_up(page: Page, mailbox: list[Any], *, username: str, email: str) -> None:
    """The sign-up form, then the 6-digit code from the mail (the locmem outbox)."""
    page.fill("#id_username", username)
    page.fill("#id_email", email)
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.check("#id_agree_terms")  # 隐私政策 and 用户协议
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    check_page(page)
    code = re.search(r"^\s+(\d{6})$", mailbox[-1].body, re.MULTILINE)
    assert code, mailbox[-1].body
    page.fill("#id_code", code.group(1))
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    check_page(page)


def fill_assessment(page: Page, scope: Any, facts: dict[str, str]) -> None:
    """Type facts into an assessment form (the tool page's or the one embedded in a question),
    by field name, e.g. {"general": "5000"}."""
    for name, value in facts.items():
        scope.locator(f"input[name={name}]").fill(value)
