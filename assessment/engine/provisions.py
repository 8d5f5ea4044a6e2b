"""Provision strings ("解释第五条第一款第三项") and the statute page they point to."""

from __future__ import annotations

import re
from typing import NamedTuple

CRIMINAL_LAW = "criminal-law"
INTERPRETATION = "pi-crime-interpretation-2017"

_DOCUMENTS = {"解释": INTERPRETATION, "刑法": CRIMINAL_LAW}
_PREFIXES = {slug: prefix for prefix, slug in _DOCUMENTS.items()}
# The last article of each document (刑法 ends at 第四百五十二条; 法释〔2017〕10号 at 第十三条).
_LAST_ARTICLE = {CRIMINAL_LAW: 452, INTERPRETATION: 13}

_NUMERAL = "[零一二三四五六七八九十百]+"
_PROVISION_RE = re.compile(
    rf"^(?P<document>解释|刑法)第(?P<article>{_NUMERAL})条"
    rf"(?:之(?P<suffix>{_NUMERAL}))?"
    rf"(?:第(?P<paragraph>{_NUMERAL})款)?"
    rf"(?:第(?P<item>{_NUMERAL})项)?$"
)
_CHINESE_DIGITS = "零一二三四五六七八九"


class ProvisionRef(NamedTuple):
    """Where a provision lives; compares equal to the plain tuple of its four parts."""

    document: str  # "criminal-law" | "pi-crime-interpretation-2017" (the law's slug)
    article_slug: str  # "5", "253-1" (the article's slug on the statute pages)
    paragraph: int | None  # 款, counted from 1
    item: int | None  # 项, counted from 1

    @property
    def anchor(self) -> str | None:
        """The paragraph's anchor on the article page ("p2"), if a 款 is named."""
        return None if self.paragraph is None else f"p{self.paragraph}"


def to_chinese_numeral(number: int) -> str:
    """The inverse of ``chinese_numeral`` for 1..999, as statutes write it (十一, 一百零三)."""
    if not 0 < number < 1000:
        raise ValueError(f"超出范围：{number}")
    hundreds, tens, ones = number // 100, number // 10 % 10, number % 10
    text = ""
    if hundreds:
        text += _CHINESE_DIGITS[hundreds] + "百"
    if tens:
        text += ("" if tens == 1 and not hundreds else _CHINESE_DIGITS[tens]) + "十"
    elif hundreds and ones:
        text += "零"
    if ones:
        text += _CHINESE_DIGITS[ones]
    return text


# Statutes write numbers one way only (十一 not 一十一, 一百零三); anything else is rejected.
_NUMERALS = {to_chinese_numeral(number): number for number in range(1, 1000)}


def chinese_numeral(text: str) -> int:
    """Value of a Chinese numeral below 1000 as statutes write it ("二百五十三" → 253)."""
    try:
        return _NUMERALS[text]
    except KeyError:
        raise ValueError(f"不是规范的中文数字：{text!r}") from None


def parse_provision(provision: str) -> ProvisionRef:
    """Split a provision string into the page it links to.

    "解释第五条第一款第三项" → ("pi-crime-interpretation-2017", "5", 1, 3);
    "刑法第二百五十三条之一第二款" → ("criminal-law", "253-1", 2, None).
    Raises ValueError for anything else (unknown document, a 项 without its 款, an article
    the document does not have, a malformed numeral).
    """
    match = _PROVISION_RE.match(provision) if isinstance(provision, str) else None
    if match is None:
        raise ValueError(f"无法识别的条文引用：{provision!r}")
    document = _DOCUMENTS[match["document"]]
    article = chinese_numeral(match["article"])
    if article > _LAST_ARTICLE[document]:
        raise ValueError(f"{match['document']}没有第{match['article']}条：{provision!r}")
    slug = str(article)
    if match["suffix"]:
        if document != CRIMINAL_LAW:
            raise ValueError(f"解释没有“之”条：{provision!r}")
        slug += f"-{chinese_numeral(match['suffix'])}"
    paragraph = chinese_numeral(match["paragraph"]) if match["paragraph"] else None
    item = chinese_numeral(match["item"]) if match["item"] else None
    if item is not None and paragraph is None:
        raise ValueError(f"引用“项”时必须写明“款”：{provision!r}")
    return ProvisionRef(document, slug, paragraph, item)


def format_provision(ref: ProvisionRef) -> str:
    """The inverse of ``parse_provision``."""
    number, _, suffix = ref.article_slug.partition("-")
    text = f"{_PREFIXES[ref.document]}第{to_chinese_numeral(int(number))}条"
    if suffix:
        text += f"之{to_chinese_numeral(int(suffix))}"
    if ref.paragraph is not None:
        text += f"第{to_chinese_numeral(ref.paragraph)}款"
    if ref.item is not None:
        text += f"第{to_chinese_numeral(ref.item)}项"
    return text
