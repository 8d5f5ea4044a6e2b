"""The lawyer workspace: 待回答, 我的回答 and the profile, for verified lawyers only.

The cast: alice asks; vera is a verified lawyer in 劳动纠纷 (she answered one question); pam
is pending, rex revoked; bob is a user; charlie an admin.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import User
from consult.models import Category, LawyerProfile, Question
from tests.factories import (
    make_answer,
    make_category,
    make_helpful_mark,
    make_lawyer,
    make_question,
    make_user,
)

pytestmark = pytest.mark.django_db
Status = LawyerProfile.Status

WORKSPACE = reverse("consult:lawyer-workspace")
ANSWERS = reverse("consult:lawyer-workspace-answers")
PROFILE = reverse("consult:lawyer-workspace-profile")


@dataclass
class World:
    labor: Category
    family: Category
    vera: LawyerProfile
    in_area: Question
    elsewhere: Question
    answered: Question
    users: dict[str, User | None]

    def user(self, role: str) -> User:
        """A role that is signed in (every role but the visitor)."""
        user = self.users[role]
        assert user is not None, role
        return user


@pytest.fixture
def world() -> World:
    labor = make_category("劳动纠纷", slug="labor")
    family = make_category("婚姻家庭", slug="family")
    alice = make_user("alice")
    vera = make_lawyer(make_user("vera"), real_name="王薇", practice_areas=[labor])
    elsewhere = make_question(author=alice, category=family, title="离婚后孩子抚养费怎么算？")
    in_area = make_question(author=alice, category=labor, title="公司拖欠工资怎么办？")
    answered = make_question(author=alice, category=labor, title="试用期被辞退有补偿吗？")
    answer = make_answer(question=answered, lawyer=vera, is_accepted=True)
    make_helpful_mark(answer)
    users = {
        "visitor": None,
        "user": make_user("bob"),
        "pending_lawyer": make_lawyer(make_user("pam"), status=Status.PENDING).user,
        "verified_lawyer": vera.user,
        "revoked_lawyer": make_lawyer(make_user("rex"), status=Status.REVOKED).user,
        "admin": make_user("charlie", is_staff=True, is_superuser=True),
    }
    return World(labor, family, vera, in_area, elsewhere, answered, users)


def client_as(world: World, role: str) -> Client:
    client = Client()
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize("url", [WORKSPACE, ANSWERS, PROFILE])
@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("visitor", 302),
        ("user", 403),
        ("pending_lawyer", 403),
        ("verified_lawyer", 200),
        ("revoked_lawyer", 403),
        ("admin", 403),
    ],
)
def test_only_a_verified_lawyer_has_a_workspace(
    world: World, url: str, role: str, expected: int
) -> None:
    response = client_as(world, role).get(url)
    assert response.status_code == expected
    if expected == 302:
        assert response["Location"].startswith(reverse("accounts:login"))
    if expected == 403:
        assert "律师工作台只对通过认证的律师开放" in response.content.decode()


def test_unanswered_questions_in_the_lawyers_areas_come_first(world: World) -> None:
    content = client_as(world, "verified_lawyer").get(WORKSPACE).content.decode()
    assert content.index("公司拖欠工资怎么办？") < content.index("离婚后孩子抚养费怎么算？")
    assert "试用期被辞退有补偿吗？" not in content  # answered already
    assert "您擅长的领域" in content


def test_a_question_asked_of_the_lawyer_comes_before_all_others(world: World) -> None:
    asked = make_question(
        category=world.family, title="想请王律师看看这份协议？", addressed_to=world.vera
    )
    content = client_as(world, "verified_lawyer").get(WORKSPACE).content.decode()
    assert content.index(asked.title) < content.index("公司拖欠工资怎么办？")
    assert "向您提问" in content


def test_the_lawyers_own_and_hidden_questions_are_not_listed(world: World) -> None:
    make_question(author=world.vera.user, title="律师自己问的问题？")
    make_question(title="被隐藏的问题？", is_hidden=True)
    content = client_as(world, "verified_lawyer").get(WORKSPACE).content.decode()
    assert "律师自己问的问题？" not in content
    assert "被隐藏的问题？" not in content


def test_unanswered_questions_filter_by_category(world: World) -> None:
    response = client_as(world, "verified_lawyer").get(WORKSPACE, {"category": "family"})
    content = response.content.decode()
    assert "离婚后孩子抚养费怎么算？" in content
    assert "公司拖欠工资怎么办？" not in content


def test_unanswered_questions_filter_by_keyword_and_region(world: World) -> None:
    make_question(category=world.labor, title="在上海被公司拖欠工资怎么办？")
    client = client_as(world, "verified_lawyer")
    content = client.get(WORKSPACE, {"q": "抚养费"}).content.decode()
    assert "离婚后孩子抚养费怎么算？" in content
    assert "公司拖欠工资怎么办？" not in content
    content = client.get(WORKSPACE, {"region": "上海"}).content.decode()
    assert "在上海被公司拖欠工资怎么办？" in content
    assert "离婚后孩子抚养费怎么算？" not in content


@pytest.mark.parametrize(
    ("params", "error"),
    [
        ({"category": "no-such-category"}, "没有这个分类，请重新选择。"),
        ({"q": "工资" * 200}, "关键词最多"),
        ({"region": "北京" * 20}, "地区最多 20 个字。"),
        ({"q": "工资\x00"}, "含有无法识别的字符"),
    ],
)
def test_bad_filters_are_explained_in_chinese(world: World, params: dict, error: str) -> None:
    response = client_as(world, "verified_lawyer").get(WORKSPACE, params)
    assert response.status_code == 200
    assert error in response.content.decode()


def test_unanswered_questions_are_paginated(world: World) -> None:
    for n in range(21):
        make_question(category=world.labor, title=f"第{n}个劳动问题？")
    client = client_as(world, "verified_lawyer")
    first = client.get(WORKSPACE, {"category": "labor"}).content.decode()
    assert "第 1 / 2 页" in first and "category=labor&amp;page=2" in first
    second = client.get(WORKSPACE, {"category": "labor", "page": "2"}).content.decode()
    assert "第 2 / 2 页" in second
    assert client.get(WORKSPACE, {"page": "abc"}).status_code == 200


def test_my_answers_show_their_acceptance_and_helpful_marks(world: World) -> None:
    content = client_as(world, "verified_lawyer").get(ANSWERS).content.decode()
    assert "试用期被辞退有补偿吗？" in content
    assert "已采纳" in content
    assert "1 人觉得有帮助" in content
    assert "回答 1 个 · 被采纳 1 个 · 有帮助 1 次" in content


def _profile_form(vera: LawyerProfile, **changes: object) -> dict[str, object]:
    return {
        "real_name": vera.real_name,
        "license_number": vera.license_number,
        "law_firm": vera.law_firm,
        "region": vera.region,
        "practice_areas": [c.pk for c in vera.practice_areas.all()],
        "bio": vera.bio,
        **changes,
    }


def test_a_lawyer_changes_firm_region_areas_and_bio_and_stays_verified(world: World) -> None:
    form = _profile_form(
        world.vera,
        law_firm="新律师事务所",
        region="上海市浦东新区",
        practice_areas=[world.family.pk],
        bio="专注婚姻家庭。",
    )
    response = client_as(world, "verified_lawyer").post(PROFILE, form, follow=True)
    assert "执业资料已更新。" in response.content.decode()
    world.vera.refresh_from_db()
    assert world.vera.status == Status.VERIFIED
    assert (world.vera.law_firm, world.vera.region, world.vera.bio) == (
        "新律师事务所",
        "上海市浦东新区",
        "专注婚姻家庭。",
    )
    assert list(world.vera.practice_areas.all()) == [world.family]


@pytest.mark.parametrize(
    "changes", [{"real_name": "王小薇"}, {"license_number": "11101201899999999"}]
)
def test_a_changed_name_or_licence_number_goes_back_to_review(
    world: World, changes: dict[str, str]
) -> None:
    client = client_as(world, "verified_lawyer")
    response = client.post(PROFILE, _profile_form(world.vera, **changes), follow=True)
    assert "资料已提交重新审核" in response.content.decode()
    world.vera.refresh_from_db()
    assert world.vera.status == Status.PENDING
    assert world.vera.status_changed_by == world.vera.user
    assert [h.status for h in world.vera.history.all()][:2] == [Status.PENDING, Status.VERIFIED]
    # No answering, no workspace, no public profile until an admin verifies again.
    assert client.get(WORKSPACE).status_code == 403
    assert Client().get(world.vera.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"license_number": "123"}, "执业证号应为 17 位数字。"),
        ({"practice_areas": []}, "请至少选择一个擅长领域。"),
        ({"practice_areas": ["99999999999999999999999"]}, "不是一个有效的值"),
        ({"law_firm": ""}, "该字段是必填项。"),
    ],
)
def test_a_bad_profile_edit_is_explained_in_chinese(
    world: World, changes: dict, error: str
) -> None:
    response = client_as(world, "verified_lawyer").post(
        PROFILE, _profile_form(world.vera, **changes)
    )
    assert response.status_code == 200
    assert error in response.content.decode()
    world.vera.refresh_from_db()
    assert world.vera.status == Status.VERIFIED


def test_the_account_page_and_header_link_a_verified_lawyer_to_the_workspace(
    world: World,
) -> None:
    content = client_as(world, "verified_lawyer").get(reverse("accounts:account")).content
    text = content.decode()
    assert f'href="{WORKSPACE}"' in text
    assert f'href="{PROFILE}"' in text
    assert f'href="{world.vera.get_absolute_url()}"' in text
    pending = client_as(world, "pending_lawyer").get(reverse("accounts:account")).content
    assert f'href="{WORKSPACE}"' not in pending.decode()
