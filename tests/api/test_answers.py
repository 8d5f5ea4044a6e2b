"""questions/{id}/answers/: answering, editing, accepting, marking helpful."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.urls import reverse

from accounts.models import User
from consult.models import Answer, HelpfulMark, LawyerProfile
from tests.factories import article, make_answer, make_lawyer, make_question

pytestmark = pytest.mark.django_db


def answer_url(answer: Answer, name: str = "detail") -> str:
    return reverse(
        f"api:question-answer-{name}", kwargs={"question_pk": answer.question_id, "pk": answer.pk}
    )


def test_a_verified_lawyer_answers_citing_articles(
    client_for: Callable, verified_lawyer: LawyerProfile, alice: User
) -> None:
    question = make_question(author=alice)
    cited = [article("criminal-law", 253, 1), article("pi-crime-interpretation-2017", 5)]
    response = client_for(verified_lawyer.user).post(
        reverse("api:question-answer-list", args=[question.pk]),
        {
            "body": "根据刑法第二百五十三条之一，出售公民个人信息情节严重的构成犯罪……",
            "cited_articles": [a.pk for a in cited],
        },
        format="json",
    )
    assert response.status_code == 201, response.content.decode()
    data = response.json()
    assert data["lawyer"]["real_name"] == "韦律师"
    assert data["lawyer"]["helped_count"] == 1
    assert {a["id"] for a in data["cited_articles"]} == {a.pk for a in cited}
    answer = Answer.objects.get(pk=data["id"])
    assert set(answer.cited_articles.all()) == set(cited)


def test_a_lawyer_cannot_answer_their_own_question(
    client_for: Callable, verified_lawyer: LawyerProfile
) -> None:
    question = make_question(author=verified_lawyer.user)
    response = client_for(verified_lawyer.user).post(
        reverse("api:question-answer-list", args=[question.pk]), {"body": "自问自答。"}
    )
    assert response.status_code == 403


def test_a_revoked_lawyer_can_no_longer_answer(client_for: Callable) -> None:
    revoked = make_lawyer(status=LawyerProfile.Status.REVOKED)
    response = client_for(revoked.user).post(
        reverse("api:question-answer-list", args=[make_question().pk]), {"body": "回答。"}
    )
    assert response.status_code == 403


def test_the_answers_of_a_hidden_question_are_not_found(api, client_for, staff) -> None:
    answer = make_answer(question=make_question(is_hidden=True))
    url = reverse("api:question-answer-list", args=[answer.question_id])
    assert api.get(url).status_code == 404
    assert client_for(staff).get(url).status_code == 200


def test_a_hidden_answer_is_in_no_list_and_has_no_page(api) -> None:
    hidden = make_answer(is_hidden=True)
    listed = api.get(reverse("api:question-answer-list", args=[hidden.question_id])).json()
    assert listed == []
    assert api.get(answer_url(hidden)).status_code == 404


def test_an_answer_of_another_question_is_not_found_under_this_one(api) -> None:
    answer = make_answer()
    other = make_question()
    url = reverse("api:question-answer-detail", kwargs={"question_pk": other.pk, "pk": answer.pk})
    assert api.get(url).status_code == 404


def test_patch_keeps_the_citations_when_none_are_sent(client_for: Callable) -> None:
    cited = article("criminal-law", 253, 1)
    answer = make_answer(cites=[cited])
    response = client_for(answer.lawyer.user).patch(
        answer_url(answer),
        {"body": "补充后的回答：建议先固定证据，再向公安机关报案。"},
        format="json",
    )
    assert response.status_code == 200, response.content.decode()
    answer.refresh_from_db()
    assert answer.body == "补充后的回答：建议先固定证据，再向公安机关报案。"
    assert list(answer.cited_articles.all()) == [cited]


def test_accepting_another_answer_moves_the_mark(client_for: Callable, alice: User) -> None:
    question = make_question(author=alice)
    first = make_answer(question=question, is_accepted=True)
    second = make_answer(question=question)
    response = client_for(alice).post(answer_url(second, "accept"))
    assert response.status_code == 200, response.content.decode()
    assert response.json()["is_accepted"] is True
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.is_accepted, second.is_accepted) == (False, True)


def test_accepting_the_accepted_answer_again_says_so(client_for: Callable, alice: User) -> None:
    answer = make_answer(question=make_question(author=alice), is_accepted=True)
    response = client_for(alice).post(answer_url(answer, "accept"))
    assert response.status_code == 403
    assert response.json()["detail"] == "这条回答已经被采纳了。"


def test_a_user_marks_an_answer_helpful_once(client_for: Callable, bob: User) -> None:
    answer = make_answer()
    client = client_for(bob)
    first = client.post(answer_url(answer, "helpful"))
    assert first.status_code == 201
    assert first.json() == {"answer": answer.pk, "helpful_count": 1}
    again = client.post(answer_url(answer, "helpful"))
    assert again.status_code == 400
    assert again.json() == {"non_field_errors": ["您已经标记过这条回答有帮助。"]}
    assert HelpfulMark.objects.filter(answer=answer).count() == 1
    shown = client.get(answer_url(answer)).json()
    assert (shown["helpful_count"], shown["marked_helpful"]) == (1, True)


def test_the_lawyer_card_never_shows_the_licence_or_the_account(api) -> None:
    answer = make_answer()
    body = api.get(reverse("api:question-answer-list", args=[answer.question_id])).content
    assert answer.lawyer.license_number.encode() not in body
    assert answer.lawyer.user.username.encode() not in body
    assert b"@example.com" not in body
