"""法律法规库: laws grouped by kind, in the site's order, each with its status."""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse

from statutes.law_groups import group_laws
from statutes.models import Law, LawVersion

pytestmark = pytest.mark.django_db

URL = reverse("statutes:law-list")


def test_laws_are_grouped_by_kind_law_first(client: Client) -> None:
    content = client.get(URL).content.decode()
    headings = re.findall(r"<h2 id=\"kind-\d+\">(.+?)</h2>", content)
    assert headings == ["法律", "司法解释", "行政法规"]


def test_criminal_law_comes_first_then_what_goes_with_it(client: Client) -> None:
    groups = client.get(URL).context["groups"]
    slugs = [entry.law.slug for entry in groups[0].entries]
    assert slugs[:3] == ["criminal-law", "criminal-law-amendment-9", "criminal-procedure-law"]
    assert slugs.index("personal-information-protection-law") < slugs.index("civil-code")


def test_each_law_shows_the_status_of_its_version_in_force(client: Client) -> None:
    content = client.get(URL).content.decode()
    assert content.count('class="status status-valid"') == Law.objects.count()


def test_a_law_with_no_version_in_force_shows_its_newest_versions_status() -> None:
    law = Law.objects.create(
        slug="old-regulation", title="某某旧条例", kind=Law.Kind.REGULATION, issuing_body="国务院"
    )
    older = LawVersion(
        law=law, slug="old-1", version_date=datetime.date(2001, 1, 1), status="已修改"
    )
    newer = LawVersion(
        law=law, slug="old-2", version_date=datetime.date(2010, 1, 1), status="已废止"
    )
    groups = group_laws([law], [newer, older])
    assert [(g.kind, [e.version and e.version.status for e in g.entries]) for g in groups] == [
        ("行政法规", ["已废止"])
    ]


def test_a_law_not_in_the_explicit_order_follows_the_listed_ones() -> None:
    listed = Law(slug="criminal-law", title="中华人民共和国刑法", kind="法律")
    unlisted = Law(slug="aaa-new-law", title="阿阿新法", kind="法律")
    groups = group_laws([unlisted, listed], [])
    assert [e.law.slug for e in groups[0].entries] == ["criminal-law", "aaa-new-law"]


def test_the_page_costs_two_queries(client: Client, django_assert_num_queries) -> None:
    # the laws, their versions
    with django_assert_num_queries(2):
        assert client.get(URL).status_code == 200
