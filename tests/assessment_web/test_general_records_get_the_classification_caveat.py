"""The caveat on records entered as 一般信息 (检例第140号) reaches people by every way in."""

from __future__ import annotations

import html

import pytest
from django.test import Client

from assessment.engine.caveats import CLASSIFICATION
from statutes.templatetags.assessment_tags import provision_url
from tests.assessment_web.ways import TOOL_URL, WAYS, form_data, via

pytestmark = pytest.mark.django_db

OWNER_LISTS = {"conduct": "purchase_for_business", "records": {"general": 3500}}
TRACK_ONLY = {"conduct": "obtain", "records": {"track": 60}}


@pytest.mark.parametrize("way", WAYS)
def test_every_way_in_gives_it_for_general_records_and_not_without(
    client: Client, way: str
) -> None:
    status, body = via(way, client, OWNER_LISTS)
    assert status == 200
    assert CLASSIFICATION in body["caveats"]
    status, body = via(way, client, TRACK_ONLY)
    assert status == 200
    assert CLASSIFICATION not in body["caveats"]


def test_the_tool_page_shows_it_among_the_caveats(client: Client) -> None:
    page = client.post(TOOL_URL, form_data(OWNER_LISTS)).content.decode()
    caveats = page.split('<ul class="caveats">', 1)[1].split("</ul>", 1)[0]
    assert html.escape(CLASSIFICATION) in caveats
    page = client.post(TOOL_URL, form_data(TRACK_ONLY)).content.decode()
    assert "检例第140号" not in page


@pytest.mark.parametrize(
    ("provision", "url"),
    [
        ("解释第五条第一款第三项", "/statutes/pi-crime-interpretation-2017/5/#p1-i3"),
        ("解释第五条第一款第四项", "/statutes/pi-crime-interpretation-2017/5/#p1-i4"),
        ("解释第六条", "/statutes/pi-crime-interpretation-2017/6/"),
    ],
)
def test_the_provisions_it_names_lead_to_their_article_pages(
    client: Client, provision: str, url: str
) -> None:
    assert provision in CLASSIFICATION
    assert provision_url(provision) == url
    path, _, anchor = url.partition("#")
    response = client.get(path)
    assert response.status_code == 200
    if anchor:
        assert f'id="{anchor}"' in response.content.decode()
