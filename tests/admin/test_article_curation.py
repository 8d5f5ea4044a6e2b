"""Curating statute text: search by law and number, every edit kept, an earlier text restorable."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import article

pytestmark = pytest.mark.django_db


def search(client: Client, query: str) -> list:
    response = client.get(reverse("admin:statutes_article_changelist"), {"q": query})
    return list(response.context["cl"].result_list)


def test_articles_are_found_by_law_and_number(admin_client: Client) -> None:
    found = search(admin_client, "中华人民共和国刑法 253")
    assert {a.label for a in found} == {"第二百五十三条", "第二百五十三条之一"}


def test_articles_are_found_by_their_label(admin_client: Client) -> None:
    found = search(admin_client, "第二百五十三条之一")
    assert article("criminal-law", 253, 1) in found


def edit(client: Client, obj, text: str):
    url = reverse("admin:statutes_article_change", args=[obj.pk])
    return client.post(
        url,
        {
            "label": obj.label,
            "number": obj.number,
            "suffix": obj.suffix,
            "part": obj.part,
            "subpart": obj.subpart,
            "chapter": obj.chapter,
            "section": obj.section,
            "text": text,
            "change_reason": "校对",
        },
    )


def test_an_edit_is_kept_in_the_history_with_who(admin_client: Client, admin_user) -> None:
    target = article("criminal-law", 253, 1)
    original = target.text
    response = edit(admin_client, target, original + "\n（管理员校对）")
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.text.endswith("（管理员校对）")
    newest, previous = target.history.all()[:2]
    assert newest.history_user == admin_user
    assert previous.text == original
    history_page = admin_client.get(reverse("admin:statutes_article_history", args=[target.pk]))
    assert admin_user.username in history_page.content.decode()


def test_an_earlier_text_can_be_restored(admin_client: Client) -> None:
    target = article("criminal-law", 253, 1)
    original = target.text
    edit(admin_client, target, "错误的文本")
    earlier = target.history.get(text=original, history_type="+")
    url = reverse("admin:statutes_article_simple_history", args=[target.pk, earlier.history_id])
    assert admin_client.get(url).status_code == 200
    response = edit(admin_client, target, original)  # the revert form posts the old values
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.text == original
    assert target.history.count() == 3


def test_an_empty_text_is_refused_with_an_error(admin_client: Client) -> None:
    target = article("criminal-law", 1)
    response = edit(admin_client, target, "")
    assert response.status_code == 200
    assert "该字段是必填项" in response.content.decode()
    target.refresh_from_db()
    assert target.text


def test_articles_cannot_be_added_or_deleted_in_the_admin(admin_client: Client) -> None:
    target = article("criminal-law", 1)
    assert admin_client.get(reverse("admin:statutes_article_add")).status_code == 403
    assert (
        admin_client.get(reverse("admin:statutes_article_delete", args=[target.pk])).status_code
        == 403
    )
