"""questions/: the list, its filters and orderings, the detail, asking, editing and hiding."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import User
from consult.models import Question, RelatedLink
from tests.factories import (
    article,
    make_answer,
    make_category,
    make_helpful_mark,
    make_question,
    make_user,
)

pytestmark = pytest.mark.django_db

LIST = "api:question-list"


def titles(response: Any) -> list[str]:
    assert response.status_code == 200, response.content.decode()
    return [row["title"] for row in response.json()["results"]]


def every_page(client: APIClient, url: str, params: dict[str, Any]) -> list[int]:
    """Follow the next links to the end; the ids in the order served."""
    response = client.get(url, params)
    ids: list[int] = []
    while True:
        assert response.status_code == 200, response.content.decode()
        ids += [row["id"] for row in response.json()["results"]]
        if not response.json()["next"]:
            return ids
        response = client.get(response.json()["next"])


def test_the_list_shows_visible_questions_newest_first(api: APIClient) -> None:
    make_question(title="第一个？")
    make_question(title="第二个？")
    make_question(title="被隐藏的？", is_hidden=True)
    assert titles(api.get(reverse(LIST))) == ["第二个？", "第一个？"]


def test_staff_see_hidden_questions_marked(client_for: Callable, staff: User) -> None:
    make_question(title="被隐藏的？", is_hidden=True)
    rows = client_for(staff).get(reverse(LIST)).json()["results"]
    assert [(r["title"], r["is_hidden"]) for r in rows] == [("被隐藏的？", True)]


def test_an_anonymous_asker_is_never_named_or_identified(api: APIClient, alice: User) -> None:
    question = make_question(author=alice, is_anonymous=True)
    make_answer(question=question)
    for url in (reverse(LIST), reverse("api:question-detail", args=[question.pk])):
        body = api.get(url).content.decode()
        assert "匿名用户" in body
        assert "alice" not in body
        assert "author" not in body


def test_no_email_is_ever_sent(api: APIClient, alice: User) -> None:
    question = make_question(author=alice)
    make_answer(question=question)
    for url in (reverse(LIST), reverse("api:question-detail", args=[question.pk])):
        assert "@example.com" not in api.get(url).content.decode()


def test_filter_by_category(api: APIClient) -> None:
    make_question(title="刑事问题？", category=make_category("刑事", slug="criminal"))
    make_question(title="婚姻问题？", category=make_category("婚姻家庭", slug="family"))
    assert titles(api.get(reverse(LIST), {"category": "family"})) == ["婚姻问题？"]


def test_filter_answered_and_unanswered(api: APIClient) -> None:
    make_answer(question=make_question(title="有回答？"))
    make_question(title="没回答？")
    make_answer(question=make_question(title="回答被隐藏？"), is_hidden=True)
    assert titles(api.get(reverse(LIST), {"answered": "true"})) == ["有回答？"]
    assert titles(api.get(reverse(LIST), {"answered": "false"})) == ["回答被隐藏？", "没回答？"]


def test_filter_has_accepted_answer(api: APIClient) -> None:
    make_answer(question=make_question(title="已采纳？"), is_accepted=True)
    make_answer(question=make_question(title="未采纳？"))
    assert titles(api.get(reverse(LIST), {"has_accepted": "true"})) == ["已采纳？"]
    assert titles(api.get(reverse(LIST), {"has_accepted": "false"})) == ["未采纳？"]


def test_filter_by_cited_article_counts_visible_answers_citations(api: APIClient) -> None:
    cited = article("criminal-law", 253, 1)
    make_question(title="问题自己引用？", cites=[cited])
    make_answer(question=make_question(title="回答引用？"), cites=[cited])
    make_answer(question=make_question(title="隐藏的回答引用？"), cites=[cited], is_hidden=True)
    make_question(title="没有引用？")
    response = api.get(reverse(LIST), {"cites": cited.pk})
    assert titles(response) == ["回答引用？", "问题自己引用？"]
    # The answer count isn't multiplied by the citation join.
    assert [row["answer_count"] for row in response.json()["results"]] == [1, 0]


def test_filter_by_creation_dates_inclusive(api: APIClient) -> None:
    for day, title in ((1, "一号？"), (2, "二号？"), (3, "三号？")):
        question = make_question(title=title)
        created = timezone.make_aware(datetime.datetime(2024, 5, day, 23, 30))
        Question.objects.filter(pk=question.pk).update(created_at=created)
    params = {"created_after": "2024-05-02", "created_before": "2024-05-03"}
    assert titles(api.get(reverse(LIST), params)) == ["三号？", "二号？"]
    assert titles(api.get(reverse(LIST), {"created_before": "2024-05-01"})) == ["一号？"]


def test_text_search_reads_title_and_body_title_first(api: APIClient) -> None:
    make_question(title="公司泄露了我的手机号？")
    make_question(title="别的问题？", body="快递单上的手机号被人拿去卖了。")
    make_question(title="无关的问题？")
    assert titles(api.get(reverse(LIST), {"q": "手机号"})) == [
        "公司泄露了我的手机号？",
        "别的问题？",
    ]


def test_most_helpful_first_counts_marks_on_visible_answers(api: APIClient) -> None:
    popular = make_answer(question=make_question(title="三个有帮助？"))
    hidden = make_answer(question=make_question(title="隐藏回答的有帮助？"), is_hidden=True)
    make_question(title="没有回答？")
    for _ in range(3):
        make_helpful_mark(popular, make_user())
    for _ in range(5):
        make_helpful_mark(hidden, make_user())
    response = api.get(reverse(LIST), {"ordering": "helpful"})
    assert titles(response)[0] == "三个有帮助？"
    assert response.json()["results"][0]["helpful_count"] == 3
    assert titles(response)[1:] == ["没有回答？", "隐藏回答的有帮助？"]  # ties: newest first


@pytest.mark.parametrize("ordering", ["newest", "helpful"])
def test_the_cursor_walks_every_question_once_in_order(api: APIClient, ordering: str) -> None:
    questions = [make_question() for _ in range(13)]
    # Ties on purpose: most questions have no helpful marks, some share a count.
    for n, question in enumerate(questions[:6]):
        answer = make_answer(question=question)
        for _ in range(n % 3):
            make_helpful_mark(answer, make_user())
    whole = every_page(api, reverse(LIST), {"ordering": ordering, "page_size": 100})
    paged = every_page(api, reverse(LIST), {"ordering": ordering, "page_size": 4})
    assert paged == whole
    assert sorted(paged) == sorted(q.pk for q in questions)


def test_the_previous_link_returns_the_page_before(api: APIClient) -> None:
    for _ in range(7):
        make_question()
    first = api.get(reverse(LIST), {"page_size": 3}).json()
    assert first["previous"] is None
    second = api.get(first["next"]).json()
    back = api.get(second["previous"]).json()
    assert [r["id"] for r in back["results"]] == [r["id"] for r in first["results"]]
    third = api.get(second["next"]).json()
    assert len(third["results"]) == 1
    assert third["next"] is None


def test_a_cursor_from_another_ordering_is_refused(api: APIClient) -> None:
    for _ in range(3):
        make_question()
    newest = api.get(reverse(LIST), {"page_size": 1}).json()
    cursor = newest["next"].split("cursor=")[1].split("&")[0]
    response = api.get(reverse(LIST), {"ordering": "helpful", "cursor": cursor})
    assert response.status_code == 400
    assert "cursor" in response.json()


def test_the_detail_has_answers_citations_and_related_questions(api: APIClient) -> None:
    category = make_category("刑事", slug="criminal")
    cited = article("criminal-law", 253, 1)
    question = make_question(category=category, cites=[cited])
    first = make_answer(question=question)
    accepted = make_answer(question=question, is_accepted=True, cites=[cited])
    make_answer(question=question, is_hidden=True, body="隐藏的回答。")
    curated = make_question(title="人工关联的问题？")
    RelatedLink.objects.create(from_question=question, to_question=curated)
    make_question(title="同类问题？", category=category)
    data = api.get(reverse("api:question-detail", args=[question.pk])).json()
    assert [a["id"] for a in data["answers"]] == [accepted.pk, first.pk]
    assert data["answers"][0]["cited_articles"][0]["label"] == "第二百五十三条之一"
    assert data["cited_articles"][0]["html_url"].endswith("/statutes/criminal-law/253-1/")
    assert [r["title"] for r in data["related"]] == ["人工关联的问题？", "同类问题？"]
    assert "隐藏的回答" not in str(data)


def test_asking_creates_the_question_with_its_citations(client_for: Callable, bob: User) -> None:
    make_category("刑事", slug="criminal")
    cited = article("criminal-law", 253, 1)
    response = client_for(bob).post(
        reverse(LIST),
        {
            "title": "  网店卖家泄露了我的地址？ ",
            "body": "收到了陌生人的包裹和骚扰电话。",
            "category": "criminal",
            "is_anonymous": True,
            "cited_articles": [cited.pk],
        },
        format="json",
    )
    assert response.status_code == 201, response.content.decode()
    question = Question.objects.get(pk=response.json()["id"])
    assert question.author == bob
    assert question.title == "网店卖家泄露了我的地址？"
    assert question.is_anonymous
    assert list(question.cited_articles.all()) == [cited]
    assert response.json()["asker_name"] == "匿名用户"


def test_patch_changes_only_what_is_sent(client_for: Callable, alice: User) -> None:
    question = make_question(author=alice, title="原来的标题？", is_anonymous=True)
    response = client_for(alice).patch(
        reverse("api:question-detail", args=[question.pk]),
        {"title": "新的问题标题？"},
        format="json",
    )
    assert response.status_code == 200, response.content.decode()
    question.refresh_from_db()
    assert (question.title, question.is_anonymous) == ("新的问题标题？", True)


def test_hiding_takes_the_question_away_and_records_who(
    client_for: Callable, staff: User, api: APIClient
) -> None:
    question = make_question(title="广告帖？")
    response = client_for(staff).post(
        reverse("api:question-hide", args=[question.pk]), {"reason": "广告"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["is_hidden"] is True
    question.refresh_from_db()
    assert question.hidden_reason == "广告"
    assert question.history.first().history_user == staff
    assert api.get(reverse("api:question-detail", args=[question.pk])).status_code == 404
    assert titles(api.get(reverse(LIST))) == []
    client_for(staff).post(reverse("api:question-unhide", args=[question.pk]))
    assert titles(api.get(reverse(LIST))) == ["广告帖？"]


def test_staff_without_the_change_permission_cannot_hide(client_for: Callable, frank) -> None:
    question = make_question()
    response = client_for(frank).post(reverse("api:question-hide", args=[question.pk]))
    assert response.status_code == 403
    assert Question.objects.visible().filter(pk=question.pk).exists()
