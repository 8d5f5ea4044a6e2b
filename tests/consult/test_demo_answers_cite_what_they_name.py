"""Every article a demo answer names in its text is among its cites, and every cite exists.

A reader clicks the "引用条文" of an answer to check what its text says; an article named in the
text but missing there cannot be checked, and a cite of an article the shipped text lacks stops
``load_demo``. The extractor below reads the styles the answers are written in (see
consult/demo/README.md): 《劳动合同法》第四十条, 刑法第二百五十三条之一, 解释第五条, 法释〔2017〕10号
第六条, a bare 第四十一条 after a law was named, lists (第四十条、第四十一条), and 该法第十三条.
Documents the site does not ship are named in the text only; the extractor knows their names so
that their articles are not taken for those of the law named before them.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import NamedTuple

import pytest

from statutes.importing.numerals import chinese_to_int
from statutes.importing.parser import parse_document

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = ROOT / "consult" / "demo" / "questions.toml"
DATA = ROOT / "statutes" / "data"

PI_INTERPRETATION = "pi-crime-interpretation-2017"
# Names the answers use for a shipped document besides its title and its short title (the title
# without 中华人民共和国).
ALIASES = {"解释": PI_INTERPRETATION, "法释〔2017〕10号": PI_INTERPRETATION}
# Documents named in the answers that are not in statutes/data (titles as written inside 《》,
# and the short names used after them). An article of one of these is not expected in cites.
NOT_SHIPPED = frozenset(
    {
        "合同法",
        "物权法",
        "立法法",
        "广告法",
        "劳动合同法实施条例",
        "最高人民法院关于审理劳动争议案件适用法律问题的解释（一）",
        "最高人民法院关于审理劳动争议案件适用法律问题的解释（二）",
        "劳动争议解释（一）",
        "劳动争议解释（二）",
        "最高人民法院关于审理商品房买卖合同纠纷案件适用法律若干问题的解释",
        "商品房买卖合同解释",
        "最高人民法院关于适用〈中华人民共和国民法典〉时间效力的若干规定",
        "民法典时间效力规定",
        "最高人民法院关于适用〈中华人民共和国民法典〉合同编通则若干问题的解释",
        "合同编通则解释",
        "关于适用〈中华人民共和国刑事诉讼法〉的解释",
        "关于办理利用信息网络实施诽谤等刑事案件适用法律若干问题的解释",
        "关于办理非法利用信息网络、帮助信息网络犯罪活动等刑事案件适用法律若干问题的解释",
        "关于取保候审若干问题的规定",
        "市场监督管理行政处罚听证办法",
        "关于依法适用正当防卫制度的指导意见",
    }
)
# Words that refer back to the document named last.
SAME_DOCUMENT = ("该法", "该解释", "上述解释", "同一解释", "该条例", "该规定", "同一规定")

_NUMERAL = "[零〇一二两三四五六七八九十百千]+"
_ARTICLE = rf"第(?P<number>{_NUMERAL}|[0-9]+)条(?:之(?P<suffix>[一二三四五六七八九十]+))?"


class Named(NamedTuple):
    """An article named in a text: the document it belongs to and its slug ("253-1")."""

    document: str  # a law's name as the text wrote it
    versions: frozenset[str]  # the manifest slugs of that law; empty if not shipped
    article: str


@cache
def manifest() -> list[dict]:
    return json.loads((DATA / "manifest.json").read_text(encoding="utf-8"))


@cache
def law_names() -> dict[str, frozenset[str]]:
    """Every name of a shipped law → the version slugs of that law (versions share a title)."""
    names: dict[str, set[str]] = {}
    for entry in manifest():
        title = entry["title"]
        for name in {title, title.removeprefix("中华人民共和国")}:
            names.setdefault(name, set()).add(entry["slug"])
    for alias, slug in ALIASES.items():
        names.setdefault(alias, set()).add(slug)
    return {name: frozenset(slugs) for name, slugs in names.items()}


@cache
def token_re() -> re.Pattern[str]:
    # Longest names first, so 刑法修正案（九） is not read as 刑法, 民法典时间效力规定 not as 民法典,
    # 商品房买卖合同解释 not as 解释. A bare name counts only right before 第…条 (a 公司法 inside
    # 公司法定代表人 is no citation); a 《title》 or a document number always names a document.
    bare = sorted({*law_names(), *NOT_SHIPPED, *SAME_DOCUMENT}, key=len, reverse=True)
    return re.compile(
        r"《(?P<title>[^《》]+)》"
        r"|(?P<docnum>法释〔\d{4}〕\d+号)"
        rf"|(?P<bare>{'|'.join(map(re.escape, bare))})(?=第)"
        rf"|{_ARTICLE}"
    )


def article_slug(number: str, suffix: str | None) -> str:
    value = int(number) if number.isdigit() else chinese_to_int(number)
    return f"{value}-{chinese_to_int(suffix)}" if suffix else str(value)


def named_articles(text: str) -> Iterator[Named]:
    """The articles a text names, each with the document named last before it.

    Raises ValueError for an article no document was named for, or one of a document this
    module does not know (add it to the manifest, ALIASES or NOT_SHIPPED).
    """
    document: str | None = None
    for match in token_re().finditer(text):
        name = match["title"] or match["docnum"] or match["bare"]
        if name is not None:
            if name not in SAME_DOCUMENT:
                document = name
            continue
        if document is None:
            raise ValueError(f"{match[0]} 之前没有写明法律：{text[: match.end()][-40:]}")
        if document in NOT_SHIPPED or (
            document.startswith("法释〔") and document not in law_names()
        ):
            versions: frozenset[str] = frozenset()
        elif document in law_names():
            versions = law_names()[document]
        else:
            raise ValueError(f"未知的文件《{document}》（{match[0]}）：请加入清单或 NOT_SHIPPED")
        yield Named(document, versions, article_slug(match["number"], match["suffix"]))


@cache
def shipped_articles() -> frozenset[tuple[str, str]]:
    """(version slug, article slug) of every article in statutes/data/texts."""
    articles = set()
    for entry in manifest():
        texts = [(DATA / "texts" / name).read_text(encoding="utf-8") for name in entry["files"]]
        for article in parse_document(texts).articles:
            articles.add((entry["slug"], article.slug))
    return frozenset(articles)


class DemoAnswer(NamedTuple):
    where: str  # "pi-buying-phone-lists#1"
    body: str
    cites: frozenset[tuple[str, str]]


def demo_answers() -> list[DemoAnswer]:
    data = tomllib.loads(QUESTIONS.read_text(encoding="utf-8"))
    return [
        DemoAnswer(
            f"{question['key']}#{number}",
            answer["body"],
            frozenset((cite["law"], str(cite["article"])) for cite in answer.get("cites", [])),
        )
        for question in data["question"]
        for number, answer in enumerate(question.get("answer", []), start=1)
    ]


ANSWERS = demo_answers()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("《劳动合同法》第四十条", [("劳动合同法", "40")]),
        ("《中华人民共和国刑法》第二百五十三条之一第三款", [("中华人民共和国刑法", "253-1")]),
        ("刑法第二百五十三条之一第二款还要求从重处罚", [("刑法", "253-1")]),
        ("解释第十一条", [("解释", "11")]),
        ("两高司法解释（法释〔2017〕10号）第六条", [("法释〔2017〕10号", "6")]),
        (
            "《劳动合同法》第四十二条第四项规定，不得依照第四十条、第四十一条的规定解除",
            [("劳动合同法", "42"), ("劳动合同法", "40"), ("劳动合同法", "41")],
        ),
        (
            "《道路交通安全法》第五十二条和第六十八条",
            [("道路交通安全法", "52"), ("道路交通安全法", "68")],
        ),
        ("《道路交通安全法实施条例》第八十二条", [("道路交通安全法实施条例", "82")]),
        (
            "《个人信息保护法》第十条……该法第十三条",
            [("个人信息保护法", "10"), ("个人信息保护法", "13")],
        ),
        ("民法典第1165条", [("民法典", "1165")]),
        ("商品房买卖合同解释第十一条", [("商品房买卖合同解释", "11")]),
        ("民法典时间效力规定第一条", [("民法典时间效力规定", "1")]),
        ("（法释〔2013〕21号）第二条", [("法释〔2013〕21号", "2")]),
        ("《合同法》：第五十二条……第五十八条", [("合同法", "52"), ("合同法", "58")]),
        # Not citations: no 条 after 第, or a bare name not followed by an article.
        ("第三十四批指导性案例检例第140号，第五款，第三项", []),
        ("公司法定代表人变更", []),
    ],
)
def test_the_extractor_reads_the_styles_the_answers_use(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(named.document, named.article) for named in named_articles(text)] == expected


def test_the_extractor_tells_shipped_from_unshipped_documents() -> None:
    (labour,) = named_articles("《劳动合同法》第四十条")
    assert labour.versions == {"labor-contract-law"}
    (police,) = named_articles("《治安管理处罚法》第五十六条")
    assert police.versions == {
        "public-security-penalties-law-2012",
        "public-security-penalties-law-2025",
    }
    (regulation,) = named_articles("《劳动合同法实施条例》第十条")
    assert regulation.versions == frozenset()


@pytest.mark.parametrize(
    "text",
    [
        "公司法定代表人变更后，第四十条",  # an article with no law named before it
        "《某某管理办法》第三条",  # a document nobody listed
    ],
)
def test_the_extractor_refuses_what_it_cannot_place(text: str) -> None:
    with pytest.raises(ValueError):
        list(named_articles(text))


def test_the_shipped_texts_are_read() -> None:
    assert ("criminal-law", "253-1") in shipped_articles()
    assert ("civil-code", "1079") in shipped_articles()
    assert ("pi-crime-interpretation-2017", "14") not in shipped_articles()


@pytest.mark.parametrize("answer", ANSWERS, ids=lambda answer: answer.where)
def test_every_article_named_in_an_answer_is_in_its_cites(answer: DemoAnswer) -> None:
    missing = {
        f"{named.document}第{named.article}条"
        for named in named_articles(answer.body)
        if named.versions and not any((v, named.article) in answer.cites for v in named.versions)
    }
    assert not missing, f"{answer.where} 正文提到但没有引用：{sorted(missing)}"


@pytest.mark.parametrize("answer", ANSWERS, ids=lambda answer: answer.where)
def test_every_cited_article_exists_in_the_shipped_texts(answer: DemoAnswer) -> None:
    assert not answer.cites - shipped_articles(), answer.where


def test_the_two_labour_cites_the_legal_review_found_missing_are_there() -> None:
    cites = {answer.where: answer.cites for answer in ANSWERS}
    assert ("labor-contract-law", "40") in cites["lab-probation-dismissal#1"]
    assert ("labor-contract-law", "41") in cites["lab-pregnant-layoff#1"]
