"""The law-text parser, on the shipped texts and on small made-up ones (no database)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from statutes.importing.numerals import chinese_to_int, int_to_chinese
from statutes.importing.parser import LawTextError, parse_document
from statutes.structure import split_paragraphs

DATA = Path(__file__).resolve().parents[2] / "statutes" / "data"


def parse_slug(slug: str):
    manifest = {entry["slug"]: entry for entry in json.loads((DATA / "manifest.json").read_text())}
    files = manifest[slug]["files"]
    return parse_document([(DATA / "texts" / name).read_text() for name in files])


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("一", 1),
        ("十", 10),
        ("十一", 11),
        ("二十", 20),
        ("一百零五", 105),
        ("一百一十", 110),
        ("二百五十三", 253),
        ("一千零七十九", 1079),
        ("一千二百六十", 1260),
    ],
)
def test_chinese_numerals_convert_both_ways(text: str, number: int) -> None:
    assert chinese_to_int(text) == number
    assert int_to_chinese(number) == text


def test_a_non_numeral_is_rejected() -> None:
    with pytest.raises(ValueError):
        chinese_to_int("五a")


def test_the_criminal_law_has_505_articles() -> None:
    assert len(parse_slug("criminal-law").articles) == 505


def test_article_253_1_keeps_its_four_paragraphs_and_headings() -> None:
    article = next(a for a in parse_slug("criminal-law").articles if a.slug == "253-1")
    assert article.label == "第二百五十三条之一"
    assert len(article.paragraphs) == 4
    assert (
        article.paragraphs[2] == "窃取或者以其他方法非法获取公民个人信息的，依照第一款的规定处罚。"
    )
    assert article.part == "第二编 分则"
    assert article.chapter == "第四章 侵犯公民人身权利、民主权利罪"


def test_items_stay_in_their_paragraph() -> None:
    article5 = next(a for a in parse_slug("pi-crime-interpretation-2017").articles if a.number == 5)
    paragraphs = split_paragraphs(article5.text)
    assert [len(p.items) for p in paragraphs] == [10, 4]
    assert paragraphs[0].items[2].startswith("（三）非法获取、出售或者提供行踪轨迹信息")


def test_the_civil_code_is_read_from_eight_files_with_its_books() -> None:
    document = parse_slug("civil-code")
    assert len(document.articles) == 1260
    article = next(a for a in document.articles if a.number == 1079)
    assert article.part == "婚姻家庭编"
    assert article.chapter.startswith("第四章")


def test_article_numbers_are_unique_in_every_document() -> None:
    for entry in json.loads((DATA / "manifest.json").read_text()):
        slugs = [a.slug for a in parse_slug(entry["slug"]).articles]
        assert len(slugs) == len(set(slugs)), entry["slug"]


def test_the_criminal_law_appendices_are_not_part_of_the_last_article() -> None:
    document = parse_slug("criminal-law")
    assert document.articles[-1].label == "第四百五十二条"
    assert "惩治军人违反职责罪暂行条例" not in document.articles[-1].text
    assert document.appendices[0].startswith("附件一")


def test_an_amendment_without_article_numbers_is_split_by_its_ordinals() -> None:
    document = parse_slug("criminal-law-amendment-9")
    assert document.articles[0].label == "一、"
    assert document.articles[-1].number == len(document.articles)


def test_a_misplaced_space_in_the_source_still_starts_an_article() -> None:
    document = parse_slug("criminal-procedure-law")
    assert next(a for a in document.articles if a.number == 128).label == "第一百二十八条"


def test_a_text_without_the_info_marker_is_rejected() -> None:
    with pytest.raises(LawTextError):
        parse_document(["# 标题\n\n第一条 内容。\n"])


def test_a_small_document_parses_preamble_headings_and_paragraphs() -> None:
    text = (
        "# 示例法\n\n2020年1月1日 通过\n\n<!-- INFO END -->\n\n为了示例，制定本法。\n\n"
        "## 第一章 总则\n\n第一条 第一款。\n\n第二款：\n\n（一）甲；\n\n（二）乙。\n\n"
        "第一条之一 新增条文。\n"
    )
    document = parse_document([text])
    assert document.history == ["2020年1月1日 通过"]
    assert document.preamble == ["为了示例，制定本法。"]
    assert [a.slug for a in document.articles] == ["1", "1-1"]
    assert document.articles[0].chapter == "第一章 总则"
    assert document.articles[0].paragraphs == (
        "第一条 第一款。",
        "第二款：",
        "（一）甲；",
        "（二）乙。",
    )
