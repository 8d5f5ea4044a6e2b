"""Provision strings of the result become links to the statute pages."""

from __future__ import annotations

import pytest

from statutes.templatetags.assessment_tags import bar_groups, provision_link, provision_url


@pytest.mark.parametrize(
    ("provision", "url"),
    [
        ("解释第五条第一款第三项", "/statutes/pi-crime-interpretation-2017/5/#p1-i3"),
        ("解释第五条第二款", "/statutes/pi-crime-interpretation-2017/5/#p2"),
        ("解释第十条", "/statutes/pi-crime-interpretation-2017/10/"),
        ("刑法第二百五十三条之一第一款", "/statutes/criminal-law/253-1/#p1"),
        ("刑法第二百五十三条之一", "/statutes/criminal-law/253-1/"),
    ],
)
def test_a_provision_links_to_its_article_and_anchor(provision: str, url: str) -> None:
    assert provision_url(provision) == url


@pytest.mark.parametrize("provision", ["", "民法典第一条", "解释第九十九条", "解释第五条第三项"])
def test_anything_else_has_no_link_and_stays_plain_text(provision: str) -> None:
    assert provision_url(provision) == ""
    assert provision_link(provision) == provision


def test_plain_text_is_escaped() -> None:
    assert provision_link("<b>") == "&lt;b&gt;"


def test_bars_are_grouped_by_stage_and_empty_stages_are_left_out() -> None:
    bars = [{"key": "a", "stage": "serious"}, {"key": "b", "stage": "especially_serious"}]
    assert [group["stage"] for group in bar_groups(bars)] == ["serious", "especially_serious"]
    assert bar_groups(bars[:1]) == [{"stage": "serious", "bars": bars[:1]}]
    assert bar_groups([]) == []
