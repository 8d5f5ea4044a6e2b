"""Asking a question, editing it until it is answered, and bad input on the form."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from consult.models import Category, Question
from tests.factories import make_answer, make_category, make_question

pytestmark = pytest.mark.django_db


@pytest.fixture
def category():
    return make_category("婚姻家庭", slug="family")


def ask(client: Client, **overrides):
    data = {
        "title": "离婚时彩礼要退吗？",
        "body": "我们结婚一年多，现在准备离婚，对方要求退还彩礼。",
        **overrides,
    }
    return client.post(reverse("consult:question-create"), data)


def test_a_user_asks_and_sees_the_question_published(client: Client, alice, category) -> None:
    client.force_login(alice)
    response = ask(client, category=category.pk)
    question = Question.objects.get()
    assert response["Location"] == question.get_absolute_url()
    page = client.get(question.get_absolute_url()).content.decode()
    assert "离婚时彩礼要退吗" in page
    assert alice.username in page
    assert "问题已发布" in page


def test_an_anonymous_question_hides_the_asker(client: Client, alice, category) -> None:
    client.force_login(alice)
    ask(client, category=category.pk, is_anonymous="on")
    page = Client().get(Question.objects.get().get_absolute_url()).content.decode()
    assert "匿名用户" in page
    assert alice.username not in page


@pytest.mark.parametrize(
    ("overrides", "field_error"),
    [
        ({"title": ""}, "该字段是必填项"),
        ({"title": "短"}, "标题至少 5 个字"),
        ({"title": "长" * 101}, "不超过 100 字符"),
        ({"body": "太短了"}, "至少用 10 个字"),
        ({"body": "长" * 5001}, "不超过 5000 字符"),
        ({"category": ""}, "该字段是必填项"),
        ({"category": "999999"}, "选择一个有效的选项"),
        ({"category": "abc"}, "选择一个有效的选项"),
        ({"assessment_facts": "not json"}, "附带的评估数据无效"),
        ({"assessment_facts": json.dumps({"track": -1})}, "附带的评估数据无效"),
    ],
)
def test_bad_input_is_refused_with_a_chinese_error_and_nothing_saved(
    client: Client, alice, category, overrides: dict, field_error: str
) -> None:
    client.force_login(alice)
    response = ask(client, **{"category": category.pk, **overrides})
    assert response.status_code == 200
    assert field_error in response.content.decode()
    assert not Question.objects.exists()


def test_an_assessment_can_be_attached_and_is_shown_with_the_question(
    client: Client, alice, category
) -> None:
    client.force_login(alice)
    facts = {"conduct": "provide", "records": {"track": 30, "lodging": 300}}
    # Arriving from the tool with only the facts starts the form, keeping them.
    start = client.post(reverse("consult:question-create"), {"assessment_facts": json.dumps(facts)})
    assert start.status_code == 200
    assert "该字段是必填项" not in start.content.decode()
    ask(
        client,
        category=category.pk,
        assessment_facts=start.context["form"]["assessment_facts"].value(),
    )
    question = Question.objects.get()
    assert question.assessment_facts is not None
    assert question.assessment_facts["records"]["track"] == 30
    page = client.get(question.get_absolute_url()).content.decode()
    assert "提问者附上的情节评估" in page
    assert "情节严重" in page


def test_the_author_edits_before_and_after_a_lawyer_answers(
    client: Client, alice, bob, category
) -> None:
    question = make_question(author=alice, category=category)
    client.force_login(alice)
    url = reverse("consult:question-edit", args=[question.pk])
    assert client.get(url).status_code == 200
    client.post(
        url,
        {
            "title": "改过的标题是这个？",
            "body": "补充了更多的情况说明，方便律师判断。",
            "category": category.pk,
        },
    )
    question.refresh_from_db()
    assert question.title == "改过的标题是这个？"
    answer = make_answer(question=question)
    assert "修改问题" in client.get(question.get_absolute_url()).content.decode()
    client.post(
        url,
        {
            "title": "改过的标题是这个？",
            "body": "补充了情况说明，删去了我的姓名和住址。",
            "category": category.pk,
        },
    )
    question.refresh_from_db()
    assert question.body == "补充了情况说明，删去了我的姓名和住址。"
    assert question.answers.get() == answer
    client.force_login(bob)
    assert client.get(url).status_code == 403


def test_a_bad_edit_changes_nothing(client: Client, alice, category) -> None:
    question = make_question(author=alice, category=category, title="原来的标题？")
    client.force_login(alice)
    response = client.post(
        reverse("consult:question-edit", args=[question.pk]),
        {"title": "", "body": "x", "category": category.pk},
    )
    assert response.status_code == 200
    question.refresh_from_db()
    assert question.title == "原来的标题？"


def test_asking_is_rate_limited(client: Client, alice, category, settings) -> None:
    settings.RATELIMIT_ENABLE = True
    from django.core.cache import cache

    cache.clear()
    client.force_login(alice)
    statuses = [
        ask(client, category=category.pk, title=f"第{n}个问题的标题？").status_code
        for n in range(35)
    ]
    # The one write budget the API spends too (THROTTLE_WRITES, portal/limits.py).
    assert statuses.count(302) == 30
    assert statuses[-1] == 429
    cache.clear()


FACTS = {"conduct": "provide", "records": {"track": 30, "lodging": 300}}


def _from_the_tool(client: Client):
    return client.post(reverse("consult:question-create"), {"assessment_facts": json.dumps(FACTS)})


def test_arriving_from_the_tool_shows_the_assessment_and_prefills_the_form(
    client: Client, alice, category
) -> None:
    pi = Category.objects.create(name="侵犯公民个人信息", slug="pi-crime", concerns_pi_crime=True)
    client.force_login(alice)
    start = _from_the_tool(client)
    content = start.content.decode()
    assert "将附上的情节评估" in content
    assert "情节严重" in content and "按比例合计 1.2" in content
    form = start.context["form"]
    assert form["category"].value() == pi.pk
    assert "情节严重" in form["title"].value()
    assert 'name="remove_assessment"' in content


def test_without_a_category_about_the_crime_only_the_title_is_suggested(
    client: Client, alice, category
) -> None:
    client.force_login(alice)
    form = _from_the_tool(client).context["form"]
    assert form["category"].value() is None
    assert form["title"].value()


def test_the_asker_can_drop_the_assessment_before_publishing(
    client: Client, alice, category
) -> None:
    client.force_login(alice)
    response = client.post(
        reverse("consult:question-create"),
        {
            "title": "我想问一个问题？",
            "body": "这是我遇到的情况，写得足够长。",
            "category": category.pk,
            "assessment_facts": json.dumps(FACTS),
            "remove_assessment": "1",
        },
    )
    assert response.status_code == 200
    assert not Question.objects.exists()  # not published: the form again
    form = response.context["form"]
    assert not form["assessment_facts"].value()
    assert form["title"].value() == "我想问一个问题？"
    assert "将附上的情节评估" not in response.content.decode()
    ask(client, category=category.pk)
    assert Question.objects.get().assessment_facts is None


def test_a_bad_attachment_from_the_tool_shows_no_preview_and_no_500(client: Client, alice) -> None:
    client.force_login(alice)
    for bad in ("not json", json.dumps({"track": -1}), "[" * 5000):
        response = client.post(reverse("consult:question-create"), {"assessment_facts": bad})
        assert response.status_code == 200
        assert "将附上的情节评估" not in response.content.decode()


def test_the_asker_can_remove_the_assessment_later_by_editing(
    client: Client, alice, category
) -> None:
    question = make_question(author=alice, category=category, assessment_facts=FACTS)
    client.force_login(alice)
    url = reverse("consult:question-edit", args=[question.pk])
    page = client.get(url).content.decode()
    assert "已附上的情节评估" in page and 'name="remove_assessment"' in page
    data = {"title": question.title, "body": question.body, "category": category.pk}
    client.post(url, data)
    question.refresh_from_db()
    assert question.assessment_facts == FACTS  # kept unless asked
    client.post(url, {**data, "remove_assessment": "on"})
    question.refresh_from_db()
    assert question.assessment_facts is None
    assert "提问者附上的情节评估" not in client.get(question.get_absolute_url()).content.decode()


def test_the_edit_form_offers_no_removal_without_an_assessment(
    client: Client, alice, category
) -> None:
    question = make_question(author=alice, category=category)
    client.force_login(alice)
    page = client.get(reverse("consult:question-edit", args=[question.pk])).content.decode()
    assert 'name="remove_assessment"' not in page
