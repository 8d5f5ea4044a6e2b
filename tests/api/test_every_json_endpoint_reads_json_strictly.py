"""Every JSON endpoint reads its body with the one strict reader (portal.strict_json): what
the assessment refuses, asking a question refuses too, in the same words."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from portal.strict_json import load_json
from tests.factories import make_category, make_user

pytestmark = pytest.mark.django_db

BODIES = [
    ("NaN", '{"title": "离婚时彩礼要退吗？", "is_anonymous": NaN}'),
    ("Infinity", '{"title": "离婚时彩礼要退吗？", "is_anonymous": Infinity}'),
    ("nested too deep", "[" * 100_000 + "]" * 100_000),
    ("truncated", '{"title": "离婚时'),
]


def _reader_says(body: str) -> str:
    with pytest.raises(ValueError) as refused:
        load_json(body)
    return str(refused.value)


@pytest.mark.parametrize(("kind", "body"), BODIES, ids=[kind for kind, _ in BODIES])
def test_asking_and_assessing_refuse_bad_json_in_the_same_words(kind: str, body: str) -> None:
    make_category(slug="family")
    client = APIClient()
    client.force_login(make_user())
    asked = client.post(reverse("api:question-list"), body, content_type="application/json")
    assessed = client.post(reverse("api-assessment"), body, content_type="application/json")
    assert (asked.status_code, assessed.status_code) == (400, 400)
    message = _reader_says(body)
    assert asked.json() == {"detail": message}
    assert assessed.json() == {"non_field_errors": [message]}
