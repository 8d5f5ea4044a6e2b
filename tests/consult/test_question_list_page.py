"""/questions/: every visible question, filtered and sorted as the API does, paged by cursor,
each answered one with the start of its best answer."""

from __future__ import annotations

import base64
import datetime
import json

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from consult.models import Question
from consult.services import answers as answer_services
from consult.services.moderation import set_hidden
from tests.factories import (
    make_answer,
    make_category,
    make_helpful_mark,
    make_lawyer,
    make_question,
    make_user,
)

pytestmark = pytest.mark.django_db

URL = reverse("consult:question-list")


def titles(response) -> list[str]:
    return [question.title for question in response.context["page"].object_list]


def test_it_lists_visible_questions_newest_first(client: Client) -> None:
    older = make_question(title="较早的问题？")
    newer = make_question(title="较新的问题？")
    hidden = make_question(title="被隐藏的问题？", is_hidden=True)
    response = client.get(URL)
    assert response.status_code == 200
    assert titles(response) == [newer.title, older.title]
    assert hidden.title not in response.content.decode()


def test_the_home_page_links_to_it(client: Client) -> None:
    make_question()
    assert f'href="{URL}"' in client.get(reverse("consult:home")).content.decode()


def test_it_filters_by_category_and_answers(client: Client) -> None:
    labor = make_category("劳动纠纷", slug="labor")
    answered = make_question(category=labor, title="已回答的劳动问题？")
    make_answer(question=answered)
    accepted = make_question(category=labor, title="已采纳的劳动问题？")
    make_answer(question=accepted, is_accepted=True)
    open_one = make_question(category=labor, title="待回答的劳动问题？")
    make_question(title="别的分类的问题？")
    assert set(titles(client.get(URL, {"category": "labor"}))) == {
        answered.title,
        accepted.title,
        open_one.title,
    }
    assert titles(client.get(URL, {"category": "labor", "answered": "false"})) == [open_one.title]
    assert titles(client.get(URL, {"has_accepted": "true"})) == [accepted.title]
    assert titles(client.get(URL, {"category": "labor", "has_accepted": "false"})) == [
        open_one.title,
        answered.title,
    ]


def test_it_sorts_by_the_stored_helpful_count(client: Client) -> None:
    plain = make_question(title="没人点有帮助？")
    liked = make_question(title="很多人觉得有帮助？")
    answer = make_answer(question=liked)
    make_helpful_mark(answer)
    make_helpful_mark(answer)
    newest = make_question(title="最新的问题？")
    assert titles(client.get(URL, {"ordering": "helpful"})) == [
        liked.title,
        newest.title,
        plain.title,
    ]


@pytest.mark.parametrize(
    "params",
    [
        {"category": "no-such-category"},
        {"answered": "maybe"},
        {"has_accepted": "1"},
        {"ordering": "oldest"},
        {"category": "\x00"},
    ],
)
def test_a_filter_it_cannot_read_is_a_400_in_chinese(client: Client, params: dict) -> None:
    make_question()
    response = client.get(URL, params)
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


def _pages(client: Client, params: dict) -> list[list[str]]:
    pages, cursor = [], None
    while True:
        response = client.get(URL, {**params, **({"cursor": cursor} if cursor else {})})
        assert response.status_code == 200
        pages.append(titles(response))
        cursor = response.context["page"].next_cursor
        if cursor is None:
            return pages


@pytest.mark.parametrize("ordering", ["newest", "helpful"])
def test_cursor_pages_cover_every_question_once(client: Client, ordering: str) -> None:
    questions = [make_question(title=f"第{n}个问题？") for n in range(45)]
    for question in questions[::7]:
        make_helpful_mark(make_answer(question=question))
    pages = _pages(client, {"ordering": ordering})
    assert [len(page) for page in pages] == [20, 20, 5]
    assert sorted(t for page in pages for t in page) == sorted(q.title for q in questions)


def test_a_question_asked_meanwhile_does_not_shift_the_next_page(client: Client) -> None:
    questions = [make_question(title=f"第{n}个问题？") for n in range(25)]
    first = client.get(URL)
    make_question(title="翻页时新提的问题？")
    second = client.get(URL, {"cursor": first.context["page"].next_cursor})
    assert titles(second) == [q.title for q in reversed(questions[:5])]


def test_the_previous_link_goes_back_to_the_same_rows(client: Client) -> None:
    for n in range(25):
        make_question(title=f"第{n}个问题？")
    first = client.get(URL)
    second = client.get(URL, {"cursor": first.context["page"].next_cursor})
    back = client.get(URL, {"cursor": second.context["page"].previous_cursor})
    assert titles(back) == titles(first)


