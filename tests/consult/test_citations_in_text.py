"""Statute citations written in the text of questions and answers: linked to their article (and
款/项), the cited words shown on hover and focus, stale versions flagged, stored as citations."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from consult.models import Answer, AnswerCitation, Question, QuestionCitation
from consult.services import answers as answer_services
from statutes.models import LawAlias
from tests.factories import article, make_answer, make_question
from tests.matching import must_search

pytestmark = pytest.mark.django_db

BODY = "根据《刑法》第二百五十三条之一第一款，出售公民个人信息情节严重的构成犯罪。"


def page_of(client: Client, question: Question) -> str:
    response = client.get(question.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_a_citation_in_an_answer_links_to_the_article_and_its_paragraph(client: Client) -> None:
    answer = make_answer(body=BODY)
    page = page_of(client, answer.question)
    link = re.search(
        r'<a href="/statutes/criminal-law/253-1/#p1" aria-describedby="(cite-\d+)">'
        r"《刑法》第二百五十三条之一第一款</a>",
        page,
    )
    assert link, page
    # The first 款's words, on hover and on keyboard focus, tied to the link for screen readers.
    tooltip = must_search(rf'id="{link.group(1)}">([^<]*)</span>', page).group(1)
    assert tooltip.startswith("《中华人民共和国刑法》第二百五十三条之一第一款：违反国家有关规定")
    assert Answer.objects.get().body == BODY  # the stored text is unchanged


def test_an_item_is_linked_to_its_anchor_after_the_interpretation_was_named(client: Client) -> None:
    body = "法释〔2017〕10号对情节严重作了细化，《解释》第五条第一款第三项规定了五十条以上的标准。"
    page = page_of(client, make_answer(body=body).question)
    assert 'href="/statutes/pi-crime-interpretation-2017/5/#p1-i3"' in page
    assert "第五条第一款第三项：（三）非法获取、出售或者提供行踪轨迹信息" in page


def test_a_question_body_is_linked_too_and_keeps_its_paragraphs(client: Client) -> None:
    question = make_question(body="第一段：个保法第13条怎么理解？\n\n第二段：民法典第1165条呢？")
    page = page_of(client, question)
    assert 'href="/statutes/personal-information-protection-law/13/"' in page
    assert 'href="/statutes/civil-code/1165/"' in page
    assert page.count('<div class="question-body"><p>') == 1
    assert "</p>\n\n<p>第二段：" in page


@pytest.mark.parametrize(
    "body",
    [
        "<script>alert(1)</script>刑法第二百五十三条之一<img src=x onerror=alert(2)>，请问怎么判？",
        '刑法第二百五十三条之一"><script>alert(1)</script>，以及 &lt;b&gt; 这样的字。',
        "<a href='javascript:alert(1)'>刑法第二百五十三条之一</a> 这是链接吗？",
    ],
)
def test_hostile_text_around_a_citation_stays_text(client: Client, body: str) -> None:
    page = page_of(client, make_question(body=body))
    page = must_search(r'<div class="question-body">(.*?)</div>', page, re.S).group(1)
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert "href='javascript" not in page
    assert "&lt;" in page
    assert 'href="/statutes/criminal-law/253-1/"' in page


def test_unresolvable_and_nonexistent_citations_stay_plain(client: Client) -> None:
    question = make_question(body="第五条怎么说？刑法第九百条又怎么说？某某法第三条呢？")
    page = page_of(client, question)
    body = must_search(r'<div class="question-body">(.*?)</div>', page, re.S).group(1)
    assert "<a " not in body
    assert "刑法第九百条" in body
    assert not QuestionCitation.objects.filter(question=question).exists()


def test_a_citation_of_an_amended_version_shows_the_current_article(client: Client) -> None:
    answer = make_answer(body="网络运营者应当履行网络安全法第二十一条规定的等级保护义务。")
    written = timezone.make_aware(datetime.datetime(2024, 3, 1, 10))
    Answer.objects.filter(pk=answer.pk).update(created_at=written)
    call_command("detect_citations", stdout=open("/dev/null", "w"))  # noqa: SIM115
    page = page_of(client, answer.question)
    # Written in 2024, the answer cites the 2016 text, which was amended since.
    assert 'href="/statutes/cybersecurity-law/versions/cybersecurity-law-2016/21/"' in page
    assert "该条文已于2025年10月28日修改，现行规定见" in page
    assert (
        '<a href="/statutes/cybersecurity-law/21/">《中华人民共和国网络安全法》第二十一条</a>'
        in page
    )
    cited = AnswerCitation.objects.get(answer=answer)
    assert cited.detected and cited.article.version.slug == "cybersecurity-law-2016"


def test_a_citation_of_the_version_in_force_has_no_notice(client: Client) -> None:
    page = page_of(
        client, make_answer(body="网络运营者应当履行网络安全法第二十一条规定的义务。").question
    )
    assert 'href="/statutes/cybersecurity-law/21/"' in page
    assert "该条文已于" not in page


def test_the_article_page_lists_a_question_citing_it_only_in_text(client: Client) -> None:
    make_question(title="只在正文里引用的问题？", body="请问个保法第二十八条的敏感信息包括什么？")
    make_answer(question=make_question(title="回答正文引用的问题？"), body="见个保法第二十八条。")
    page = client.get(article("personal-information-protection-law", 28).get_absolute_url())
    assert "只在正文里引用的问题？" in page.content.decode()
    assert "回答正文引用的问题？" in page.content.decode()


def test_the_api_cites_filter_includes_citations_in_text() -> None:
    cited = article("civil-code", 1165)
    make_question(title="正文引用？", body="民法典第1165条规定的过错责任怎么适用？")
    make_answer(
        question=make_question(title="回答正文引用？"), body="依照民法典第一千一百六十五条处理。"
    )
    make_question(title="没有引用？")
    response = APIClient().get(reverse("api:question-list"), {"cites": cited.pk})
    assert [row["title"] for row in response.json()["results"]] == ["回答正文引用？", "正文引用？"]


def test_editing_keeps_typed_and_detected_citations_apart(client: Client, vera) -> None:
    lawyer = vera
    typed = article("criminal-law", 253, 1)
    answer = make_answer(
        lawyer=lawyer, cites=[typed], body="另见个保法第十条和刑法第二百五十三条之一。"
    )
    rows = dict(
        AnswerCitation.objects.filter(answer=answer).values_list("article__number", "detected")
    )
    assert rows == {253: False, 10: True}  # typed wins where both name an article
    client.force_login(lawyer.user)
    form = client.get(reverse("consult:answer-edit", args=[answer.pk])).content.decode()
    assert "个人信息保护法" not in must_search(
        r'name="cited_articles"[^>]*>(.*?)</textarea>', form, re.S
    ).group(1)
    answer_services.answer_update(
        answer=answer,
        by=lawyer.user,
        body="改为引用个保法第十三条，并详细说明其中的理由。",
        cited_articles=[typed],
    )
    rows = dict(
        AnswerCitation.objects.filter(answer=answer).values_list("article__number", "detected")
    )
    assert rows == {253: False, 13: True}


def test_asking_with_a_citation_in_the_body_stores_it(client: Client, alice) -> None:
    from consult.services.questions import question_create, question_update
    from tests.factories import make_category

    question = question_create(
        author=alice,
        title="个保法的问题？",
        body="公司违反个保法第13条收集我的信息怎么办？",
        category=make_category(),
    )
    assert list(question.cited_articles.values_list("number", flat=True)) == [13]
    question_update(
        question=question,
        by=alice,
        title=question.title,
        body="改成问民法典第1165条的事情。",
        category=question.category,
        is_anonymous=False,
    )
    assert list(question.cited_articles.values_list("number", flat=True)) == [1165]


def test_detecting_stored_texts_is_idempotent() -> None:
    question = make_question(body="刑法第二百五十三条之一怎么理解？")
    QuestionCitation.objects.filter(question=question).delete()  # saved before detection existed
    call_command("detect_citations", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("detect_citations", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert list(question.cited_articles.values_list("number", flat=True)) == [253]


def test_an_alias_curated_in_the_admin_is_read_in_text(admin_client: Client) -> None:
    law = article("labor-contract-law", 38).version.law
    response = admin_client.post(
        reverse("admin:statutes_lawalias_add"), {"law": law.pk, "alias": "劳动合同法律"}
    )
    assert response.status_code == 302
    assert LawAlias.objects.filter(alias="劳动合同法律", law=law).exists()
    question = make_question(body="公司欠薪，劳动合同法律第三十八条能用吗？")
    assert 'href="/statutes/labor-contract-law/38/"' in page_of(Client(), question)
    assert (
        admin_client.get(reverse("admin:statutes_lawalias_changelist") + "?q=个保法").status_code
        == 200
    )


def test_the_shipped_aliases_are_loaded_with_the_laws() -> None:
    assert LawAlias.objects.get(alias="个保法").law.slug == "personal-information-protection-law"
    assert LawAlias.objects.get(alias="刑诉法").law.slug == "criminal-procedure-law"
