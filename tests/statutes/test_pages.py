"""Statute pages: the law list, a law with its versions, an article at its permanent URL."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import article, make_answer, make_question

pytestmark = pytest.mark.django_db


def test_the_law_list_shows_every_law(client: Client) -> None:
    page = client.get(reverse("statutes:law-list")).content.decode()
    assert "中华人民共和国刑法" in page
    assert "关于办理侵犯公民个人信息刑事案件适用法律若干问题的解释" in page


def test_an_article_has_a_permanent_readable_url() -> None:
    assert article("criminal-law", 253, 1).get_absolute_url() == "/statutes/criminal-law/253-1/"


def test_the_article_page_shows_every_paragraph_with_an_anchor(client: Client) -> None:
    response = client.get("/statutes/criminal-law/253-1/")
    page = response.content.decode()
    assert response.status_code == 200
    for n in range(1, 5):
        assert f'id="p{n}"' in page
    assert "窃取或者以其他方法非法获取公民个人信息的" in page
    assert "第四章 侵犯公民人身权利、民主权利罪" in page


def test_items_get_their_own_anchor(client: Client) -> None:
    page = client.get("/statutes/pi-crime-interpretation-2017/5/").content.decode()
    assert 'id="p1-i3"' in page
    assert 'id="p2-i4"' in page


def test_the_law_page_shows_title_number_body_dates_and_status(client: Client) -> None:
    page = client.get("/statutes/pi-crime-interpretation-2017/").content.decode()
    for expected in (
        "法释〔2017〕10号",
        "最高人民法院、最高人民检察院",
        "2017年5月8日",
        "2017年6月1日",
        "有效",
    ):
        assert expected in page


def test_the_current_version_links_to_the_older_one(client: Client) -> None:
    page = client.get("/statutes/cybersecurity-law/").content.decode()
    assert "/statutes/cybersecurity-law/versions/cybersecurity-law-2016/" in page
    assert "已修改" in page


def test_an_older_version_says_so_and_links_to_the_current_one(client: Client) -> None:
    page = client.get(
        "/statutes/cybersecurity-law/versions/cybersecurity-law-2016/"
    ).content.decode()
    assert "历史版本" in page
    assert 'href="/statutes/cybersecurity-law/"' in page


def test_an_article_of_an_older_version_is_reachable(client: Client) -> None:
    response = client.get("/statutes/cybersecurity-law/versions/cybersecurity-law-2016/1/")
    assert response.status_code == 200
    assert "2016年11月7日版本" in response.content.decode()


def test_the_current_version_by_its_version_url_redirects_to_the_law(client: Client) -> None:
    response = client.get("/statutes/cybersecurity-law/versions/cybersecurity-law-2025/")
    assert response.status_code == 301
    assert response["Location"] == "/statutes/cybersecurity-law/"


@pytest.mark.parametrize(
    "url",
    [
        "/statutes/no-such-law/",
        "/statutes/criminal-law/9999/",
        "/statutes/criminal-law/0/",
        "/statutes/criminal-law/253-0/",
        "/statutes/cybersecurity-law/versions/company-law-2018/",
        "/statutes/criminal-law/abc/",
    ],
)
def test_unknown_laws_and_articles_are_a_chinese_404(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()


def test_an_article_lists_the_visible_questions_that_cite_it(client: Client) -> None:
    cited = article("criminal-law", 253, 1)
    make_question(title="直接引用的问题？", cites=[cited])
    make_answer(question=make_question(title="通过回答引用的问题？"), cites=[cited])
    make_question(title="隐藏的问题？", cites=[cited], is_hidden=True)
    page = client.get(cited.get_absolute_url()).content.decode()
    assert "直接引用的问题" in page
    assert "通过回答引用的问题" in page
    assert "隐藏的问题" not in page


def test_articles_link_to_their_neighbours(client: Client) -> None:
    page = client.get("/statutes/criminal-law/253-1/").content.decode()
    assert 'href="/statutes/criminal-law/253/"' in page
    assert 'href="/statutes/criminal-law/254/"' in page


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("/statutes/criminal-law/253-1/", True),
        ("/statutes/pi-crime-interpretation-2017/5/", True),
        ("/statutes/criminal-law/253/", False),
        ("/statutes/labor-contract-law/1/", False),
    ],
)
def test_articles_of_the_crime_point_to_the_assessment(
    client: Client, url: str, shown: bool
) -> None:
    page = client.get(url).content.decode()
    assert ("/tools/personal-information-crime/" in page.split("<main")[1]) is shown


def test_an_amended_version_is_marked_differently_from_a_repealed_one(client: Client) -> None:
    page = client.get(
        "/statutes/cybersecurity-law/versions/cybersecurity-law-2016/"
    ).content.decode()
    assert "status-amended" in page