def _cursor(payload: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode()


@pytest.mark.parametrize(
    "cursor",
    [
        "garbage",
        "%%%",
        "é",
        _cursor([1, 2]),
        _cursor({"o": ["-created_at", "-pk"], "k": ["not a date", 1], "r": False}),
        _cursor({"o": ["-created_at", "-pk"], "k": ["2026-01-01T00:00:00+00:00", "x"], "r": False}),
        _cursor({"o": ["-helpful_count", "-pk"], "k": [1, 1], "r": False}),
        _cursor({"o": ["-created_at", "-pk"], "k": [1e400, 1], "r": False}),
        _cursor({"o": ["-created_at", "-pk"], "k": ["\x00", 1], "r": False}),
    ],
)
def test_a_bad_cursor_shows_the_first_page_with_a_chinese_notice(
    client: Client, cursor: str
) -> None:
    question = make_question()
    response = client.get(URL, {"cursor": cursor})
    assert response.status_code == 400
    content = response.content.decode()
    assert "分页链接无效" in content
    assert question.title in content


def test_a_cursor_beyond_any_id_is_read_as_a_key_not_a_500(client: Client) -> None:
    question = make_question()
    key = [(timezone.now() + datetime.timedelta(days=1)).isoformat(), 2**70]
    response = client.get(
        URL, {"cursor": _cursor({"o": ["-created_at", "-pk"], "k": key, "r": False})}
    )
    assert response.status_code == 200
    assert titles(response) == [question.title]


def test_answered_rows_show_the_start_of_the_accepted_answer(client: Client) -> None:
    question = make_question()
    helpful = make_answer(question=question, body="最有帮助的回答：先申请劳动仲裁。" * 5)
    make_helpful_mark(helpful)
    accepted = make_answer(question=question, body="被采纳的回答：与公司协商解除合同。")
    asker = question.author
    answer_services.answer_accept(answer=accepted, by=asker)
    content = client.get(URL).content.decode()
    assert "律师解答：" in content
    assert "被采纳的回答" in content
    assert "最有帮助的回答" not in content


def test_without_an_accepted_answer_the_most_helpful_visible_one_is_shown(
    client: Client,
) -> None:
    question = make_question()
    make_answer(question=question, body="较早但无人点赞的回答。")
    liked = make_answer(question=question, body="大家觉得有帮助的回答。")
    make_helpful_mark(liked)
    assert "大家觉得有帮助的回答" in client.get(URL).content.decode()
    set_hidden([liked], hidden=True, by=make_user(is_staff=True))
    content = client.get(URL).content.decode()
    assert "大家觉得有帮助的回答" not in content
    assert "较早但无人点赞的回答" in content


def test_unanswered_rows_show_no_answer_excerpt(client: Client) -> None:
    make_question()
    assert "律师解答" not in client.get(URL).content.decode()


def test_editing_the_best_answer_changes_the_cached_list(client: Client) -> None:
    question = make_question()
    lawyer = make_lawyer()
    answer = make_answer(question=question, lawyer=lawyer, body="原来的回答内容。")
    assert "原来的回答内容" in client.get(URL).content.decode()
    answer_services.answer_update(
        answer=answer,
        by=lawyer.user,
        body="修改后的回答内容：依照法律规定，应当先协商，协商不成再起诉。",
    )
    for url in (URL, reverse("consult:home"), question.category.get_absolute_url()):
        assert "修改后的回答内容" in client.get(url).content.decode()


def test_accepting_an_answer_changes_the_cached_list(client: Client) -> None:
    question = make_question()
    make_answer(question=question, body="第一条回答。")
    second = make_answer(question=question, body="第二条回答。")
    assert "第一条回答" in client.get(URL).content.decode()
    answer_services.answer_accept(answer=second, by=question.author)
    assert "第二条回答" in client.get(URL).content.decode()


def test_a_helpful_mark_reorders_the_cached_helpful_list(client: Client) -> None:
    first = make_question(title="第一个问题？")
    second = make_question(title="第二个问题？")
    answer = make_answer(question=first)
    assert titles(client.get(URL, {"ordering": "helpful"}))[0] == second.title
    answer_services.helpful_mark(answer=answer, by=make_user())
    assert titles(client.get(URL, {"ordering": "helpful"}))[0] == first.title


def test_hiding_a_question_removes_it_from_the_cached_list(client: Client) -> None:
    question = make_question(title="即将被隐藏的问题？")
    assert question.title in client.get(URL).content.decode()
    set_hidden([question], hidden=True, by=make_user(is_staff=True))
    assert question.title not in client.get(URL).content.decode()


def test_questions_with_the_same_time_page_by_id(client: Client) -> None:
    moment = timezone.now() - datetime.timedelta(days=1)
    questions = [make_question(title=f"同一时刻{n}？") for n in range(22)]
    Question.objects.update(created_at=moment)
    pages = _pages(client, {})
    assert sorted(t for page in pages for t in page) == sorted(q.title for q in questions)


def test_visitors_see_the_helpful_count_but_no_button(client: Client) -> None:
    answer = make_answer()
    make_helpful_mark(answer)
    content = client.get(answer.question.get_absolute_url()).content.decode()
    assert "1 人觉得有帮助" in content
    assert reverse("consult:answer-helpful", args=[answer.pk]) not in content
    client.force_login(make_user())
    content = client.get(answer.question.get_absolute_url()).content.decode()
    assert reverse("consult:answer-helpful", args=[answer.pk]) in content


def test_search_results_and_category_pages_show_the_best_answer_too(client: Client) -> None:
    question = make_question(
        title="公司拖欠工资怎么办？", body="公司已经拖欠三个月工资，老板一直推脱。"
    )
    make_answer(question=question, body="可以向劳动监察大队投诉，或申请劳动仲裁。")
    for url, params in (
        (reverse("consult:search"), {"q": "拖欠工资"}),
        (question.category.get_absolute_url(), {}),
        (reverse("consult:home"), {}),
    ):
        assert "律师解答：" in client.get(url, params).content.decode(), url
