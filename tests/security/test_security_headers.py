"""Every page carries a strict Content-Security-Policy and a Permissions-Policy, and no page of
ours has inline script or style for the policy to refuse. The admin and the API docs have their
own allowances (portal/security.py), and still load."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from accounts.models import User
from consult.models import Notification
from consult.services.notifications import unsubscribe_token
from statutes.models import Article, LawVersion
from tests.factories import make_answer, make_category, make_lawyer, make_question, make_user

pytestmark = pytest.mark.django_db

STRICT = {
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
}
# Not pages: feeds, sitemaps, robots.txt, JSON, and views that only take POSTs.
NOT_PAGES = {
    "seo:robots-txt",
    "seo:sitemap-index",
    "seo:sitemap-section",
    "consult:feed-category",
    "consult:feed-questions",
    "consult:feed-lawyer",
    "consult:search-suggestions",
    "consult:mask-preview",
    "consult:answer-create",
    "consult:answer-accept",
    "consult:answer-helpful",
    "consult:notification-open",
    "accounts:logout",
    "accounts:api-token",
    "accounts:account-export",
    "consult:follow-up-create",
    "consult:question-assessment",
    "healthz",
    "api-not-found",
}
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", re.I)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=", re.I)


def site_page_names() -> set[str]:
    names: set[str] = set()

    def walk(patterns: list, namespace: str | None) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace not in ("admin", "api"):
                    walk(pattern.url_patterns, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and pattern.name:
                names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    walk(get_resolver().url_patterns, None)
    return names - NOT_PAGES - {"api-assessment"}


@pytest.fixture
def pages(admin_user: User) -> dict[str, str]:
    """A URL for every page, as the superuser (who may see every one of them) gets it."""
    category = make_category("刑事", slug="criminal")
    # The superuser is also the lawyer who answered: the answer's edit page is theirs.
    lawyer = make_lawyer(admin_user, real_name="魏律师")
    question = make_question(author=make_user("alice"), category=category)
    answer = make_answer(question=question, lawyer=lawyer)
    unanswered = make_question(author=admin_user, category=category)  # still editable
    Notification.objects.create(
        recipient=question.author,
        kind=Notification.Kind.ANSWER_POSTED,
        question=question,
        answer=answer,
    )
    article = Article.objects.with_law().filter(version__status=LawVersion.Status.VALID).first()
    assert article is not None, "the law texts are imported once per test session"
    version = article.version
    law, version_slug = version.law.slug, version.slug
    return {
        "consult:home": reverse("consult:home"),
        "consult:search": reverse("consult:search") + "?q=个人信息",
        "consult:category-detail": category.get_absolute_url(),
        "consult:question-create": reverse("consult:question-create"),
        "consult:question-detail": question.get_absolute_url(),
        "consult:question-edit": reverse("consult:question-edit", args=[unanswered.pk]),
        "consult:answer-edit": reverse("consult:answer-edit", args=[answer.pk]),
        "consult:question-list": reverse("consult:question-list"),
        "consult:question-delete": reverse("consult:question-delete", args=[unanswered.pk]),
        "consult:lawyer-apply": reverse("consult:lawyer-apply"),
        "consult:lawyer-list": reverse("consult:lawyer-list"),
        "consult:lawyer-workspace": reverse("consult:lawyer-workspace"),
        "consult:lawyer-workspace-answers": reverse("consult:lawyer-workspace-answers"),
        "consult:lawyer-workspace-profile": reverse("consult:lawyer-workspace-profile"),
        "consult:lawyer-detail": reverse("consult:lawyer-detail", args=[lawyer.pk]),
        "consult:notification-list": reverse("consult:notification-list"),
        "accounts:signup": reverse("accounts:signup"),
        "accounts:signup-verify": reverse("accounts:signup-verify"),
        "accounts:login": reverse("accounts:login"),
        "accounts:account": reverse("accounts:account"),
        "accounts:account-delete": reverse("accounts:account-delete"),
        "pages:privacy": reverse("pages:privacy"),
        "pages:terms": reverse("pages:terms"),
        "accounts:unsubscribe": reverse(
            "accounts:unsubscribe", args=[unsubscribe_token(question.author)]
        ),
        "accounts:password-change": reverse("accounts:password-change"),
        "accounts:password-reset": reverse("accounts:password-reset"),
        "accounts:password-reset-done": reverse("accounts:password-reset-done"),
        "accounts:password-reset-confirm": reverse(
            "accounts:password-reset-confirm", args=["MQ", "set-password"]
        ),
        "accounts:password-reset-complete": reverse("accounts:password-reset-complete"),
        "statutes:law-list": reverse("statutes:law-list"),
        "statutes:law-detail": version.law.get_absolute_url(),
        "statutes:article-detail": article.get_absolute_url(),
        "statutes:version-detail": reverse(
            "statutes:version-detail", kwargs={"law": law, "version": version_slug}
        ),
        "statutes:version-article-detail": reverse(
            "statutes:version-article-detail",
            kwargs={"law": law, "version": version_slug, "article": article.slug},
        ),
        "tools:pi-crime-assessment": reverse("tools:pi-crime-assessment"),
        "not found": "/no-such-page/",
    }


def directives(header: str) -> set[str]:
    return {part.strip() for part in header.split(";") if part.strip()}


def test_every_page_is_in_this_test(pages: dict[str, str]) -> None:
    assert site_page_names() <= set(pages)


def test_every_page_has_a_strict_policy_and_nothing_inline(
    admin_client: Client, pages: dict[str, str]
) -> None:
    for name, url in pages.items():
        response = admin_client.get(url, follow=True)
        assert response.status_code in (200, 404), (name, url, response.status_code)
        policy = directives(response["Content-Security-Policy"])
        assert policy >= STRICT, name
        assert "unsafe" not in response["Content-Security-Policy"], name
        assert "camera=()" in response["Permissions-Policy"], name
        html = response.content.decode()
        assert not INLINE_SCRIPT.search(html), (name, INLINE_SCRIPT.search(html))
        assert not INLINE_STYLE.search(html), (name, INLINE_STYLE.search(html))


def test_visitors_get_the_same_policy(client: Client) -> None:
    response = client.get(reverse("consult:home"))

    assert directives(response["Content-Security-Policy"]) >= STRICT
    assert response["Permissions-Policy"]


def test_the_api_answers_carry_the_policy_too(client: Client) -> None:
    response = client.get(reverse("api:category-list"))

    assert directives(response["Content-Security-Policy"]) >= STRICT


def test_the_admin_loads_with_inline_styles_allowed_and_scripts_not(
    admin_client: Client,
) -> None:
    for url in ("/admin/", "/admin/consult/question/", "/admin/consult/question/add/"):
        response = admin_client.get(url)
        assert response.status_code == 200, url
        header = response["Content-Security-Policy"]
        assert "style-src 'self' 'unsafe-inline'" in header
        assert "script-src 'self';" in header + ";"
        assert not INLINE_SCRIPT.search(response.content.decode()), url


def test_the_api_docs_load_with_their_script_as_a_file(client: Client) -> None:
    response = client.get(reverse("api:docs"))
    script = client.get(reverse("api:docs") + "?script=")

    assert response.status_code == 200
    assert not INLINE_SCRIPT.search(response.content.decode())
    assert "script-src 'self';" in response["Content-Security-Policy"] + ";"
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
