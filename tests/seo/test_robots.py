"""robots.txt keeps crawlers out of account, ask, notification, admin and API pages and names
the sitemap; the same pages answer with X-Robots-Tag: noindex."""

from __future__ import annotations

from urllib.robotparser import RobotFileParser

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import make_category, make_lawyer, make_question
from tests.seo.conftest import SITE

pytestmark = pytest.mark.django_db

PRIVATE = [
    ("accounts:login", []),
    ("accounts:signup", []),
    ("accounts:account", []),
    ("accounts:password-reset", []),
    ("consult:question-create", []),
    ("consult:lawyer-apply", []),
    ("consult:lawyer-workspace", []),
    ("consult:lawyer-workspace-answers", []),
    ("consult:lawyer-workspace-profile", []),
    ("consult:follow-up-create", [7]),
    ("consult:notification-list", []),
    ("consult:search-suggestions", []),
    ("consult:answer-edit", [7]),
    ("admin:index", []),
    ("api:api-root", []),
    ("api:docs", []),
    ("api:question-list", []),
    ("api-assessment", []),
]


def robots(client: Client) -> RobotFileParser:
    parser = RobotFileParser()
    parser.parse(client.get("/robots.txt").content.decode().splitlines())
    return parser


@pytest.mark.parametrize(("name", "args"), PRIVATE)
def test_robots_txt_keeps_crawlers_out_of_private_pages(client: Client, name, args) -> None:
    assert not robots(client).can_fetch("*", SITE + reverse(name, args=args))


def test_robots_txt_lets_crawlers_read_the_public_pages(client: Client) -> None:
    question, lawyer = make_question(), make_lawyer()
    parser = robots(client)
    for path in [
        "/",
        question.get_absolute_url(),
        lawyer.get_absolute_url(),
        reverse("consult:lawyer-list"),
        question.category.get_absolute_url(),
        "/statutes/criminal-law/253-1/",
        reverse("tools:pi-crime-assessment"),
        reverse("consult:feed-questions"),
        # Crawlers may read search results: the page itself says noindex.
        reverse("consult:search") + "?q=工资",
    ]:
        assert parser.can_fetch("*", SITE + path), path


def test_robots_txt_names_the_sitemap_on_the_site_url(client: Client) -> None:
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert robots(client).site_maps() == [f"{SITE}/sitemap.xml"]


@pytest.mark.parametrize(("name", "args"), PRIVATE)
def test_private_pages_answer_noindex(client: Client, alice, name, args) -> None:
    client.force_login(alice)
    response = client.get(reverse(name, args=args))
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_public_pages_carry_no_noindex_header(client: Client) -> None:
    make_category("刑事", slug="criminal")
    for path in ["/", make_question().get_absolute_url(), "/statutes/criminal-law/253-1/"]:
        assert "X-Robots-Tag" not in client.get(path), path
