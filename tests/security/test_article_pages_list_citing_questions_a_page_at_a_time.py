"""Anyone signed in may ask a question citing an article, so an article's list of citing
questions has no natural bound: the page shows it a page at a time."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import article, make_category, make_question

pytestmark = pytest.mark.django_db


def test_the_article_page_shows_twenty_citing_questions_and_a_link_to_the_rest(
    client: Client,
) -> None:
    cited = article("criminal-law", 253, 1)
    category = make_category()
    for n in range(21):
        make_question(category=category, cites=[cited], title=f"第{n:02d}个引用本条的问题？")
    first = client.get(cited.get_absolute_url()).content.decode()
    assert first.count('class="question-row"') == 20
    assert 'href="?page=2" rel="next"' in first
    second = client.get(cited.get_absolute_url(), {"page": 2}).content.decode()
    assert second.count('class="question-row"') == 1
    assert "第00个引用本条的问题" in second
