"""相关问题: curated links first in their order, then computed ones by a documented score."""

from __future__ import annotations

import pytest

from consult import selectors
from consult.models import RelatedLink
from consult.related import related_score, title_bigrams
from tests.factories import article, make_answer, make_category, make_question

pytestmark = pytest.mark.django_db


def test_curated_links_come_first_in_their_order() -> None:
    labor = make_category("劳动纠纷")
    question = make_question(category=labor, title="加班费怎么计算？")
    same_category = make_question(category=labor, title="加班费的计算基数？")
    curated_b = make_question(title="无关问题乙？")
    curated_a = make_question(title="无关问题甲？")
    RelatedLink.objects.create(from_question=question, to_question=curated_a, position=0)
    RelatedLink.objects.create(from_question=question, to_question=curated_b, position=1)
    related = selectors.related_questions(question)
    assert related[:3] == [curated_a, curated_b, same_category]


def test_the_question_itself_and_hidden_ones_are_excluded() -> None:
    labor = make_category("劳动纠纷")
    question = make_question(category=labor)
    hidden = make_question(category=labor, is_hidden=True)
    hidden_curated = make_question(is_hidden=True)
    RelatedLink.objects.create(from_question=question, to_question=hidden_curated)
    related = selectors.related_questions(question)
    assert question not in related
    assert hidden not in related
    assert hidden_curated not in related


def test_shared_cited_articles_outrank_a_shared_category() -> None:
    labor = make_category("劳动纠纷")
    cited = article("criminal-law", 253, 1)
    question = make_question(category=labor, title="员工泄露客户资料？", cites=[cited])
    same_category = make_question(category=labor, title="年假怎么休？")
    shares_article = make_question(title="买卖手机号码犯罪吗？")
    make_answer(question=shares_article, cites=[cited])
    related = selectors.related_questions(question)
    assert related.index(shares_article) < related.index(same_category)


def test_unrelated_questions_are_not_shown() -> None:
    question = make_question(category=make_category("刑事"), title="盗窃罪怎么判？")
    make_question(category=make_category("婚姻家庭"), title="离婚孩子归谁？")
    assert selectors.related_questions(question) == []


def test_the_limit_is_respected() -> None:
    labor = make_category("劳动纠纷")
    question = make_question(category=labor)
    for _ in range(12):
        make_question(category=labor)
    assert len(selectors.related_questions(question)) == selectors.RELATED_LIMIT


def test_the_score_adds_its_documented_parts() -> None:
    assert (
        related_score(same_category=True, shared_articles=2, title_a="加班费", title_b="加班")
        == 2 + 6 + 1
    )


def test_question_words_are_not_shared_topic() -> None:
    assert title_bigrams("什么是加班费？") & title_bigrams("什么是彩礼？") == set()
