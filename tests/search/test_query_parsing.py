"""Reading a query the way people type it: no database needed."""

from __future__ import annotations

import pytest

from search.fulltext import fts5_text, tsquery_text
from search.query import MAX_WORDS, parse_query
from search.segmenter import MAX_QUERY_CHARS, document_words, normalize, query_words
from search.typos import corrections

SYNONYMS = {"老赖": ["失信被执行人"], "撞人跑了": ["交通肇事逃逸"], "定金": ["定金罚则"]}


def words_of(text: str) -> list[str]:
    return parse_query(text, SYNONYMS).words


def test_question_words_and_particles_are_dropped() -> None:
    assert words_of("同事倒卖客户电话要判刑吗") == ["同事", "倒卖", "客户", "电话", "判刑"]


def test_full_width_letters_and_digits_read_as_half_width() -> None:
    assert normalize("ＡＰＰ　２５３条") == "app 253条"


def test_invisible_and_control_characters_are_removed() -> None:
    assert normalize("押\u200b金\u202e不退\x00") == "押 金 不退"


def test_a_document_is_indexed_with_the_words_inside_its_long_words() -> None:
    words = document_words("向他人出售或者提供公民个人信息")
    assert {"公民个人信息", "个人信息", "公民", "信息", "出售"} <= set(words)


def test_a_vocabulary_word_is_found_where_the_segmenter_cut_across_it() -> None:
    assert "试用期" in document_words("在试用期间被证明不符合录用条件的")


def test_numbers_with_punctuation_are_split_into_their_runs() -> None:
    assert query_words("253-1") == ["253", "1"]


def test_an_everyday_term_adds_its_legal_term() -> None:
    assert ("失信被执行人",) in parse_query("老赖不还钱怎么办", SYNONYMS).phrases


def test_an_everyday_term_spanning_several_words_is_found() -> None:
    assert ("交通肇事逃逸",) in parse_query("撞人跑了会怎么判", SYNONYMS).phrases


def test_a_term_inside_another_word_is_not_taken_for_it() -> None:
    # 约定|金额 contains the characters 定金 but not the word.
    assert ("定金罚则",) not in parse_query("约定金额是多少", SYNONYMS).phrases


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("压金", "押金"), ("离昏", "离婚"), ("赔尝", "赔偿"), ("取保侯审", "取保候审")],
)
def test_a_homophone_typo_adds_the_word_that_was_meant(typed: str, meant: str) -> None:
    assert (meant,) in parse_query(f"我的{typed}问题", SYNONYMS).phrases


def test_a_correctly_typed_word_is_not_corrected() -> None:
    assert corrections("押金") == [] and corrections("公司") == []


@pytest.mark.parametrize(
    "text", ["", "   ", "😀😀😀", "& | ! : * ( ) '", "吗呢吧怎么办", "\x00", "《》？！"]
)
def test_text_without_searchable_words_parses_to_nothing(text: str) -> None:
    assert not parse_query(text, SYNONYMS)


def test_operators_never_reach_the_database_query_syntax() -> None:
    query = parse_query("押金 & 不退 | !房东 :* (赔) 'OR' \"NEAR\"", SYNONYMS)
    assert tsquery_text(query.phrases).replace(" | ", "").replace("'", "").isalnum()
    for word in query.words:
        assert word.isalnum()
    assert "NEAR" not in fts5_text(query.phrases).upper().replace('"NEAR"', "")


def test_a_very_long_query_is_cut_to_a_bounded_number_of_words() -> None:
    query = parse_query("押金不退房东跑了工资拖欠" * 1000, SYNONYMS)
    assert len([g for g in query.groups if len(g[0]) == 1]) <= MAX_WORDS + 10
    assert len(query.text) >= MAX_QUERY_CHARS  # kept for display; words come from the start
