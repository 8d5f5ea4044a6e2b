"""Question pages carry schema.org QAPage JSON-LD, article pages Legislation JSON-LD; both
validate against the documented fields, say only what the page shows, and user text can't
break out of the script element."""

from __future__ import annotations

import pytest
from django.test import Client

from statutes.models import Article, LawVersion
from tests.factories import (
    article,
    make_answer,
    make_helpful_mark,
    make_lawyer,
    make_question,
    make_user,
)
from tests.seo.conftest import SITE, json_ld
from tests.seo.schema_org import validate

pytestmark = pytest.mark.django_db


def qa_page(client: Client, question) -> dict:
    [data] = json_ld(client.get(question.get_absolute_url()))
    validate(data, SITE)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "QAPage"
    return data["mainEntity"]


def test_a_question_with_answers_is_a_valid_qa_page(client: Client, bob) -> None:
    question = make_question(title="试用期被辞退怎么办？", body="入职两个月被通知不用来了。")
    zhang, li = make_lawyer(real_name="张凯"), make_lawyer(real_name="李明远")
    accepted = make_answer(question=question, lawyer=zhang, is_accepted=True)
    other = make_answer(question=question, lawyer=li)
    make_answer(question=question, is_hidden=True, hidden_reason="违规")
    make_helpful_mark(other, bob)
    entity = qa_page(client, question)
    assert entity["name"] == "试用期被辞退怎么办？"
    assert entity["text"] == "入职两个月被通知不用来了。"
    assert entity["answerCount"] == 2
    assert entity["author"] == {"@type": "Person", "name": question.author.public_name}
    assert entity["acceptedAnswer"]["url"] == SITE + accepted.get_absolute_url()
    assert entity["acceptedAnswer"]["author"]["name"] == "张凯"
    assert entity["acceptedAnswer"]["author"]["url"] == SITE + zhang.get_absolute_url()
    [suggested] = entity["suggestedAnswer"]
    assert suggested["url"] == SITE + other.get_absolute_url()
    assert suggested["upvoteCount"] == 1


def test_an_unanswered_question_says_it_has_no_answers(client: Client) -> None:
    entity = qa_page(client, make_question())
    assert entity["answerCount"] == 0
    assert "acceptedAnswer" not in entity and "suggestedAnswer" not in entity


def test_an_anonymous_asker_is_only_ever_匿名用户(client: Client) -> None:
    asker = make_user("zhou-private", first_name="伟", last_name="周")
    question = make_question(author=asker, is_anonymous=True)
    make_answer(question=question)
    response = client.get(question.get_absolute_url())
    [data] = json_ld(response)
    assert data["mainEntity"]["author"] == {"@type": "Person", "name": "匿名用户"}
    assert "zhou-private" not in response.content.decode()
    assert "周伟" not in response.content.decode()


def test_a_hostile_title_cannot_close_the_script_element(client: Client) -> None:
    title = "</script><script>alert('x')</script><!--"
    body = "正文里也有 </SCRIPT> 和 & 符号。"
    question = make_question(title=title, body=body)
    html = client.get(question.get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    assert html.count("</script>") == html.count("<script")  # no element closed early
    entity = qa_page(client, question)
    assert (entity["name"], entity["text"]) == (title, body)


def test_a_hidden_question_shown_to_staff_has_no_structured_data(admin_client: Client) -> None:
    question = make_question(is_hidden=True, hidden_reason="广告")
    assert json_ld(admin_client.get(question.get_absolute_url())) == []


def test_an_article_in_force_is_valid_legislation(client: Client) -> None:
    [data] = json_ld(client.get("/statutes/criminal-law/253-1/"))
    validate(data, SITE)
    assert data["@type"] == "Legislation"
    assert data["name"] == "《中华人民共和国刑法》第二百五十三条之一"
    assert data["text"] == article("criminal-law", 253, 1).text
    assert data["url"] == f"{SITE}/statutes/criminal-law/253-1/"
    assert data["legislationLegalForce"] == "https://schema.org/InForce"
    law = data["isPartOf"]
    assert law["@type"] == "Legislation"
    assert law["name"] == "中华人民共和国刑法"
    assert law["url"] == f"{SITE}/statutes/criminal-law/"
    assert law["legislationType"] == "法律"


def test_an_article_of_an_amended_version_is_no_longer_in_force(client: Client) -> None:
    old = (
        Article.objects.with_law()
        .filter(version__status=LawVersion.Status.AMENDED)
        .order_by("pk")
        .first()
    )
    assert old is not None
    [data] = json_ld(client.get(old.get_absolute_url()))
    validate(data, SITE)
    assert data["legislationLegalForce"] == "https://schema.org/NotInForce"
    assert data["isPartOf"]["url"] == SITE + old.version.get_absolute_url()


def test_the_interpretation_names_its_document_number(client: Client) -> None:
    [data] = json_ld(client.get("/statutes/pi-crime-interpretation-2017/5/"))
    validate(data, SITE)
    assert data["isPartOf"]["legislationIdentifier"] == "法释〔2017〕10号"
