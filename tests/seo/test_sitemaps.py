"""sitemap.xml: an index of sections split into chunks of at most 50,000 URLs, on SITE_URL,
listing only what visitors may see, each URL with the date its page last changed."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.test import Client
from django.urls import reverse

from consult.models import Answer, LawyerProfile, Question
from consult.sitemaps import QuestionSitemap
from seo.sitemaps import MAX_URLS_PER_SITEMAP
from tests.factories import make_answer, make_category, make_lawyer, make_question
from tests.seo.conftest import SITE, SITEMAP, sitemap_locations, text, xml

pytestmark = pytest.mark.django_db


def section(name: str, page: int | None = None) -> str:
    url = reverse("seo:sitemap-section", kwargs={"section": name})
    return url if page is None else f"{url}?p={page}"


def lastmods(response) -> dict[str, str]:
    return {
        text(url, f"{SITEMAP}loc"): text(url, f"{SITEMAP}lastmod")
        for url in xml(response).iter(f"{SITEMAP}url")
    }


def test_the_index_lists_every_section_on_the_site_url(client: Client) -> None:
    response = client.get(reverse("seo:sitemap-index"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    assert sitemap_locations(response) == [
        f"{SITE}{section(name)}"
        for name in ("questions", "lawyers", "categories", "laws", "articles")
    ]
    assert b"testserver" not in response.content


def test_chunks_hold_at_most_the_protocols_50000_urls() -> None:
    assert QuestionSitemap.limit == MAX_URLS_PER_SITEMAP == 50_000


def test_questions_are_chunked_by_ranges_of_ids(client: Client, monkeypatch) -> None:
    monkeypatch.setattr(QuestionSitemap, "limit", 2)
    questions = [make_question() for _ in range(5)]
    index = sitemap_locations(client.get(reverse("seo:sitemap-index")))
    chunks = [url for url in index if "sitemap-questions" in url]
    highest = questions[-1].pk
    # ceil(highest id / 2): chunks below the first of these ids are empty (ids of rolled-back rows)
    assert len(chunks) == (highest + 1) // 2
    listed = []
    for url in chunks:
        urls = sitemap_locations(client.get(url.removeprefix(SITE)))
        assert len(urls) <= 2
        listed += urls
    assert listed == [f"{SITE}{question.get_absolute_url()}" for question in questions]


@pytest.mark.parametrize("page", ["0", "abc", "99999999999999999999999", "1.5"])
def test_a_chunk_that_does_not_exist_is_a_404(client: Client, page: str) -> None:
    make_question()
    assert client.get(f"{section('questions')}?p={page}").status_code == 404


def test_an_unknown_section_is_a_404(client: Client) -> None:
    assert client.get(section("users")).status_code == 404


def test_hidden_questions_are_never_listed(client: Client) -> None:
    shown = make_question()
    hidden = make_question(is_hidden=True, hidden_reason="广告")
    urls = sitemap_locations(client.get(section("questions")))
    assert f"{SITE}{shown.get_absolute_url()}" in urls
    assert f"{SITE}{hidden.get_absolute_url()}" not in urls


def test_a_questions_lastmod_is_its_latest_change_or_its_answers(client: Client) -> None:
    quiet, answered = make_question(), make_question()
    answer = make_answer(question=answered)
    Question.objects.filter(pk__in=[quiet.pk, answered.pk]).update(
        updated_at=datetime(2024, 3, 1, 4, tzinfo=UTC)
    )
    Answer.objects.filter(pk=answer.pk).update(updated_at=datetime(2024, 5, 2, 4, tzinfo=UTC))
    dates = lastmods(client.get(section("questions")))
    assert dates[f"{SITE}{quiet.get_absolute_url()}"] == "2024-03-01T12:00:00+08:00"
    assert dates[f"{SITE}{answered.get_absolute_url()}"] == "2024-05-02T12:00:00+08:00"


def test_a_chunk_is_last_modified_when_its_newest_page_changed(client: Client) -> None:
    make_question()
    Question.objects.update(updated_at=datetime(2024, 3, 1, 4, tzinfo=UTC))
    response = client.get(section("questions"))
    assert response["Last-Modified"] == "Fri, 01 Mar 2024 04:00:00 GMT"


def test_a_chunk_costs_two_queries_however_many_questions_it_holds(
    client: Client, django_assert_num_queries
) -> None:
    for _ in range(3):
        make_answer(question=make_question())
    # MAX(id) for the number of chunks, then the chunk's rows with their answers' newest change
    with django_assert_num_queries(2):
        assert client.get(section("questions")).status_code == 200
    for _ in range(10):
        make_answer(question=make_question())
    with django_assert_num_queries(2):
        assert client.get(section("questions")).status_code == 200


def test_the_index_costs_one_query_per_section(client: Client, django_assert_num_queries) -> None:
    make_question()
    # MAX(id) of the questions; COUNT(*) of the four small tables (lawyers, categories, laws,
    # articles), which Django's paginator counts
    with django_assert_num_queries(5):
        assert client.get(reverse("seo:sitemap-index")).status_code == 200


def test_only_verified_lawyers_are_listed(client: Client) -> None:
    statuses = LawyerProfile.Status
    lawyers = {status: make_lawyer(status=status) for status in statuses.values}
    urls = sitemap_locations(client.get(section("lawyers")))
    assert urls == [f"{SITE}{lawyers[statuses.VERIFIED].get_absolute_url()}"]


def test_categories_are_listed_with_their_newest_question(client: Client) -> None:
    labor = make_category("劳动纠纷", slug="labor")
    question = make_question(category=labor)
    Question.objects.filter(pk=question.pk).update(created_at=datetime(2024, 6, 3, 4, tzinfo=UTC))
    dates = lastmods(client.get(section("categories")))
    assert dates[f"{SITE}{labor.get_absolute_url()}"] == "2024-06-03T12:00:00+08:00"


def test_laws_and_articles_in_force_are_listed(client: Client) -> None:
    laws = sitemap_locations(client.get(section("laws")))
    articles = sitemap_locations(client.get(section("articles")))
    assert f"{SITE}/statutes/criminal-law/" in laws
    assert f"{SITE}/statutes/criminal-law/253-1/" in articles
    assert not [url for url in articles if "/versions/" in url]
    assert len(articles) < MAX_URLS_PER_SITEMAP


def test_sitemaps_are_not_indexed_themselves(client: Client) -> None:
    assert "noindex" in client.get(section("laws"))["X-Robots-Tag"]
    assert "noindex" in client.get(reverse("seo:sitemap-index"))["X-Robots-Tag"]
