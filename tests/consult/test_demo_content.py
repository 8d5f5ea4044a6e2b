"""The demo content: loaded by one command, marked, removable by another. It is loaded once for
the module (the demo_content fixture); each test's changes roll back after it."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from accounts.models import User
from consult.models import Answer, Category, LawyerProfile, Question
from tests.factories import make_question, make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_content")]


def load() -> str:
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_it_loads_categories_lawyers_and_questions_with_cited_answers() -> None:
    assert Category.objects.filter(is_demo=True).count() >= 9
    assert LawyerProfile.objects.verified().filter(is_demo=True).count() == 15
    assert Question.objects.filter(is_demo=True).count() >= 60
    assert (
        Answer.objects.filter(is_demo=True, cited_articles__isnull=False).distinct().count() >= 50
    )


def test_it_covers_the_seed_pages_topics() -> None:
    names = set(Category.objects.values_list("name", flat=True))
    for topic in ("刑事", "婚姻家庭", "交通事故", "劳动纠纷", "知识产权", "消费维权"):
        assert topic in names


def test_the_filing_standard_question_is_answered_with_the_right_articles() -> None:
    question = Question.objects.get(is_demo=True, title__contains="构成犯罪")
    cited = {
        (a.version.law.slug, a.slug)
        for answer in question.answers.all()
        for a in answer.cited_articles.select_related("version__law")
    }
    assert ("criminal-law", "253-1") in cited
    assert ("pi-crime-interpretation-2017", "5") in cited


def test_every_demo_account_is_marked_and_cannot_sign_in_by_default() -> None:
    demo_users = User.objects.filter(is_demo=True)
    assert demo_users.exists()
    assert not any(user.has_usable_password() for user in demo_users)


def test_a_second_run_loads_nothing_more() -> None:
    count = Question.objects.count()
    assert "跳过" in load()
    assert Question.objects.count() == count


def test_remove_demo_takes_away_exactly_the_demo_content(alice) -> None:
    real_question = make_question(author=alice)
    demo_questions = Question.objects.filter(is_demo=True).count()
    out = io.StringIO()
    call_command("remove_demo", stdout=out)
    assert f"{demo_questions} 个问题" in out.getvalue()
    assert "15 位律师" in out.getvalue()
    assert not Question.objects.filter(is_demo=True).exists()
    assert not LawyerProfile.objects.filter(is_demo=True).exists()
    assert not User.objects.filter(is_demo=True).exists()
    assert Question.objects.filter(pk=real_question.pk).exists()
    assert User.objects.filter(pk=alice.pk).exists()


def test_demo_categories_used_by_real_questions_are_kept() -> None:
    category = Category.objects.get(slug="labor")
    make_question(category=category, author=make_user())
    call_command("remove_demo", stdout=io.StringIO())
    assert Category.objects.filter(slug="labor").exists()


def test_password_after_bin_run_lets_the_demo_accounts_sign_in(client) -> None:
    """bin/run loads the demo without a password; the README's next step must then work."""
    load()
    outsider = make_user("not-demo")
    before = User.objects.get(pk=outsider.pk).password
    out = io.StringIO()
    call_command("load_demo", "--password", "demo-pass-2026", stdout=out)
    assert "跳过载入" in out.getvalue()
    assert "演示账号设置了新密码" in out.getvalue()
    assert Question.objects.filter(is_demo=True).count() >= 60  # nothing loaded twice
    for username in ("demo-user-01", "demo-li-mingyuan"):
        assert User.objects.get(username=username).check_password("demo-pass-2026"), username
    assert User.objects.get(pk=outsider.pk).password == before


def test_without_a_password_the_demo_accounts_still_cannot_sign_in(client) -> None:
    load()
    call_command("load_demo", stdout=io.StringIO())
    assert not User.objects.get(username="demo-user-01").has_usable_password()
