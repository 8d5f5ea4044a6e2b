"""找律师, the lawyer's profile and "向TA提问"."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from consult.models import LawyerProfile, Notification, Question
from tests.factories import make_answer, make_category, make_lawyer, make_question, make_user

pytestmark = pytest.mark.django_db
Status = LawyerProfile.Status
DIRECTORY = reverse("consult:lawyer-list")
ASK = reverse("consult:question-create")


@pytest.fixture
def labor():
    return make_category("劳动纠纷", slug="labor")


def _helped(lawyer: LawyerProfile, people: int) -> None:
    for _ in range(people):
        make_answer(question=make_question(), lawyer=lawyer)


@pytest.mark.parametrize("role", ["visitor", "user", "lawyer", "admin"])
def test_everyone_sees_the_directory_of_verified_lawyers_only(labor, role: str) -> None:
    make_lawyer(real_name="王薇", practice_areas=[labor])
    make_lawyer(real_name="待审核律师", status=Status.PENDING)
    make_lawyer(real_name="已撤销律师", status=Status.REVOKED)
    client = Client()
    user = {
        "visitor": None,
        "user": make_user(),
        "lawyer": make_lawyer().user,
        "admin": make_user(is_staff=True, is_superuser=True),
    }[role]
    if user is not None:
        client.force_login(user)
    content = client.get(DIRECTORY).content.decode()
    assert "王薇" in content
    assert "待审核律师" not in content and "已撤销律师" not in content


def test_lawyers_who_helped_more_people_come_first() -> None:
    few = make_lawyer(real_name="帮助少的律师")
    many = make_lawyer(real_name="帮助多的律师")
    _helped(few, 1)
    _helped(many, 3)
    content = Client().get(DIRECTORY).content.decode()
    assert content.index("帮助多的律师") < content.index("帮助少的律师")
    assert "已帮助 3 人解决法律问题" in content


def test_the_directory_filters_by_region_and_practice_area(labor) -> None:
    make_lawyer(real_name="北京劳动律师", region="北京市海淀区", practice_areas=[labor])
    make_lawyer(real_name="上海劳动律师", region="上海市浦东新区", practice_areas=[labor])
    make_lawyer(real_name="北京婚姻律师", region="北京市朝阳区", practice_areas=[make_category()])
    client = Client()
    content = client.get(DIRECTORY, {"region": "北京", "practice_area": "labor"}).content.decode()
    assert "北京劳动律师" in content
    assert "上海劳动律师" not in content and "北京婚姻律师" not in content


@pytest.mark.parametrize(
    ("params", "error"),
    [
        ({"practice_area": "no-such-area"}, "没有这个擅长领域"),
        ({"region": "北" * 51}, "执业地区最多 50 个字"),
        ({"page": "abc"}, None),
        ({"page": "999999999999999999999999"}, None),
    ],
)
def test_bad_directory_input_is_explained_in_chinese(params: dict, error: str | None) -> None:
    make_lawyer(real_name="王薇")
    response = Client().get(DIRECTORY, params)
    assert response.status_code == 200
    if error:
        assert error in response.content.decode()


def test_the_directory_is_paginated() -> None:
    for n in range(21):
        make_lawyer(real_name=f"律师甲{n}", region="杭州")
    first = Client().get(DIRECTORY, {"region": "杭州"}).content.decode()
    assert "第 1 / 2 页" in first and "region=%E6%9D%AD%E5%B7%9E&amp;page=2" in first
    assert (
        "第 2 / 2 页" in Client().get(DIRECTORY, {"region": "杭州", "page": "2"}).content.decode()
    )


def test_the_header_and_footer_link_the_directory() -> None:
    content = Client().get(reverse("consult:home")).content.decode()
    assert content.count(f'href="{DIRECTORY}"') == 2


def test_the_profile_shows_counts_areas_recent_answers_and_the_ask_action(labor) -> None:
    lawyer = make_lawyer(real_name="王薇", practice_areas=[labor])
    make_answer(question=make_question(title="被辞退怎么办？"), lawyer=lawyer, is_accepted=True)
    make_answer(question=make_question(title="加班费怎么算？"), lawyer=lawyer)
    make_answer(question=make_question(title="被隐藏的回答？"), lawyer=lawyer, is_hidden=True)
    content = Client().get(lawyer.get_absolute_url()).content.decode()
    assert "<dt>回答</dt><dd>2 个</dd>" in content
    assert "<dt>被采纳</dt><dd>1 个</dd>" in content
    assert "被辞退怎么办？" in content and "加班费怎么算？" in content
    assert "被隐藏的回答？" not in content
    assert "劳动纠纷" in content
    assert f'href="{ASK}?lawyer={lawyer.pk}"' in content


def test_a_question_addressed_to_a_lawyer_notifies_them_and_says_so(
    client: Client, alice, labor, mailoutbox, django_capture_on_commit_callbacks
) -> None:
    lawyer = make_lawyer(real_name="王薇")
    client.force_login(alice)
    form = client.get(ASK, {"lawyer": lawyer.pk}).content.decode()
    assert "向王薇律师提问" in form
    assert f'name="addressed_to" value="{lawyer.pk}"' in form
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            ASK,
            {
                "title": "公司拖欠工资怎么办？",
                "category": labor.pk,
                "body": "公司已经三个月没有发工资了，我该怎么办？",
                "addressed_to": lawyer.pk,
            },
            follow=True,
        )
    question = Question.objects.get()
    assert question.addressed_to == lawyer
    assert (
        "向<a href" in response.content.decode() and "王薇</a>律师提问" in response.content.decode()
    )
    notification = Notification.objects.get(recipient=lawyer.user)
    assert notification.kind == Notification.Kind.QUESTION_ADDRESSED
    assert mailoutbox[0].subject == "有人向您提问：公司拖欠工资怎么办？"


@pytest.mark.parametrize("status", [Status.PENDING, Status.REVOKED])
def test_a_question_cannot_be_addressed_to_an_unverified_lawyer(
    client: Client, alice, labor, status: str
) -> None:
    lawyer = make_lawyer(status=status)
    client.force_login(alice)
    form = client.get(ASK, {"lawyer": lawyer.pk}).content.decode()
    assert f'name="addressed_to" value="{lawyer.pk}"' not in form
    assert "律师提问：" not in form
    response = client.post(
        ASK,
        {
            "title": "公司拖欠工资怎么办？",
            "category": labor.pk,
            "body": "公司已经三个月没有发工资了，我该怎么办？",
            "addressed_to": lawyer.pk,
        },
    )
    assert response.status_code == 200
    assert "没有这位认证律师" in response.content.decode()
    assert not Question.objects.exists()


@pytest.mark.parametrize("value", ["abc", "-1", "99999999999999999999999", "1\x00"])
def test_a_bad_lawyer_id_in_the_ask_url_is_ignored_and_refused_when_posted(
    client: Client, alice, labor, value: str
) -> None:
    client.force_login(alice)
    assert client.get(ASK, {"lawyer": value}).status_code == 200
    response = client.post(
        ASK,
        {
            "title": "公司拖欠工资怎么办？",
            "category": labor.pk,
            "body": "公司已经三个月没有发工资了，我该怎么办？",
            "addressed_to": value,
        },
    )
    assert response.status_code == 200
    assert "没有这位认证律师" in response.content.decode()


def test_a_lawyer_cannot_address_a_question_to_themselves(client: Client, labor) -> None:
    lawyer = make_lawyer()
    client.force_login(lawyer.user)
    response = client.post(
        ASK,
        {
            "title": "公司拖欠工资怎么办？",
            "category": labor.pk,
            "body": "公司已经三个月没有发工资了，我该怎么办？",
            "addressed_to": lawyer.pk,
        },
    )
    assert "不能向自己提问" in response.content.decode()
    assert not Question.objects.exists()


def test_a_question_asked_of_a_lawyer_later_revoked_names_them_without_a_link() -> None:
    lawyer = make_lawyer(real_name="王薇", status=Status.REVOKED)
    question = make_question(addressed_to=lawyer)
    content = Client().get(question.get_absolute_url()).content.decode()
    assert "向王薇律师提问" in content
    assert f'href="{lawyer.get_absolute_url()}"' not in content
