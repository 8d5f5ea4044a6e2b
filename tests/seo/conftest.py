from __future__ import annotations

import json
import re
from xml.etree import ElementTree

import pytest

SITE = "https://fa.example.cn"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(autouse=True)
def site_url(settings) -> str:
    """The public address differs from the test client's Host (testserver): every absolute URL
    must come from SITE_URL."""
    settings.SITE_URL = SITE
    return SITE


def xml(response) -> ElementTree.Element:
    return ElementTree.fromstring(response.content)  # noqa: S314 (our own output)


def found(element: ElementTree.Element, path: str) -> ElementTree.Element:
    """The child at `path`, which must be there."""
    child = element.find(path)
    assert child is not None, path
    return child


def text(element: ElementTree.Element, path: str | None = None) -> str:
    """The text of the element (or of its child at `path`), which must have some."""
    if path is not None:
        element = found(element, path)
    assert element.text is not None
    return element.text


def sitemap_locations(response) -> list[str]:
    return [text(loc) for loc in xml(response).iter(f"{SITEMAP}loc")]


def json_ld(response) -> list[dict]:
    html = response.content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]
