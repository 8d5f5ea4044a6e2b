"""Result titles and snippets: matched words marked, everything else escaped."""

from __future__ import annotations

from search.density import cover_density
from search.highlight import highlight, snippet


def test_matched_words_are_marked() -> None:
    assert highlight("房东不退押金", ["押金"]) == "房东不退<mark>押金</mark>"


def test_the_longest_word_is_marked_whole() -> None:
    assert highlight("公民个人信息", ["个人", "个人信息"]) == "公民<mark>个人信息</mark>"


def test_hostile_text_around_and_inside_a_match_is_escaped() -> None:
    marked = highlight('<script>alert("押金")</script><img src=x onerror=1>', ["押金", "script"])
    assert "<script" not in marked and "<img" not in marked
    assert "&lt;<mark>script</mark>&gt;" in marked
    assert "<mark>押金</mark>" in marked


def test_a_word_that_looks_like_markup_is_escaped_too() -> None:
    assert highlight("a<b>c", ["<b>"]) == "a<mark>&lt;b&gt;</mark>c"


def test_the_snippet_starts_shortly_before_the_first_match() -> None:
    text = "开头的话。" * 30 + "房东扣着押金不退。" + "结尾。" * 30
    piece = snippet(text, ["押金"], length=40)
    assert piece.startswith("…") and piece.endswith("…")
    assert "<mark>押金</mark>" in piece


def test_a_snippet_without_a_match_is_the_start_of_the_text() -> None:
    assert snippet("短短的一句话", ["押金"]) == "短短的一句话"


def test_cover_density_prefers_words_that_stand_close() -> None:
    groups = [frozenset({"出售"}), frozenset({"个人信息"})]
    close = ["出售", "或者", "提供", "个人信息"]
    far = ("出售 " + "其他 " * 30 + "个人信息").split()
    assert cover_density(close, groups) > cover_density(far, groups) > 0


def test_cover_density_is_zero_when_a_group_is_missing() -> None:
    assert cover_density(["出售"], [frozenset({"出售"}), frozenset({"个人信息"})]) == 0.0
