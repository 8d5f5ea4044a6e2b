"""A changed text in the admin's edit history reads as a diff (pure, no database)."""

from __future__ import annotations

from portal.admin_history import text_diff_html


def test_a_removed_and_an_added_word_are_marked() -> None:
    assert text_diff_html("违反国家有关规定", "违反国家规定") == "违反国家<del>有关</del>规定"
    assert text_diff_html("处三年以下", "处七年以下") == "处<del>三</del><ins>七</ins>年以下"


def test_long_unchanged_text_is_shortened_around_the_change() -> None:
    before = "甲" * 100 + "乙" + "丙" * 100
    diff = text_diff_html(before, before.replace("乙", "丁"), context=5)
    assert diff == "…甲甲甲甲甲<del>乙</del><ins>丁</ins>丙丙丙丙丙…"


def test_unchanged_text_between_two_changes_keeps_both_ends() -> None:
    before = "一" + "中" * 50 + "二"
    diff = text_diff_html(before, "壹" + "中" * 50 + "贰", context=3)
    assert diff == "<del>一</del><ins>壹</ins>中中中…中中中<del>二</del><ins>贰</ins>"


def test_text_is_escaped() -> None:
    assert text_diff_html("<b>", "<i>") == "&lt;<del>b</del><ins>i</ins>&gt;"
