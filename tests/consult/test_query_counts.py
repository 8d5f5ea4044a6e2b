"""SQL query counts of the HTML pages are pinned exactly, and are the same for a site with 3
rows of everything as for one with 30: a page's cost must not grow with the data. Each test
renders the page once, on cold caches (the page cache, the shared lists, no stored related
list), except where it says otherwise."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import User
from consult import related
from consult.models import Category, LawyerProfile, Question, RelatedLink
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

SIZES = [3, 30]


@dataclass
class Site:
    category: Category
    questions: list[Question]  # questions[0] has `size` answers, each marked helpful
    lawyer: LawyerProfile  # answered every question
    cited: Article  # cited by every question and every answer
    asker: User


@pytest.fixture(params=SIZES, ids=lambda n: f"{n}-rows")
def site(request: pytest.FixtureRequest, alice) -> Site:
    size = request.param
    category = make_category("劳动纠纷", slug="labor")
    lawyers = [make_lawyer(practice_areas=[category]) for _ in range(size)]
    users = [make_user() for _ in range(size)]
    cited = article("labor-contract-law", 38)
    asker = alice
    questions = []
    for n in range(size):
        question = make_question(
            author=asker if n == 0 else users[n],
            category=category,
            title=f"劳动合同第{n}个问题？",
            cites=[cited],
        )
        for lawyer in lawyers if n == 0 else lawyers[:1]:
            answer = make_answer(question=question, lawyer=lawyer, cites=[cited])
            for user in users if n == 0 else users[:1]:
                make_helpful_mark(answer, user)
        questions.append(question)
    for position, other in enumerate(questions[1:6]):
        RelatedLink.objects.create(from_question=questions[0], to_question=other, position=position)
    return Site(category, questions, lawyers[0], cited, asker)


# page → (URL, queries), for a visitor; why each number is what it is.
PAGES = {
    # latest questions, recommended questions, categories
    "home": (lambda s: reverse("consult:home"), 3),
    # the category, its page of questions (the count is stored)
    "category": (lambda s: s.category.get_absolute_url(), 2),
    # the question with its category and stored related list (1), its citations with their
    # versions and laws (1); answers, their citations, the lawyers' practice areas (3); related,
    # with no list stored yet: curated link ids, the synonym table, the number of documents and
    # the key terms' frequencies, candidates by text and by category, both sides' citations (2 +
    # 1: each article's newest citations in one query), storing the list, the winners by id
    # (11); recommended, on a cold cache (1); concerns_pi_crime: the article ids, on a cold
    # cache (1) — its citations are the page's own; the answers' 追问 threads (1)
    "question": (lambda s: s.questions[0].get_absolute_url(), 19),
    # /questions/: the page of questions, each with the start of its best answer stored on the
    # row (1); the categories for the filter (1)
    "questions": (lambda s: reverse("consult:question-list"), 2),
    # the same, filtered and sorted by helpful: + the category named by its slug (1)
    "questions-filtered": (
        lambda s: (
            reverse("consult:question-list")
            + "?category=labor&answered=true&has_accepted=false&ordering=helpful"
        ),
        3,
    ),
    # the lawyer with practice areas (2), their answers (1), their answer and 采纳 counts (1)
    "lawyer": (lambda s: s.lawyer.get_absolute_url(), 4),
    # 找律师: the count, a page of lawyers, their practice areas, the categories to filter by
    "lawyers": (lambda s: reverse("consult:lawyer-list"), 4),
    # the same, in one practice area: + the area looked up by its slug (a region adds no query,
    # and is not cached: typed text must not fill the cache)
    "lawyers-in-area": (lambda s: reverse("consult:lawyer-list") + "?practice_area=labor", 5),
    # the law's version, its law and its version in force (3), the article, its neighbours (2),
    # whether the assessment applies (1), the count (capped) and the page of citing questions
    "article": (lambda s: s.cited.get_absolute_url(), 9),
}


@pytest.mark.parametrize("name", PAGES)
def test_a_page_costs_the_same_whatever_the_sites_size(
    client: Client, site: Site, django_assert_num_queries, name: str
) -> None:
    url, queries = PAGES[name]
    with django_assert_num_queries(queries):
        assert client.get(url(site)).status_code == 200


def test_a_cached_page_costs_no_query(
    client: Client, site: Site, django_assert_num_queries
) -> None:
    for url, _ in PAGES.values():
        client.get(url(site))
        with django_assert_num_queries(0):
            assert client.get(url(site)).status_code == 200


def test_a_question_page_with_its_related_list_stored_reads_seven_queries(
    client: Client, site: Site, django_assert_num_queries
) -> None:
    """What a page view costs once its related list was computed at the last write and another
    page has cached the shared lists: the question (with the stored list), its citations, the
    answers with their citations and the lawyers' practice areas (3), the answers' 追问 threads
    (1), the related questions by id (1). 为您推荐 and the 侵犯公民个人信息罪 article ids come from
    the cache."""
    question = site.questions[0]
    related.store(question)
    client.get(site.questions[1].get_absolute_url())
    with django_assert_num_queries(7):
        assert client.get(question.get_absolute_url()).status_code == 200


def test_the_question_page_as_its_signed_in_asker(
    client: Client, site: Site, django_assert_num_queries
) -> None:
    client.force_login(site.asker)
    # as for a visitor, + the session and the user, the asker's helpful marks, the lawyer
    # profile of the user (may they answer), the unread notifications in the header (the asker
    # edits their question answered or not: no query asks)
    with django_assert_num_queries(19 + 5):
        assert client.get(site.questions[0].get_absolute_url()).status_code == 200


# workspace page → (URL, queries) for the verified lawyer `site.lawyer`: each starts with the
# session, the user and the lawyer profile (3), and ends with the unread notifications in the
# header (1).
WORKSPACE_PAGES = {
    # the answer and 采纳 counts (1), the count and the page of unanswered questions (2), the
    # categories of the filter's menu (1)
    "unanswered": (lambda s: reverse("consult:lawyer-workspace"), 3 + 4 + 1),
    # the same, filtered by a category (its lookup by slug: 1)
    "unanswered-in-category": (
        lambda s: reverse("consult:lawyer-workspace") + "?category=labor",
        3 + 5 + 1,
    ),
    # the answer and 采纳 counts (1), the count and the page of answers (2)
    "mine": (lambda s: reverse("consult:lawyer-workspace-answers"), 3 + 3 + 1),
}


@pytest.mark.parametrize("name", WORKSPACE_PAGES)
def test_a_workspace_page_costs_the_same_whatever_the_sites_size(
    client: Client, site: Site, django_assert_num_queries, name: str
) -> None:
    for n in range(len(site.questions)):
        make_question(category=site.category, title=f"还没有人回答的第{n}个问题？")
    client.force_login(site.lawyer.user)
    url, queries = WORKSPACE_PAGES[name]
    with django_assert_num_queries(queries):
        assert client.get(url(site)).status_code == 200


@pytest.mark.parametrize("answers", [2, 6])
def test_question_page_with_citations_in_every_text(
    client: Client, answers: int, django_assert_max_num_queries
) -> None:
    """Citations in the question's and every answer's text are resolved together: + the names
    of the laws (two queries) and the cited articles (one), however many answers cite."""
    question = make_question(body="公司违反个保法第13条，又触犯刑法第二百五十三条之一怎么办？")
    for n in range(answers):
        make_answer(question=question, body=f"依照民法典第{1165 + n}条和劳动合同法第三十八条处理。")
    with django_assert_max_num_queries(18 + 3):
        page = client.get(question.get_absolute_url())
    assert page.content.decode().count('class="citation"') == 2 + 2 * answers
