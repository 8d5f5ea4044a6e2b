"""Similar questions while asking: a small JSON endpoint the ask page's script reads."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import make_answer, make_question

pytestmark = pytest.mark.django_db

URL = reverse("consult:search-suggestions")


def suggest(client: Client, q: str) -> list[dict]:
    response = client.get(URL, {"q": q})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    return response.json()["results"]


def test_it_lists_up_to_five_similar_questions_best_first(client: Client) -> None:
    best = make_question(title="房东不退押金怎么办？")
    make_answer(question=best)
    for n in range(6):
        make_question(title=f"押金的事情{n}？")
    results = suggest(client, "房东扣着押金不退")
    assert len(results) == 5
    assert results[0] == {
        "id": best.pk,
        "title": "房东不退押金怎么办？",
        "url": best.get_absolute_url(),
        "answer_count": 1,
    }


def test_hidden_questions_are_never_suggested(client: Client) -> None:
    make_question(title="房东不退押金怎么办？", is_hidden=True)
    assert suggest(client, "押金不退") == []


@pytest.mark.parametrize("q", ["", "押", "😀😀", "长" * 5000, "押金\x00不退", "& | !"])
def test_short_empty_or_odd_text_gets_no_suggestions_and_no_error(client: Client, q: str) -> None:
    make_question(title="房东不退押金怎么办？")
    assert suggest(client, q) == []


def test_a_title_is_sent_back_as_data_not_markup(client: Client) -> None:
    make_question(title="<img src=x onerror=alert(1)>押金？")
    response = client.get(URL, {"q": "押金问题"})
    assert response.json()["results"][0]["title"] == "<img src=x onerror=alert(1)>押金？"


def test_the_ask_page_brings_the_script_and_works_without_it(client: Client, alice) -> None:
    client.force_login(alice)
    page = client.get(reverse("consult:question-create")).content.decode()
    assert "js/similar-questions.js" in page
    assert f'data-similar-url="{URL}"' in page
