"""Every write that changes what a question says changes what search finds, at once: asking,
editing, answering, editing an answer, hiding and unhiding it, in pages, API and admin."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from consult.models import QuestionSearchDocument
from consult.search import question_search
from consult.services import answers as answer_services
from consult.services import questions as question_services
from consult.services.moderation import set_hidden
from statutes.models import Article
from statutes.search import article_search
from statutes.services import article_update
from tests.factories import make_answer, make_category, make_lawyer, make_question, make_user

pytestmark = pytest.mark.django_db


def found(text: str) -> list[str]:
    return list(question_search(text).values_list("title", flat=True))


def test_an_asked_question_is_found(alice) -> None:
    question_services.question_create(
        author=alice,
        title="邻居装修噪音扰民怎么办？",
        body="每天早上七点就开始砸墙。",
        category=make_category(),
    )
    assert found("装修噪音") == ["邻居装修噪音扰民怎么办？"]


def test_an_edited_question_is_found_by_its_new_words_only(alice) -> None:
    question = make_question(author=alice, title="原来的标题说押金？")
    question_services.question_update(
        question=question,
        by=alice,
        title="现在说工伤认定？",
        body="工作时摔伤了腿，公司不认。",
        category=question.category,
        is_anonymous=False,
    )
    assert found("押金") == []
    assert found("工伤认定") == ["现在说工伤认定？"]


def test_an_answer_makes_its_words_findable_and_its_edit_replaces_them() -> None:
    question = make_question(title="这种情况怎么处理？")
    lawyer = make_lawyer()
    answer = answer_services.answer_create(
        question=question, by=lawyer.user, body="这属于民间借贷纠纷，可以凭借条起诉要求还款。"
    )
    assert found("民间借贷") == ["这种情况怎么处理？"]
    answer_services.answer_update(
        answer=answer, by=lawyer.user, body="这属于劳动争议，应当先申请劳动仲裁，再向法院起诉。"
    )
    assert found("民间借贷") == []
    assert found("劳动仲裁") == ["这种情况怎么处理？"]


def test_a_hidden_answer_leaves_the_index_and_comes_back_when_unhidden(admin_user) -> None:
    answer = make_answer(
        question=make_question(title="这种情况怎么处理？"),
        body="可以申请人身安全保护令，保护自己。",
    )
    set_hidden([answer], hidden=True, by=admin_user)
    assert found("人身安全保护令") == []
    set_hidden([answer], hidden=False, by=admin_user)
    assert found("人身安全保护令") == ["这种情况怎么处理？"]


def test_a_hidden_question_is_not_found_and_an_unhidden_one_is(admin_user) -> None:
    question = make_question(title="宅基地能卖给外村人吗？")
    set_hidden([question], hidden=True, by=admin_user)
    assert found("宅基地") == []
    set_hidden([question], hidden=False, by=admin_user)
    assert found("宅基地") == ["宅基地能卖给外村人吗？"]


def test_hiding_answers_in_the_admin_updates_the_index(admin_client: Client) -> None:
    answer = make_answer(
        question=make_question(title="怎么办？"), body="应当认定为工伤，申请工伤认定。"
    )
    admin_client.post(
        reverse("admin:consult_answer_changelist"),
        {"action": "hide_selected", "_selected_action": [answer.pk]},
    )
    assert found("工伤认定") == []


def test_editing_an_answer_in_the_admin_updates_the_index(admin_client: Client) -> None:
    answer = make_answer(
        question=make_question(title="怎么办？"), body="应当认定为工伤，申请工伤认定。"
    )
    url = reverse("admin:consult_answer_change", args=[answer.pk])
    response = admin_client.post(
        url,
        {
            "question": answer.question_id,
            "lawyer": answer.lawyer_id,
            "body": "可以主张经济补偿金，按在本单位的工作年限计算。",
            "hidden_reason": "",
            "answercitation_set-TOTAL_FORMS": "0",
            "answercitation_set-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert found("工伤认定") == []
    assert found("经济补偿金") == ["怎么办？"]


def test_asking_through_the_api_indexes_the_question(alice) -> None:
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(alice)
    category = make_category()
    response = client.post(
        reverse("api:question-list"),
        {
            "title": "试用期被辞退有补偿吗？",
            "body": "入职两个月，公司说我不符合录用条件。",
            "category": category.slug,
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert found("试用期辞退") == ["试用期被辞退有补偿吗？"]


def test_a_deleted_question_takes_its_document_with_it() -> None:
    question = make_question(title="押金问题？")
    question.delete()
    assert not QuestionSearchDocument.objects.exists()
    assert found("押金") == []


def test_a_curated_article_is_found_by_its_new_text(admin_user) -> None:
    article = Article.objects.current().get(version__law__slug="criminal-law", number=253, suffix=1)
    article_update(article=article, by=admin_user, text=article.text + "\n测试用的独特词语甲乙丙。")
    assert article_search("甲乙丙").first() == article


def test_the_relevance_index_counts_one_document_per_question() -> None:
    for _ in range(3):
        make_answer(question=make_question(title="押金问题？"), lawyer=make_lawyer())
    assert QuestionSearchDocument.objects.count() == 3
    assert make_user()  # a user alone has no document
    assert QuestionSearchDocument.objects.count() == 3
