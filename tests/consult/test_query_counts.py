"""SQL query counts of the busiest pages are pinned: they must not grow with the data."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from consult.models import HelpfulMark, RelatedLink
from tests.factories import (
    article,
    make_answer,
    make_category,
    make_lawyer,
    make_question,
    make_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy_site():
    """A category with 30 answered questions, several lawyers, citations, helpful marks and links."""
    category = make_category("劳动纠纷", slug="labor")
    lawyers = [make_lawyer(practice_areas=[category]) for _ in range(5)]
    users = [make_user() for _ in range(5)]
    cited = [article("labor-contract-law", n) for n in (38, 46, 47)]
    questions = []
    for n in range(30):
        question = make_question(category=category, title=f"劳动合同第{n}个问题？", cites=cited[:1])
        for lawyer in lawyers[: 1 + n % 3]:
            answer = make_answer(question=question, lawyer=lawyer, cites=cited)
            for user in users[: n % 4]:
                HelpfulMark.objects.create(user=user, answer=answer)
        questions.append(question)
    for position, other in enumerate(questions[1:6]):
        RelatedLink.objects.create(from_question=questions[0], to_question=other, position=position)
    return questions


def test_home(client: Client, busy_site, django_assert_max_num_queries) -> None:
    with django_assert_max_num_queries(6):
        assert client.get(reverse("consult:home")).status_code == 200


def test_category_page(client: Client, busy_site, django_assert_max_num_queries) -> None:
    with django_assert_max_num_queries(5):
        assert client.get(reverse("consult:category-detail", args=["labor"])).status_code == 200


def test_question_page_as_a_visitor(
    client: Client, busy_site, django_assert_max_num_queries
) -> None:
    question = busy_site[0]
    # + the synonym table, the number of documents and the key terms' frequencies, read once
    # for related questions and then cached
    with django_assert_max_num_queries(21):
        assert client.get(question.get_absolute_url()).status_code == 200


def test_question_page_as_a_signed_in_user(
    client: Client, busy_site, django_assert_max_num_queries
) -> None:
    client.force_login(busy_site[2].author)
    with django_assert_max_num_queries(27):
        assert client.get(busy_site[2].get_absolute_url()).status_code == 200


def test_lawyer_profile(client: Client, busy_site, django_assert_max_num_queries) -> None:
    lawyer = busy_site[0].answers.first().lawyer
    with django_assert_max_num_queries(5):
        assert client.get(lawyer.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("answers", [2, 6])
def test_question_page_with_citations_in_every_text(
    client: Client, answers: int, django_assert_max_num_queries
) -> None:
    """Citations in the question's and every answer's text are resolved together: + the names
    of the laws (two queries) and the cited articles (one), however many answers cite."""
    question = make_question(body="公司违反个保法第13条，又触犯刑法第二百五十三条之一怎么办？")
    for n in range(answers):
        make_answer(question=question, body=f"依照民法典第{1165 + n}条和劳动合同法第三十八条处理。")
    with django_assert_max_num_queries(21 + 3):
        page = client.get(question.get_absolute_url())
    assert page.content.decode().count('class="citation"') == 2 + 2 * answers
