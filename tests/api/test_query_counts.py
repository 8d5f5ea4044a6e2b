"""The SQL query count of every list and detail endpoint is part of its contract: pinned here,
the same for 5 rows as for 25 (an N+1 would show as a difference)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import User
from consult.models import LawyerProfile, Question, RelatedLink
from statutes.models import Article
from tests.factories import (
    article,
    make_answer,
    make_category,
    make_helpful_mark,
    make_lawyer,
    make_question,
    make_user,
)

pytestmark = pytest.mark.django_db

PAGE_SIZES = [5, 25]


@dataclass
class Site:
    questions: list[Question]
    lawyers: list[LawyerProfile]
    cited: Article
    busy_question: Question  # 25 answers
    quiet_question: Question  # 5 answers
    member: User


@pytest.fixture
def site(uma) -> Site:
    """30 questions, each answered by two of 30 lawyers, with citations, helpful marks,
    curated links and anonymous askers: enough rows for an N+1 to show."""
    categories = [make_category(slug=f"area-{n}") for n in range(5)]
    cited = article("criminal-law", 253, 1)
    other = article("pi-crime-interpretation-2017", 5)
    lawyers = [make_lawyer(practice_areas={categories[0], categories[n % 5]}) for n in range(30)]
    markers = [make_user() for _ in range(3)]
    questions = []
    for n in range(30):
        # Most in one category, so that filtering by it still fills a page of 25.
        category = categories[0] if n < 26 else categories[n % 5]
        question = make_question(category=category, cites=[cited], is_anonymous=n % 3 == 0)
        for lawyer in (lawyers[n], lawyers[(n + 1) % 30]):
            answer = make_answer(question=question, lawyer=lawyer, cites=[cited, other])
            make_helpful_mark(answer, markers[n % 3])
        questions.append(question)
    for n in range(1, 30):
        RelatedLink.objects.create(from_question=questions[0], to_question=questions[n])
    busy = make_question(cites=[cited, other])
    for lawyer in lawyers[:25]:
        make_answer(question=busy, lawyer=lawyer, cites=[cited])
    quiet = make_question(cites=[cited])
    for lawyer in lawyers[:5]:
        make_answer(question=quiet, lawyer=lawyer, cites=[other])
    # uma: a signed-in user with a (pending) lawyer profile
    return Site(questions, lawyers, cited, busy, quiet, uma.user)


# name → (URL builder, extra query parameters, queries). The pins are for a visitor; a signed-in
# user adds two (the session and the user).
LISTS: dict[str, tuple[Callable[[Site], str], dict[str, Any], int]] = {
    # the page (with answer count and helpful total in the same SELECT)
    "questions": (lambda s: reverse("api:question-list"), {}, 1),
    "questions-most-helpful": (lambda s: reverse("api:question-list"), {"ordering": "helpful"}, 1),
    # + the category looked up to validate the slug, + the article for cites
    "questions-filtered": (
        lambda s: reverse("api:question-list"),
        {"category": "area-0", "answered": "true", "has_accepted": "false"},
        2,
    ),
    # + the synonym table, the number of documents and the words' frequencies (each test
    # starts with an empty cache; all three are cached afterwards)
    "questions-searched": (lambda s: reverse("api:question-list"), {"q": "测试 问题"}, 4),
    "questions-citing": (lambda s: reverse("api:question-list"), {"cites": "{cited}"}, 2),
    # the page + practice areas
    "lawyers": (lambda s: reverse("api:lawyer-list"), {}, 2),
    "lawyers-by-area": (lambda s: reverse("api:lawyer-list"), {"practice_area": "area-0"}, 3),
    # the page + the versions in force
    "laws": (lambda s: reverse("api:law-list"), {}, 2),
    # the law's version, then the page
    "law-articles": (lambda s: reverse("api:law-article-list", args=["criminal-law"]), {}, 2),
    "articles": (lambda s: reverse("api:article-list"), {}, 1),
    # + the law looked up to validate the slug
    "articles-filtered": (
        lambda s: reverse("api:article-list"),
        {"law": "criminal-law", "status": "有效", "text": "的"},
        2,
    ),
}


def url_with(site: Site, name: str) -> tuple[str, dict[str, Any]]:
    build, params, _ = LISTS[name]
    params = {
        k: v.format(cited=site.cited.pk) if isinstance(v, str) else v for k, v in params.items()
    }
    return build(site), params


@pytest.mark.parametrize("page_size", PAGE_SIZES)
@pytest.mark.parametrize("name", LISTS)
def test_a_list_page_costs_the_same_whatever_its_size(
    site: Site, api: APIClient, django_assert_num_queries, name: str, page_size: int
) -> None:
    url, params = url_with(site, name)
    with django_assert_num_queries(LISTS[name][2]):
        response = api.get(url, {**params, "page_size": page_size})
    assert response.status_code == 200
    rows = len(response.json()["results"])
    # Full pages, so an N+1 would differ by 20 queries (there are fewer laws than 25).
    assert rows == page_size or (name == "laws" and rows > 15), rows


@pytest.mark.parametrize("page_size", PAGE_SIZES)
def test_a_later_page_costs_the_same_as_the_first(
    site: Site, api: APIClient, django_assert_num_queries, page_size: int
) -> None:
    first = api.get(reverse("api:question-list"), {"page_size": page_size}).json()
    with django_assert_num_queries(1):
        response = api.get(first["next"])
    assert len(response.json()["results"]) == min(page_size, 32 - page_size)


def test_a_signed_in_user_adds_the_session_and_the_user(
    site: Site, client_for: Callable, django_assert_num_queries
) -> None:
    client = client_for(site.member)
    with django_assert_num_queries(1 + 2):
        client.get(reverse("api:question-list"), {"page_size": 25})


# Details: the pin holds for a question with 5 answers and one with 25.
@pytest.mark.parametrize("which", ["quiet", "busy"])
def test_a_question_page_costs_the_same_whatever_its_answers(
    site: Site, api: APIClient, django_assert_num_queries, which: str
) -> None:
    question = site.quiet_question if which == "quiet" else site.busy_question
    # the question, its citations; answers, their citations, the lawyers' practice areas (the
    # helped counts are stored); related (cold cache): curated link ids, the synonym table, the
    # number of documents and the key terms' frequencies, candidates by text, by category, both
    # sides' citations (2 + 1: each article's newest citations in one query), storing the list
    # (none is stored yet), the winners by id; the answers' 追问 threads (1)
    with django_assert_num_queries(17):
        response = api.get(reverse("api:question-detail", args=[question.pk]))
    assert len(response.json()["answers"]) == (5 if which == "quiet" else 25)


@pytest.mark.parametrize("which", ["quiet", "busy"])
def test_an_answer_list_costs_the_same_whatever_its_length(
    site: Site, client_for: Callable, django_assert_num_queries, which: str
) -> None:
    question = site.quiet_question if which == "quiet" else site.busy_question
    client = client_for(site.member)
    # session, user; the question; answers, citations, practice areas; the member's helpful
    # marks (helped counts are stored on the lawyers); the answers' 追问 threads
    with django_assert_num_queries(8):
        response = client.get(reverse("api:question-answer-list", args=[question.pk]))
    assert len(response.json()) == (5 if which == "quiet" else 25)


def test_a_cached_related_list_costs_one_query(
    site: Site, api: APIClient, django_assert_num_queries
) -> None:
    url = reverse("api:question-detail", args=[site.busy_question.pk])
    api.get(url)
    # as above, less the computation of "related" (the stored list comes with the question):
    # only the questions by id
    with django_assert_num_queries(17 - 11 + 1):
        api.get(url)


def test_a_question_with_many_curated_links_costs_the_same(
    site: Site, api: APIClient, django_assert_num_queries
) -> None:
    # 29 curated links fill "related": no computed candidates are read, so fewer queries
    # (the link ids, storing the list, then the questions by id); the answers' 追问 threads.
    with django_assert_num_queries(9):
        response = api.get(reverse("api:question-detail", args=[site.questions[0].pk]))
    assert len(response.json()["related"]) == 8


def first_answer_pk(question: Question) -> int:
    answer = question.answers.first()
    assert answer is not None
    return answer.pk


DETAILS: dict[str, tuple[Callable[[Site], str], int]] = {
    # the answer (for the 404 check), then the answer list it is served from (the question;
    # answers, citations, practice areas, 追问 threads)
    "answer": (
        lambda s: reverse(
            "api:question-answer-detail",
            kwargs={"question_pk": s.busy_question.pk, "pk": first_answer_pk(s.busy_question)},
        ),
        6,
    ),
    # the lawyer (its helped count stored), practice areas
    "lawyer": (lambda s: reverse("api:lawyer-detail", args=[s.lawyers[0].pk]), 2),
    "categories": (lambda s: reverse("api:category-list"), 1),
    "category": (lambda s: reverse("api:category-detail", args=["area-1"]), 1),
    # the law with versions in force, all versions
    "law": (lambda s: reverse("api:law-detail", args=["criminal-law"]), 3),
    "article": (lambda s: reverse("api:article-detail", args=[s.cited.pk]), 1),
}


@pytest.mark.parametrize("name", DETAILS)
def test_a_detail_costs_a_fixed_number_of_queries(
    site: Site, api: APIClient, django_assert_num_queries, name: str
) -> None:
    build, queries = DETAILS[name]
    url = build(site)
    with django_assert_num_queries(queries):
        assert api.get(url).status_code == 200


def test_my_lawyer_application_costs_a_fixed_number_of_queries(
    site: Site, client_for: Callable, django_assert_num_queries
) -> None:
    client = client_for(site.member)
    # session, user; the profile (its helped count stored); practice areas
    with django_assert_num_queries(4):
        assert client.get(reverse("api:lawyer-me")).status_code == 200
