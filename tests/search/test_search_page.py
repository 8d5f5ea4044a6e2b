"""The search page: ranked, highlighted, filterable, and never a 500 whatever is typed."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from consult.models import Question
from search import fulltext, results
from tests.factories import make_answer, make_category, make_question

pytestmark = pytest.mark.django_db

URL = reverse("consult:search")


def get(client: Client, **params: str) -> str:
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.content.decode()


def result_titles(page: str) -> list[str]:
    rows = re.findall(r'class="question-title"[^>]*>(.*?)</a>', page, re.S)
    return [re.sub(r"</?mark>", "", row) for row in rows]


def test_a_whole_sentence_finds_the_question_that_answers_it(client: Client) -> None:
    make_question(title="同事私下卖客户资料，卖多少条构成犯罪？", body="他导出客户电话卖给别人。")
    make_question(title="公司拖欠工资怎么办？", body="老板说下个月再发。")
    page = get(client, q="同事倒卖客户电话要判刑吗")
    assert result_titles(page) == ["同事私下卖客户资料，卖多少条构成犯罪？"]


def test_title_matches_come_before_body_matches(client: Client) -> None:
    make_question(title="别的事情？", body="我的宅基地想给儿子。")
    make_question(title="宅基地能过户吗？")
    assert result_titles(get(client, q="宅基地")) == ["宅基地能过户吗？", "别的事情？"]


def test_matched_words_are_marked_and_the_user_text_escaped(client: Client) -> None:
    make_question(title="<b>押金</b>不退怎么办？", body="<script>alert(1)</script>房东不退押金。")
    page = get(client, q="押金")
    assert "<mark>押金</mark>" in page
    assert "<script>alert(1)</script>" not in page and "<b>" not in page
    assert "&lt;/script&gt;" in page


def test_hidden_questions_are_never_found(client: Client) -> None:
    make_question(title="宅基地隐藏问题？", is_hidden=True)
    assert "没有找到" in get(client, q="宅基地")


def test_an_everyday_word_finds_the_legal_one(client: Client) -> None:
    make_question(title="被列为失信被执行人后还能坐高铁吗？")
    assert result_titles(get(client, q="老赖能坐高铁吗")) == ["被列为失信被执行人后还能坐高铁吗？"]


def test_a_typo_still_finds_the_question(client: Client) -> None:
    make_question(title="退租时房东扣押金合理吗？")
    assert result_titles(get(client, q="房东扣压金")) == ["退租时房东扣押金合理吗？"]


def test_filters_by_category_answered_and_accepted(client: Client) -> None:
    labor = make_category(slug="labor")
    unanswered = make_question(title="工资拖欠一：没人回答？", category=labor)
    answered = make_question(title="工资拖欠二：有人回答？", category=labor)
    make_answer(question=answered)
    accepted = make_question(title="工资拖欠三：已采纳？", category=labor)
    make_answer(question=accepted, is_accepted=True)
    make_question(title="工资拖欠四：别的分类？")
    assert len(result_titles(get(client, q="工资拖欠", category="labor"))) == 3
    assert result_titles(get(client, q="工资拖欠", category="labor", answered="false")) == [
        unanswered.title
    ]
    assert result_titles(get(client, q="工资拖欠", has_accepted="true")) == [accepted.title]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": ""}, "请输入要搜索的内容"),
        ({"q": "   "}, "请输入要搜索的内容"),
        ({"q": "字" * 10_000}, "搜索内容最多 200 个字"),
        ({"q": "😀😀"}, "请写出具体遇到的事情"),
        ({"q": "& | ! : * ( ) '"}, "请写出具体遇到的事情"),
        ({"q": "押金\x00"}, "无法识别的字符"),
        ({"q": "押金", "tab": "lawyers"}, "搜索范围只能是"),
        ({"q": "押金", "category": "no-such"}, "没有这个分类"),
        ({"q": "押金", "answered": "maybe"}, "maybe"),
        ({"q": "没有这种词汇啊"}, "没有找到"),
    ],
)
def test_bad_input_gets_a_chinese_message_not_an_error(
    client: Client, params: dict, message: str
) -> None:
    make_question(title="押金问题？")
    assert message in get(client, **params)


@pytest.mark.parametrize("page", ["0", "-1", "abc", "99999", "1e3", "２"])
def test_a_bad_page_number_shows_the_first_page(client: Client, page: str) -> None:
    make_question(title="押金问题？")
    assert result_titles(get(client, q="押金", page=page)) == ["押金问题？"]


def test_counts_stop_at_the_cap_and_pages_follow(client: Client, monkeypatch) -> None:
    monkeypatch.setattr(results, "COUNT_CAP", 4)
    for n in range(6):
        make_question(title=f"押金问题{n}？")
    monkeypatch.setattr("consult.views.PAGE_SIZE", 2)
    first = get(client, q="押金")
    assert "找到 4+ 个相关问题" in first and 'rel="next"' in first
    second = get(client, q="押金", page="2")
    assert 'rel="prev"' in second and 'rel="next"' not in second
    assert not set(result_titles(first)) & set(result_titles(second))


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="only PostgreSQL ranks a window of broad queries"
)
def test_a_broad_query_ranks_a_window_and_says_there_are_more(client: Client, monkeypatch) -> None:
    monkeypatch.setattr(fulltext, "RANK_ALL", 2)
    monkeypatch.setattr(fulltext, "WINDOW_FROM_DOCUMENTS", 0)
    monkeypatch.setattr(fulltext, "WINDOW", 1)
    for n in range(5):
        make_question(title=f"押金问题{n}？", body=f"押金第{n}次。")
    make_question(title="押金和违约金能一起要吗？")
    page = get(client, q="押金 违约金")
    # The window holds every match of the query's most telling (rarest) idea.
    assert result_titles(page)[0] == "押金和违约金能一起要吗？"
    assert re.search(r"找到 \d+\+ 个相关问题", page)


def test_an_article_number_opens_the_article(client: Client) -> None:
    for text in ("253-1", "刑法第二百五十三条之一", "《刑法》 253条之一"):
        response = client.get(URL, {"q": text})
        assert response.status_code == 302
        assert response["Location"] == "/statutes/criminal-law/253-1/"


def test_a_number_many_laws_have_lists_their_articles(client: Client) -> None:
    page = get(client, q="第五条")
    assert len(set(re.findall(r'href="(/statutes/[^"]+/5/)"', page))) > 5


def test_the_statutes_tab_ranks_articles(client: Client) -> None:
    page = get(client, q="出售个人信息", tab="statutes")
    assert page.index("第二百五十三条之一") < page.index("第四十六条")


def test_question_results_show_the_best_articles_beside_them(client: Client) -> None:
    make_question(title="卖个人信息犯法吗？")
    assert "相关法条" in get(client, q="出售个人信息")


def test_the_page_without_a_query_offers_examples(client: Client) -> None:
    assert "退租押金不退" in get(client)


def test_result_pages_never_count_the_whole_table(
    client: Client, django_assert_max_num_queries
) -> None:
    for n in range(3):
        make_question(title=f"押金问题{n}？")
    # Cold cache: the synonym table; for questions and for articles each the number of
    # documents, the words' frequencies and the results; the capped count of questions.
    with django_assert_max_num_queries(9) as queries:
        get(client, q="押金")
    counts = [
        q["sql"] for q in queries.captured_queries if q["sql"].upper().startswith("SELECT COUNT(")
    ]
    assert counts and all("LIMIT 1001" in sql.upper() for sql in counts), counts


def test_a_repeated_search_reads_only_results(client: Client, django_assert_num_queries) -> None:
    make_question(title="押金问题？")
    get(client, q="押金")
    # questions, their capped count, the categories of the filter, articles
    with django_assert_num_queries(4):
        get(client, q="押金")


def test_only_visible_rows_are_searched_even_by_staff(admin_client: Client) -> None:
    make_question(title="押金隐藏？", is_hidden=True)
    assert Question.objects.filter(is_hidden=True).exists()
    assert "押金隐藏" not in get(admin_client, q="押金")
