"""Anonymous pages come from the cache until what they show changes, and never carry anything
of one visitor to another."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.contrib import admin
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.test import Client, RequestFactory
from django.urls import reverse

from accounts.models import User
from consult.models import Answer, Category, LawyerProfile, Question, RelatedLink
from consult.services import answers as answer_services
from consult.services import follow_ups as follow_up_services
from consult.services import lawyers as lawyer_services
from consult.services.moderation import set_hidden
from portal.page_cache import HIT_HEADER
from statutes.models import Article
from tests.factories import (
    article,
    make_answer,
    make_category,
    make_lawyer,
    make_question,
    make_user,
)

pytestmark = pytest.mark.django_db


@dataclass
class Site:
    category: Category
    question: Question
    other: Question
    answer: Answer
    lawyer: LawyerProfile
    cited: Article
    staff: User


@pytest.fixture
def site(alice, admin_user) -> Site:
    category = make_category("劳动纠纷", slug="labor")
    cited = article("labor-contract-law", 38)
    lawyer = make_lawyer(real_name="王律师")
    question = make_question(author=alice, category=category, title="公司拖欠工资怎么办？")
    answer = make_answer(question=question, lawyer=lawyer, body="可以申请劳动仲裁。", cites=[cited])
    other = make_question(category=make_category(), title="与此无关的另一个问题？")
    return Site(category, question, other, answer, lawyer, cited, admin_user)


def page(client: Client, url: str) -> tuple[str, str | None]:
    response = client.get(url)
    return response.content.decode(), response.get(HIT_HEADER)


def cached(client: Client, url: str) -> str:
    """Fetch the page twice: the second time it must come from the cache."""
    page(client, url)
    content, hit = page(client, url)
    assert hit == "hit"
    return content


def admin_request(staff: User):
    request = RequestFactory().post("/admin/")
    request.user = staff
    return request


# ---------------------------------------------------------------------------------------------
# What is served, to whom


def test_a_visitors_second_request_is_served_from_the_cache_without_a_query(
    client: Client, site: Site, django_assert_num_queries
) -> None:
    url = site.question.get_absolute_url()
    assert page(client, url)[1] == "miss"
    with django_assert_num_queries(0):
        assert page(client, url)[1] == "hit"


def test_an_unchanged_page_is_answered_304_to_its_etag(
    client: Client, site: Site, django_assert_num_queries
) -> None:
    url = site.question.get_absolute_url()
    etag = client.get(url)["ETag"]
    with django_assert_num_queries(0):
        response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    answer_services.helpful_mark(answer=site.answer, by=make_user())
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_a_signed_in_users_page_is_neither_served_from_nor_stored_in_the_cache(
    client: Client, site: Site
) -> None:
    url = site.question.get_absolute_url()
    member = make_user("zhangsan-member")
    client.force_login(member)
    content, hit = page(client, url)
    assert hit is None and "zhangsan-member" in content
    content, hit = page(client, url)
    assert hit is None and "zhangsan-member" in content
    client.logout()
    assert page(client, url)[1] == "miss"  # nothing was stored while signed in
    cached(client, url)
    client.force_login(member)
    content, hit = page(client, url)
    assert hit is None and "zhangsan-member" in content


def test_a_signed_in_user_gets_no_304_for_a_visitors_etag(client: Client, site: Site) -> None:
    url = site.question.get_absolute_url()
    etag = client.get(url)["ETag"]
    client.force_login(make_user())
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_a_hit_carries_the_headers_the_rendered_page_had(client: Client, site: Site) -> None:
    url = site.question.get_absolute_url()
    rendered = client.get(url)
    hit = client.get(url)
    assert hit[HIT_HEADER] == "hit" and hit.content == rendered.content
    for name in ("Content-Type", "Content-Language", "X-Frame-Options", "ETag", "Cache-Control"):
        assert hit[name] == rendered[name], name
    assert "Cookie" in hit["Vary"] and not hit.cookies


def test_a_hit_without_a_session_cookie_never_touches_the_session(
    client: Client, site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = site.question.get_absolute_url()
    client.get(url)

    def no_session(*args: object, **kwargs: object) -> None:
        raise AssertionError("the session middleware ran for a cache hit")

    monkeypatch.setattr(
        "django.contrib.sessions.middleware.SessionMiddleware.process_request", no_session
    )
    assert client.get(url)[HIT_HEADER] == "hit"


def test_a_visitor_with_a_session_cookie_but_signed_out_still_gets_the_cached_page(
    client: Client, site: Site
) -> None:
    url = site.question.get_absolute_url()
    client.get(url)
    client.cookies["sessionid"] = "not-a-session"
    assert client.get(url)[HIT_HEADER] == "hit"


def test_a_cached_page_is_still_refused_to_a_host_outside_allowed_hosts(
    client: Client, site: Site
) -> None:
    url = site.question.get_absolute_url()
    client.get(url)
    assert client.get(url, HTTP_HOST="evil.example").status_code == 400


def test_a_pending_message_keeps_a_visitor_off_the_cache(client: Client, site: Site) -> None:
    url = site.question.get_absolute_url()
    client.get(url)
    storage = CookieStorage(RequestFactory().get(url))
    # Django's own encoder (private, missing from django-stubs) makes a cookie it accepts.
    client.cookies["messages"] = storage._encode(  # type: ignore[attr-defined]
        [Message(constants.INFO, "回答已发布。")]
    )
    response = client.get(url)
    assert response.get(HIT_HEADER) is None and "回答已发布。" in response.content.decode()


@pytest.mark.parametrize(
    "which", ["home", "category", "question", "pi-question", "lawyer", "lawyers", "article"]
)
def test_cached_pages_hold_no_csrf_token_and_no_user_name(
    client: Client, site: Site, which: str
) -> None:
    pi_question = make_question(category=make_category(concerns_pi_crime=True))
    url = {
        "home": reverse("consult:home"),
        "category": site.category.get_absolute_url(),
        "question": site.question.get_absolute_url(),
        "pi-question": pi_question.get_absolute_url(),  # embeds the assessment form
        "lawyer": site.lawyer.get_absolute_url(),
        "lawyers": reverse("consult:lawyer-list"),
        "article": site.cited.get_absolute_url(),
    }[which]
    signed_in = Client()
    signed_in.force_login(make_user("lisi-member"))
    signed_in.get(url)
    content = cached(client, url)
    assert "csrfmiddlewaretoken" not in content
    assert "lisi-member" not in content and "退出" not in content


def test_made_up_query_parameters_are_rendered_each_time(client: Client, site: Site) -> None:
    url = site.question.get_absolute_url() + "?utm_source=x"
    assert page(client, url)[1] is None
    assert page(client, url)[1] is None


def test_a_hidden_question_is_a_404_that_is_not_cached(client: Client, site: Site) -> None:
    set_hidden([site.question], hidden=True, by=site.staff)
    assert client.get(site.question.get_absolute_url()).status_code == 404
    assert client.get(site.question.get_absolute_url()).get(HIT_HEADER) is None


# ---------------------------------------------------------------------------------------------
# Every write that changes what a page shows gives the next visitor a fresh page


@dataclass
class Change:
    url: Callable[[Site], str]
    write: Callable[[Site], None]
    shows: Callable[[Site], str]


def _new_answer(site: Site) -> None:
    answer_services.answer_create(
        question=site.question,
        by=make_lawyer(real_name="赵律师").user,
        body="新的回答内容：建议先与对方协商，协商不成再起诉。",
    )


def _edited_answer(site: Site) -> None:
    answer_services.answer_update(
        answer=site.answer,
        by=site.lawyer.user,
        body="修改后的回答：建议先固定证据，再申请劳动仲裁。",
    )


def _accept(site: Site) -> None:
    answer_services.answer_accept(answer=site.answer, by=site.question.author)


def _helpful(site: Site) -> None:
    answer_services.helpful_mark(answer=site.answer, by=make_user())


def _hide_answer(site: Site) -> None:
    set_hidden([site.answer], hidden=True, by=site.staff)


def _hide_other_question(site: Site) -> None:
    set_hidden([site.other], hidden=True, by=site.staff)


def _revoke(site: Site) -> None:
    lawyer_services.lawyer_set_status(profile=site.lawyer, status="revoked", by=site.staff)


def _curate_article(site: Site) -> None:
    site.cited.text = "管理员校订后的条文。"
    admin.site._registry[Article].save_model(admin_request(site.staff), site.cited, None, True)


def _related_link(site: Site) -> None:
    link = RelatedLink(from_question=site.question, to_question=site.other)
    admin.site._registry[RelatedLink].save_model(admin_request(site.staff), link, None, False)


def _follow_up(site: Site) -> None:
    follow_up_services.follow_up_create(
        answer=site.answer, by=site.question.author, body="仲裁需要准备哪些材料？"
    )


def _follow_up_reply(site: Site) -> None:
    _follow_up(site)
    follow_up_services.follow_up_create(
        answer=site.answer, by=site.lawyer.user, body="劳动合同和工资流水。"
    )


def _new_firm(site: Site) -> None:
    lawyer_services.lawyer_update_profile(
        profile=site.lawyer,
        by=site.lawyer.user,
        real_name=site.lawyer.real_name,
        license_number=site.lawyer.license_number,
        law_firm="新换的律师事务所",
        region=site.lawyer.region,
        practice_areas=[site.category],
    )


def _verify_new_lawyer(site: Site) -> None:
    pending = make_lawyer(real_name="新认证律师", status=LawyerProfile.Status.PENDING)
    lawyer_services.lawyer_set_status(
        profile=pending, status=LawyerProfile.Status.VERIFIED, by=site.staff
    )


def _rename_category(site: Site) -> None:
    site.category.name = "劳动争议"
    admin.site._registry[Category].save_model(admin_request(site.staff), site.category, None, True)


CHANGES = {
    "a new answer": Change(
        lambda s: s.question.get_absolute_url(), _new_answer, lambda s: "赵律师"
    ),
    "an edited answer": Change(
        lambda s: s.question.get_absolute_url(), _edited_answer, lambda s: "修改后的回答："
    ),
    "采纳": Change(lambda s: s.question.get_absolute_url(), _accept, lambda s: "提问者已采纳"),
    "a helpful mark": Change(
        lambda s: s.question.get_absolute_url(), _helpful, lambda s: "1 人觉得有帮助"
    ),
    "a hidden answer": Change(
        lambda s: s.question.get_absolute_url(), _hide_answer, lambda s: "还没有律师回答这个问题"
    ),
    "a hidden question (off the home page)": Change(
        lambda s: reverse("consult:home"), _hide_other_question, lambda s: "劳动纠纷"
    ),
    "a revoked lawyer (card)": Change(
        lambda s: s.question.get_absolute_url(), _revoke, lambda s: "王律师"
    ),
    "a curated article": Change(
        lambda s: s.cited.get_absolute_url(), _curate_article, lambda s: "管理员校订后的条文。"
    ),
    "a new related link": Change(
        lambda s: s.question.get_absolute_url(), _related_link, lambda s: "与此无关的另一个问题？"
    ),
    "a 追问": Change(
        lambda s: s.question.get_absolute_url(), _follow_up, lambda s: "仲裁需要准备哪些材料？"
    ),
    "a lawyer's reply to a 追问": Change(
        lambda s: s.question.get_absolute_url(), _follow_up_reply, lambda s: "劳动合同和工资流水。"
    ),
    "a lawyer's new firm (profile)": Change(
        lambda s: s.lawyer.get_absolute_url(), _new_firm, lambda s: "新换的律师事务所"
    ),
    "a lawyer's new firm (找律师)": Change(
        lambda s: reverse("consult:lawyer-list"), _new_firm, lambda s: "新换的律师事务所"
    ),
    "a newly verified lawyer (找律师)": Change(
        lambda s: reverse("consult:lawyer-list"), _verify_new_lawyer, lambda s: "新认证律师"
    ),
    "a renamed category (home)": Change(
        lambda s: reverse("consult:home"), _rename_category, lambda s: "劳动争议"
    ),
    "a renamed category (question)": Change(
        lambda s: s.question.get_absolute_url(), _rename_category, lambda s: "劳动争议"
    ),
}


@pytest.mark.parametrize("name", CHANGES)
def test_a_write_gives_the_next_visitor_a_fresh_page(client: Client, site: Site, name: str) -> None:
    change = CHANGES[name]
    url = change.url(site)
    before = cached(client, url)
    change.write(site)
    after, hit = page(client, url)
    assert hit == "miss", name
    assert after != before
    assert change.shows(site) in after
    assert page(client, url)[1] == "hit"  # and the fresh page is cached in turn


def test_a_hidden_question_leaves_the_home_page(client: Client, site: Site) -> None:
    home = reverse("consult:home")
    assert "与此无关的另一个问题？" in cached(client, home)
    _hide_other_question(site)
    assert "与此无关的另一个问题？" not in client.get(home).content.decode()


def test_a_revoked_lawyers_profile_is_gone_at_once(client: Client, site: Site) -> None:
    url = site.lawyer.get_absolute_url()
    cached(client, url)
    _revoke(site)
    assert client.get(url).status_code == 404


def test_a_helpful_mark_on_another_question_leaves_this_page_cached(
    client: Client, site: Site
) -> None:
    other_answer = make_answer(question=site.other)
    url = site.question.get_absolute_url()
    cached(client, url)
    answer_services.helpful_mark(answer=other_answer, by=make_user())
    assert page(client, url)[1] == "hit"
