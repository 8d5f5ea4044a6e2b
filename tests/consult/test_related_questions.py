"""相关问题: curated links first in their order, then computed ones by a documented score that
counts shared articles, the category and the question's key terms found by full-text search."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from consult import related
from consult.models import Question, RelatedLink, RelatedList
from consult.related import key_terms, related_questions, related_score
from consult.services import answers as answer_services
from consult.services import questions as question_services
from consult.services.moderation import set_hidden
from tests.factories import article, make_answer, make_category, make_lawyer, make_question

pytestmark = pytest.mark.django_db


def test_curated_links_come_first_in_their_order() -> None:
    labor = make_category("劳动纠纷")
    question = make_question(category=labor, title="加班费怎么计算？")
    same_category = make_question(category=labor, title="加班费的计算基数？")
    curated_b = make_question(title="无关问题乙？")
    curated_a = make_question(title="无关问题甲？")
    RelatedLink.objects.create(from_question=question, to_question=curated_a, position=0)
    RelatedLink.objects.create(from_question=question, to_question=curated_b, position=1)
    assert related_questions(question)[:3] == [curated_a, curated_b, same_category]


def test_the_question_itself_and_hidden_ones_are_excluded() -> None:
    labor = make_category("劳动纠纷")
    question = make_question(category=labor)
    hidden = make_question(category=labor, is_hidden=True)
    hidden_curated = make_question(is_hidden=True)
    RelatedLink.objects.create(from_question=question, to_question=hidden_curated)
    found = related_questions(question)
    assert question not in found and hidden not in found and hidden_curated not in found


def test_no_question_appears_twice() -> None:
    labor = make_category("劳动纠纷")
    question = make_question(category=labor, title="加班费怎么算？")
    both = make_question(category=labor, title="加班费怎么算才对？")
    RelatedLink.objects.create(from_question=question, to_question=both)
    found = related_questions(question)
    assert found.count(both) == 1


def test_shared_cited_articles_outrank_a_shared_category() -> None:
    labor = make_category("劳动纠纷")
    cited = article("criminal-law", 253, 1)
    question = make_question(category=labor, title="员工泄露客户资料？", cites=[cited])
    same_category = make_question(category=labor, title="年假怎么休？")
    shares_article = make_question(title="买卖手机号码犯罪吗？")
    make_answer(question=shares_article, cites=[cited])
    found = related_questions(question)
    assert found.index(shares_article) < found.index(same_category)


def test_text_finds_a_question_about_the_same_thing_in_another_category() -> None:
    question = make_question(category=make_category("房产"), title="房东不退押金怎么办？")
    alike = make_question(
        category=make_category("合同"), title="租房押金被扣", body="退租时房东不退押金。"
    )
    make_question(category=make_category("刑事"), title="盗窃罪怎么判？")
    assert related_questions(question) == [alike]


def test_text_counts_by_meaning_not_by_characters() -> None:
    question = make_question(category=make_category("执行"), title="老赖不还钱能怎么办？")
    legal = make_question(
        category=make_category("借贷"), title="对方成了失信被执行人还能要回钱吗？"
    )
    assert related_questions(question)[0] == legal


def test_unrelated_questions_are_not_shown() -> None:
    question = make_question(category=make_category("刑事"), title="盗窃罪怎么判？")
    make_question(category=make_category("婚姻家庭"), title="离婚孩子归谁？")
    assert related_questions(question) == []


def test_ties_go_to_the_newer_question() -> None:
    labor = make_category("劳动纠纷")
    question = make_question(category=labor, title="甲？")
    older = make_question(category=labor, title="乙？")
    newer = make_question(category=labor, title="丙？")
    assert related_questions(question) == [newer, older]


def test_the_limit_is_respected() -> None:
    labor = make_category("劳动纠纷")
    question = make_question(category=labor)
    for _ in range(12):
        make_question(category=labor)
    assert len(related_questions(question)) == related.RELATED_LIMIT


def test_the_score_adds_its_documented_parts() -> None:
    assert related_score(same_category=True, shared_articles=2, shared_terms=3) == 2 + 6 + 3


def test_key_terms_leave_out_question_words() -> None:
    assert key_terms("什么是加班费？怎么算？", "不给加班费，也不签劳动合同。") == [
        "加班费",
        "劳动合同",
    ]


# ---------------------------------------------------------------------------------------------
# The computed list is stored, and forgotten by every write that changes it (and computed again
# when that write commits).


def cached(question) -> list[int] | None:
    return RelatedList.objects.filter(question=question).values_list("ids", flat=True).first()


@pytest.fixture
def pair():
    labor = make_category("劳动纠纷")
    question = make_question(category=labor, title="加班费怎么算？")
    other = make_question(category=labor, title="加班费基数？")
    assert related_questions(question) == [other]
    assert cached(question) == [other.pk]
    return question, other


def test_a_cached_list_is_served_without_recomputing(pair, django_assert_num_queries) -> None:
    question, other = pair
    # Loaded as the page loads it, the stored list with the question.
    question = Question.objects.select_related("related_list").get(pk=question.pk)
    with django_assert_num_queries(1):  # the questions by id, visible ones only
        assert related_questions(question) == [other]


def test_a_write_computes_the_list_again_when_it_commits(
    pair, django_capture_on_commit_callbacks
) -> None:
    question, other = pair
    with django_capture_on_commit_callbacks(execute=True):
        question_services.question_update(
            question=question,
            by=question.author,
            title="加班费的计算基数是多少？",
            body=question.body,
            category=question.category,
            is_anonymous=False,
        )
        assert cached(question) is None
    assert cached(question) == [other.pk]


def test_a_question_page_reads_the_stored_list_without_computing_it(
    pair, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    question, other = pair

    def not_again(*args: object, **kwargs: object) -> list[int]:
        raise AssertionError("computed again on a page view")

    monkeypatch.setattr(related, "computed_ids", not_again)
    assert other.title in client.get(question.get_absolute_url()).content.decode()


def test_a_list_older_than_the_refresh_age_is_computed_again(pair) -> None:
    question, _ = pair
    newer = make_question(category=question.category, title="加班费的基数怎么定？")
    RelatedList.objects.filter(question=question).update(
        computed_at=timezone.now() - related.REFRESH_AFTER - timedelta(minutes=1)
    )
    question = Question.objects.select_related("related_list").get(pk=question.pk)
    assert newer in related_questions(question)


def test_a_question_hidden_after_caching_never_shows(pair, admin_user) -> None:
    question, other = pair
    set_hidden([other], hidden=True, by=admin_user)
    assert related_questions(question) == []


def test_editing_the_question_forgets_its_list(pair) -> None:
    question, _ = pair
    question_services.question_update(
        question=question,
        by=question.author,
        title="工伤怎么认定？",
        body=question.body,
        category=question.category,
        is_anonymous=False,
    )
    assert cached(question) is None


def test_an_answer_created_edited_or_hidden_forgets_the_list(pair, admin_user) -> None:
    question, _ = pair
    lawyer = make_lawyer()
    answer = answer_services.answer_create(
        question=question, by=lawyer.user, body="依照劳动法规定计算加班费。" * 2
    )
    assert cached(question) is None
    related_questions(question)
    answer_services.answer_update(
        answer=answer, by=lawyer.user, body="依照劳动合同法规定计算。" * 3
    )
    assert cached(question) is None
    related_questions(question)
    set_hidden([answer], hidden=True, by=admin_user)
    assert cached(question) is None


def test_a_curated_link_added_in_the_admin_forgets_the_list(pair, admin_client: Client) -> None:
    question, _ = pair
    target = make_question(title="别的问题？")
    response = admin_client.post(
        reverse("admin:consult_relatedlink_add"),
        {"from_question": question.pk, "to_question": target.pk, "position": 0},
    )
    assert response.status_code == 302
    assert cached(question) is None
    assert related_questions(question)[0] == target


def test_a_curated_link_deleted_in_the_admin_forgets_the_list(pair, admin_client: Client) -> None:
    question, _ = pair
    link = RelatedLink.objects.create(from_question=question, to_question=make_question())
    related.forget(question.pk)
    related_questions(question)
    response = admin_client.post(
        reverse("admin:consult_relatedlink_delete", args=[link.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert cached(question) is None
