"""Every indexable page names its canonical URL on SITE_URL, describes itself from its own
content and carries Open Graph tags; pages that must not be indexed say noindex instead."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import make_answer, make_category, make_lawyer, make_question
from tests.seo.conftest import SITE

pytestmark = pytest.mark.django_db


def meta(response) -> dict[str, str]:
    assert response.status_code == 200
    html = response.content.decode()
    tags = dict(re.findall(r'<meta (?:name|property)="([^"]+)" content="([^"]*)"', html))
    canonical = re.findall(r'<link rel="canonical" href="([^"]*)"', html)
    if canonical:
        [tags["canonical"]] = canonical
    return tags


def test_a_question_page_is_canonical_on_the_site_url(client: Client) -> None:
    question = make_question(title="试用期被辞退怎么办？")
    tags = meta(
        client.get(question.get_absolute_url() + "?utm_source=weixin", HTTP_HOST="localhost")
    )
    assert tags["canonical"] == SITE + question.get_absolute_url()
    assert tags["og:url"] == tags["canonical"]
    assert tags["og:title"] == "试用期被辞退怎么办？"
    assert tags["og:type"] == "article"
    assert tags["og:site_name"] == "法律咨询网"
    assert "robots" not in tags


def test_a_question_is_described_by_its_own_text_on_one_line(client: Client) -> None:
    body = "公司拖欠工资三个月，\n\n老板说再等等。" + "我该怎么办？" * 40
    tags = meta(client.get(make_question(body=body).get_absolute_url()))
    assert tags["description"].startswith("公司拖欠工资三个月， 老板说再等等。我该怎么办？")
    assert len(tags["description"]) == 120 and tags["description"].endswith("…")
    assert tags["og:description"] == tags["description"]


def test_a_description_is_escaped_once(client: Client) -> None:
    question = make_question(body='他说"我会起诉你" & 还发了<短信>威胁。')
    tags = meta(client.get(question.get_absolute_url()))
    assert tags["description"] == "他说&quot;我会起诉你&quot; &amp; 还发了&lt;短信&gt;威胁。"


def test_a_category_page_keeps_only_its_page_number_in_the_canonical_url(client: Client) -> None:
    category = make_category("劳动纠纷", slug="labor", description="工资、加班、解除劳动合同。")
    for _ in range(25):
        make_question(category=category)
    url = category.get_absolute_url()
    assert meta(client.get(url + "?page=1"))["canonical"] == SITE + url
    assert meta(client.get(url + "?page=abc&sort=new"))["canonical"] == SITE + url
    second = meta(client.get(url + "?page=2&sort=new"))
    assert second["canonical"] == f"{SITE}{url}?page=2"
    # A page beyond the last is shown as the last; its canonical says so.
    assert meta(client.get(url + "?page=99"))["canonical"] == f"{SITE}{url}?page=2"
    assert (
        second["description"] == "劳动纠纷法律咨询（第2页）：工资、加班、解除劳动合同。共25个问题。"
    )


def test_a_lawyer_is_described_by_their_card(client: Client) -> None:
    lawyer = make_lawyer(
        real_name="张凯",
        law_firm="北京明理律师事务所",
        region="北京市朝阳区",
        practice_areas=[make_category("刑事"), make_category("劳动纠纷")],
    )
    make_answer(lawyer=lawyer)
    tags = meta(client.get(lawyer.get_absolute_url()))
    assert tags["description"] == (
        "张凯律师，北京明理律师事务所，执业地区北京市朝阳区，擅长刑事、劳动纠纷。已帮助1人解决法律问题。"
    )
    assert tags["og:title"] == "张凯律师"


def test_statute_pages_are_described_by_their_text(client: Client) -> None:
    article = meta(client.get("/statutes/criminal-law/253-1/"))
    assert article["canonical"] == f"{SITE}/statutes/criminal-law/253-1/"
    assert article["og:title"] == "《中华人民共和国刑法》第二百五十三条之一"
    assert "违反国家有关规定，向他人出售或者提供公民个人信息" in article["description"]
    law = meta(client.get("/statutes/criminal-law/"))
    assert law["description"].startswith("《中华人民共和国刑法》全文")


def test_search_results_are_not_indexed(client: Client) -> None:
    make_question(title="加班费怎么算？")
    tags = meta(client.get(reverse("consult:search") + "?q=加班费"))
    assert tags["robots"] == "noindex"
    assert "canonical" not in tags and "og:url" not in tags


def test_a_hidden_question_shown_to_staff_is_not_indexed(admin_client: Client) -> None:
    question = make_question(is_hidden=True, hidden_reason="广告")
    assert meta(admin_client.get(question.get_absolute_url()))["robots"] == "noindex"


def test_the_assessment_result_is_not_indexed_but_the_tool_is(client: Client) -> None:
    url = reverse("tools:pi-crime-assessment")
    assert "robots" not in meta(client.get(url))
    result = client.post(url, {"general_count": "6000"})
    assert result.status_code in (200, 400)
    assert re.search(r'<meta name="robots" content="noindex">', result.content.decode())


def test_every_public_page_has_one_canonical_and_one_description(client: Client) -> None:
    question = make_question()
    lawyer = make_lawyer()
    for path in [
        "/",
        question.get_absolute_url(),
        question.category.get_absolute_url(),
        lawyer.get_absolute_url(),
        "/statutes/",
        "/statutes/criminal-law/",
        "/statutes/criminal-law/253-1/",
        reverse("tools:pi-crime-assessment"),
    ]:
        html = client.get(path).content.decode()
        assert html.count('rel="canonical"') == 1, path
        assert html.count('<meta name="description"') == 1, path
        assert f'<link rel="canonical" href="{SITE}{path}">' in html, path


def test_an_error_page_is_not_indexed(client: Client) -> None:
    response = client.get("/questions/999999999/")
    assert response.status_code == 404
    assert '<meta name="robots" content="noindex">' in response.content.decode()
    assert 'rel="canonical"' not in response.content.decode()
