"""Atom feeds of the newest questions (overall and per category) and of a lawyer's answers:
on SITE_URL, linked from the pages, without hidden content and without any asker's name."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from consult.models import LawyerProfile
from tests.factories import make_answer, make_category, make_lawyer, make_question, make_user
from tests.seo.conftest import ATOM, SITE, found, text, xml

pytestmark = pytest.mark.django_db


def entries(response) -> list[dict[str, str]]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return [
        {
            "title": text(entry, f"{ATOM}title"),
            "link": found(entry, f"{ATOM}link").attrib["href"],
            "summary": text(entry, f"{ATOM}summary"),
        }
        for entry in xml(response).iter(f"{ATOM}entry")
    ]


def test_the_newest_questions_feed_lists_visible_questions_newest_first(client: Client) -> None:
    older, newer = (
        make_question(title="试用期被辞退怎么办？"),
        make_question(title="加班费怎么算？"),
    )
    make_question(title="被隐藏的问题", is_hidden=True, hidden_reason="广告")
    items = entries(client.get(reverse("consult:feed-questions")))
    assert [item["title"] for item in items] == ["加班费怎么算？", "试用期被辞退怎么办？"]
    assert items[0]["link"] == SITE + newer.get_absolute_url()
    assert items[1]["summary"] == older.body


def test_the_feed_links_itself_and_the_site_on_the_site_url(client: Client) -> None:
    make_question()
    feed = xml(client.get(reverse("consult:feed-questions")))
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links == {"alternate": f"{SITE}/", "self": f"{SITE}/feeds/questions/"}
    assert b"testserver" not in client.get(reverse("consult:feed-questions")).content


def test_feeds_never_name_an_asker(client: Client) -> None:
    named = make_user("wangfang", first_name="芳", last_name="王")
    hiding = make_user("secret-asker")
    make_question(author=named, body="公司拖欠工资三个月，我该怎么办？")
    question = make_question(author=hiding, is_anonymous=True, body="同事泄露了我的身份证号码。")
    make_answer(question=question)
    for url in [
        reverse("consult:feed-questions"),
        reverse("consult:feed-category", args=[question.category.slug]),
        reverse("consult:feed-lawyer", args=[question.answers.get().lawyer_id]),
    ]:
        body = client.get(url).content.decode()
        for name in ["wangfang", "王芳", "secret-asker", "匿名用户"]:
            assert name not in body, (url, name)


def test_a_category_feed_lists_only_that_categorys_questions(client: Client) -> None:
    labor, family = (
        make_category("劳动纠纷", slug="labor"),
        make_category("婚姻家庭", slug="family"),
    )
    make_question(category=labor, title="加班费怎么算？")
    make_question(category=family, title="离婚后孩子归谁？")
    response = client.get(reverse("consult:feed-category", args=["labor"]))
    assert [item["title"] for item in entries(response)] == ["加班费怎么算？"]
    assert text(xml(response), f"{ATOM}title") == "法律咨询网 · 劳动纠纷最新问题"
    assert client.get(reverse("consult:feed-category", args=["nothing"])).status_code == 404


def test_a_lawyers_feed_lists_their_visible_answers_under_their_name(client: Client) -> None:
    lawyer = make_lawyer(real_name="张凯")
    shown = make_answer(lawyer=lawyer, question=make_question(title="加班费怎么算？"))
    make_answer(lawyer=lawyer, is_hidden=True, hidden_reason="违规")
    make_answer(lawyer=lawyer, question=make_question(is_hidden=True, hidden_reason="广告"))
    make_answer(question=make_question(title="别人的回答"))
    response = client.get(reverse("consult:feed-lawyer", args=[lawyer.pk]))
    items = entries(response)
    assert [item["title"] for item in items] == ["回答：加班费怎么算？"]
    assert items[0]["link"] == SITE + shown.get_absolute_url()
    assert text(xml(response), f"{ATOM}author/{ATOM}name") == "张凯"


@pytest.mark.parametrize(
    "status",
    [LawyerProfile.Status.PENDING, LawyerProfile.Status.REJECTED, LawyerProfile.Status.REVOKED],
)
def test_only_a_verified_lawyer_has_a_feed(client: Client, status: str) -> None:
    lawyer = make_lawyer(status=status)
    assert client.get(reverse("consult:feed-lawyer", args=[lawyer.pk])).status_code == 404


def test_a_lawyer_id_beyond_64_bits_is_a_404(client: Client) -> None:
    assert client.get(f"/lawyers/{10**30}/feed/").status_code == 404


def test_a_hostile_title_is_text_in_the_feed(client: Client) -> None:
    title = "</title><script>alert(1)</script>&amp;"
    make_question(title=title, body="<b>粗体</b> & 更多")
    response = client.get(reverse("consult:feed-questions"))
    assert b"<script>" not in response.content
    [item] = entries(response)
    assert item["title"] == title
    # type="html": the summary is HTML that shows the text as typed
    assert item["summary"] == "&lt;b&gt;粗体&lt;/b&gt; &amp; 更多"


def test_pages_link_their_feeds(client: Client) -> None:
    lawyer = make_lawyer()
    question = make_question()
    make_answer(question=question, lawyer=lawyer)
    site_feed = f'<link rel="alternate" type="application/atom+xml" title="法律咨询网 · 最新问题" href="{reverse("consult:feed-questions")}">'
    assert site_feed in client.get("/").content.decode()
    category_page = client.get(question.category.get_absolute_url()).content.decode()
    assert site_feed in category_page
    assert (
        f'href="{reverse("consult:feed-category", args=[question.category.slug])}"' in category_page
    )
    lawyer_page = client.get(lawyer.get_absolute_url()).content.decode()
    assert f'href="{reverse("consult:feed-lawyer", args=[lawyer.pk])}"' in lawyer_page


@pytest.mark.parametrize(
    ("feed", "queries"),
    [
        ("questions", 1),  # the newest questions with their category
        ("category", 2),  # the category, then its newest questions
        ("lawyer", 2),  # the verified lawyer, then their answers with the questions' titles
    ],
)
def test_a_feed_costs_a_fixed_number_of_queries(
    client: Client, django_assert_num_queries, feed: str, queries: int
) -> None:
    category, lawyer = make_category(), make_lawyer()
    for _ in range(40):
        make_answer(question=make_question(category=category), lawyer=lawyer)
    url = {
        "questions": reverse("consult:feed-questions"),
        "category": reverse("consult:feed-category", args=[category.slug]),
        "lawyer": reverse("consult:feed-lawyer", args=[lawyer.pk]),
    }[feed]
    with django_assert_num_queries(queries):
        assert len(entries(client.get(url))) == 30
