"""Finding citations in text (pure: no database) and the numbers they are written with."""

from __future__ import annotations

import pytest

from statutes.citations import parse_article_number
from statutes.citing import Citation, Names, find_citations
from statutes.importing.numerals import chinese_to_int

CRIMINAL, PIPL, INTERPRETATION = 1, 2, 3
NAMES = Names(
    {
        "中华人民共和国刑法": CRIMINAL,
        "刑法": CRIMINAL,
        "个人信息保护法": PIPL,
        "个保法": PIPL,
        "法释〔2017〕10号": INTERPRETATION,
    },
    frozenset({INTERPRETATION}),
)


def found(text: str) -> list[tuple[int | None, int, int, int | None, int | None]]:
    return [
        (c.law_id, c.number, c.suffix, c.paragraph, c.item) for c in find_citations(text, NAMES)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("刑法第二百五十三条之一", (CRIMINAL, 253, 1, None, None)),
        ("《中华人民共和国刑法》第253条之一第一款", (CRIMINAL, 253, 1, 1, None)),
        ("《个人信息保护法》第二十八条", (PIPL, 28, 0, None, None)),
        ("个保法第13条", (PIPL, 13, 0, None, None)),
        ("个保法第13条第1款第（二）项", (PIPL, 13, 0, 1, 2)),
        ("刑法253条之一", (CRIMINAL, 253, 1, None, None)),
        ("刑法 第 264 条", (CRIMINAL, 264, 0, None, None)),
        ("刑法第一百三十三条之一第一款第二项", (CRIMINAL, 133, 1, 1, 2)),
        ("刑法第一千条", (CRIMINAL, 1000, 0, None, None)),
    ],
)
def test_a_citation_is_read_in_every_style(text: str, expected: tuple) -> None:
    assert found(text) == [expected]


def test_the_span_covers_the_law_and_the_article_but_not_the_words_around() -> None:
    text = "根据《刑法》第二百五十三条之一第一款，构成犯罪。"
    [citation] = find_citations(text, NAMES)
    assert text[citation.start : citation.end] == "《刑法》第二百五十三条之一第一款"


def test_a_bare_article_belongs_to_the_law_named_before_it() -> None:
    assert found("刑法第二百五十三条之一规定……第二百五十三条之一第二款从重处罚；本法第三条") == [
        (CRIMINAL, 253, 1, None, None),
        (CRIMINAL, 253, 1, 2, None),
        (CRIMINAL, 3, 0, None, None),
    ]


def test_the_interpretation_is_named_back_once_its_number_was_given() -> None:
    text = "法释〔2017〕10号规定了标准。刑法第五条另说，《解释》第五条第一款第三项"
    assert found(text)[-1] == (INTERPRETATION, 5, 0, 1, 3)


def test_the_interpretation_named_back_before_any_is_named_stays_unresolved() -> None:
    assert found("《解释》第五条") == [(None, 5, 0, None, None)]


def test_an_article_before_any_law_is_named_has_no_law() -> None:
    assert found("第五条规定") == [(None, 5, 0, None, None)]


@pytest.mark.parametrize(
    "text",
    [
        "第三条路",
        "刑法规定……他走第二条路去的",
        "出售5000条公民个人信息",
        "刑法规定，卖了5000条信息",
        "电话13812345678",
        "2023年5月1日",
        "刑法学第三版",
        "五十条以上",
    ],
)
def test_what_looks_close_is_not_a_citation_of_a_law(text: str) -> None:
    assert [c for c in find_citations(text, NAMES) if c.law_id is not None] == []


def test_a_text_without_the_character_for_article_is_not_scanned() -> None:
    assert find_citations("刑法规定的罪名", NAMES) == []


def test_the_longest_name_wins() -> None:
    names = Names({"刑法": CRIMINAL, "刑法修正案（九）": 9})
    assert [c.law_id for c in find_citations("刑法修正案（九）第十七条", names)] == [9]


def test_a_citation_names_its_article_by_law_number_and_suffix() -> None:
    assert Citation(0, 1, CRIMINAL, 253, 1, 2).key == (CRIMINAL, 253, 1)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("一", 1),
        ("十", 10),
        ("十一", 11),
        ("二十", 20),
        ("一百零五", 105),
        ("二百五十三", 253),
        ("一千零七十九", 1079),
        ("一千二百六十", 1260),
        ("两百", 200),
        ("〇", 0),
    ],
)
def test_chinese_numerals(text: str, number: int) -> None:
    assert chinese_to_int(text) == number


@pytest.mark.parametrize("text", ["", "二五三", "十二三", "abc", "一万"])
def test_what_is_not_a_chinese_numeral_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        chinese_to_int(text)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("第二百五十三条之一", (253, 1)),
        ("253-1", (253, 1)),
        ("第253条之一", (253, 1)),
        ("第1079条", (1079, 0)),
        ("第五条", (5, 0)),
    ],
)
def test_one_parser_reads_article_numbers_for_typed_lines_search_and_text(text, number) -> None:
    assert parse_article_number(text) == number


def test_an_article_of_a_law_we_do_not_know_is_not_given_the_last_known_law() -> None:
    assert found("刑法第三条，以及某某法第三条、《某某规定》第五条")[1:] == [
        (None, 3, 0, None, None),
        (None, 5, 0, None, None),
    ]
