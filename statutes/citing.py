"""Statute citations inside the text of questions and answers, as people write them.

"根据《刑法》第二百五十三条之一第一款……", "个保法第13条", "民法典1165条", "《解释》第五条第一款第三项" (after
法释〔2017〕10号 was named), or a bare "第二款"-less "第二百八十七条之一" after a law was named earlier in
the same text. Three steps:

- find_citations (pure): the spans, each with the law it names (by id) and the 条/之/款/项 numbers;
- CitationTable / resolve: the names laws go by and their versions (two queries), then every
  cited article of a page's texts in one query, in the version in force when each text was written;
- render (pure once resolved): the escaped text with each resolved citation wrapped in a link.

Article numbers are parsed by statutes.citations.parse_article_number, the one parser the typed
"引用条文" lines and the search page's jump to an article use too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import count

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from statutes.citations import parse_article_number, short_title
from statutes.importing.numerals import chinese_to_int, int_to_chinese
from statutes.models import Article, Law, LawAlias, LawVersion

_NUM = r"(?:\d{1,4}|[零〇一二两三四五六七八九十百千]{1,8})"
_SUFFIX = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
# An article: "第二百五十三条之一" or "第253条之一", then optionally its 款 and 项 ("第（三）项" too).
# "253条" without 第 counts only right after a law's name (see find_citations).
_ARTICLE = re.compile(
    rf"(?:第\s*(?P<num>{_NUM})|(?P<bare>\d{{1,4}}))\s*条(?:之(?P<suffix>{_SUFFIX}))?"
    rf"(?:第(?P<paragraph>{_NUM})款)?"
    rf"(?:第?[（(]?(?P<item>{_NUM})[）)]?项)?"
)
# Words that refer back to a law named earlier: 本法/该法 to the last law, 《解释》 to the last
# 司法解释 ("《解释》" is how answers shorten 法释〔2017〕10号 once its title has been given).
_BACK_TO_LAW = ("本法", "该法", "此法", "上述法律", "同法")
_BACK_TO_INTERPRETATION = ("《解释》", "本解释", "该解释", "上述解释", "《司法解释》", "该司法解释")
# "第三条路", "第二条街": a bare 第…条 (no law next to it) followed by one of these is not an article.
_NOT_AN_ARTICLE_AFTER = re.compile(
    r"(?:[路街巷线渠河船鱼狗腿命裤烟]|道路|胡同|弄堂|短信|消息|新闻|建议|意见|规矩|毛巾|裙子)"
)
# A bare 第…条 right after a name that reads like a law (法, 条例, 规定, 办法, 《…》) that is not
# one we know: it cites that unknown law, not the one named before.
_OTHER_LAW_BEFORE = re.compile(r"(?:法|条例|规定|办法|细则|解释|决定|》)\s*$")
# What may stand between a law's name and its article: "刑法 第…", "《刑法》的第…" is rare but seen.
_JOINER = re.compile(r"^[\s》]*(?:的)?\s*$")
_BACK_TO_LAW_MARK = -1
_BACK_TO_INTERPRETATION_MARK = -2


def _number(text: str) -> int:
    return int(text) if text.isdigit() else chinese_to_int(text)


@dataclass(frozen=True)
class Citation:
    """One citation found in a text: the span to link and what it names."""

    start: int
    end: int
    law_id: int | None
    number: int
    suffix: int = 0
    paragraph: int | None = None
    item: int | None = None

    @property
    def key(self) -> tuple[int | None, int, int]:
        return (self.law_id, self.number, self.suffix)


@dataclass(frozen=True)
class Names:
    """The names laws are cited by, mapped to the law's id; which laws are 司法解释."""

    names: Mapping[str, int]
    interpretations: frozenset[int] = frozenset()
    pattern: re.Pattern[str] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        words = sorted(
            [*self.names, *_BACK_TO_LAW, *_BACK_TO_INTERPRETATION], key=len, reverse=True
        )
        alternatives = "|".join(re.escape(word) for word in words) or r"(?!x)x"
        # A name between 书名号 ("《刑法》") or bare ("刑法"); the longest name wins (刑法修正案（九）
        # before 刑法) because the alternatives are tried longest first.
        object.__setattr__(self, "pattern", re.compile(rf"《?(?:{alternatives})》?"))

    def law_of(self, mention: str) -> int:
        stripped = mention.strip("《》")
        if mention in _BACK_TO_INTERPRETATION or stripped in _BACK_TO_INTERPRETATION:
            return _BACK_TO_INTERPRETATION_MARK
        if stripped in _BACK_TO_LAW:
            return _BACK_TO_LAW_MARK
        return self.names[stripped]


def find_citations(text: str, names: Names) -> list[Citation]:
    """Every citation of an article in the text, in order. One whose law can't be told (a bare
    "第五条" before any law is named) has law_id None; the caller leaves it plain."""
    if "条" not in text:
        return []
    mentions = [(m.start(), m.end(), names.law_of(m.group())) for m in names.pattern.finditer(text)]
    found: list[Citation] = []
    last_law: int | None = None
    last_interpretation: int | None = None
    mention_index = 0
    for match in _ARTICLE.finditer(text):
        adjacent: tuple[int, int, int] | None = None
        # Walk the law mentions that end before this article, keeping track of the context.
        while mention_index < len(mentions) and mentions[mention_index][1] <= match.start():
            start, end, mentioned = mentions[mention_index]
            mention_index += 1
            law = _in_context(mentioned, last_law, last_interpretation)
            if law is not None:
                last_law = law
                if law in names.interpretations:
                    last_interpretation = law
            adjacent = (start, end, law) if law is not None else None
        if adjacent and not _JOINER.match(text[adjacent[1] : match.start()]):
            adjacent = None
        if adjacent is None and (
            match.group("bare") or _NOT_AN_ARTICLE_AFTER.match(text, match.end())
        ):
            continue
        # "某某法第三条" after 刑法 was named: a law we don't know stands right before it.
        context = None if _OTHER_LAW_BEFORE.search(text, 0, match.start()) else last_law
        citation = _citation(match, adjacent, context)
        if citation is not None:
            found.append(citation)
    return found


def _in_context(law: int, last_law: int | None, last_interpretation: int | None) -> int | None:
    if law == _BACK_TO_LAW_MARK:
        return last_law
    if law == _BACK_TO_INTERPRETATION_MARK:
        return last_interpretation
    return law


def _citation(
    match: re.Match[str], adjacent: tuple[int, int, int] | None, last_law: int | None
) -> Citation | None:
    number_text = match.group("num") or match.group("bare")
    suffix_text = match.group("suffix")
    try:
        # The one parser of article numbers; "第二百五十三条之1" is mixed, so the number and
        # its 之 are read one at a time.
        parsed = parse_article_number(f"第{number_text}条")
        suffix = _number(suffix_text) if suffix_text else 0
        paragraph = _number(match.group("paragraph")) if match.group("paragraph") else None
        item = _number(match.group("item")) if match.group("item") else None
    except ValueError:
        return None
    if parsed is None or parsed[0] == 0:
        return None
    start = adjacent[0] if adjacent else match.start()
    law_id = adjacent[2] if adjacent else last_law
    return Citation(start, match.end(), law_id, parsed[0], suffix, paragraph, item)


@dataclass
class CitationTable:
    """The names of every law and all their versions, read once per page or per write."""

    names: Names
    versions: dict[int, list[LawVersion]]  # by law id, oldest first

    @classmethod
    def load(cls) -> CitationTable:
        names: dict[str, int] = {}
        interpretations: set[int] = set()
        versions: dict[int, list[LawVersion]] = {}
        for version in LawVersion.objects.select_related("law").order_by("version_date"):
            law = version.law
            versions.setdefault(law.pk, []).append(version)
            if law.kind == Law.Kind.INTERPRETATION:
                interpretations.add(law.pk)
            for name in (law.title, short_title(law.title), *_doc_number_forms(version)):
                if name:
                    names[name] = law.pk
        for alias, law_id in LawAlias.objects.values_list("alias", "law_id"):
            names[alias.strip("《》 ")] = law_id
        return cls(Names(names, frozenset(interpretations)), versions)

    def version_at(self, law_id: int, written: date) -> LawVersion | None:
        """The version in force on the day the text was written (the oldest for a text older
        than all of them: it can only mean the law as first adopted)."""
        chosen = None
        for version in self.versions.get(law_id, []):
            if (version.effective_date or version.version_date) <= written:
                chosen = version
        if chosen is None and self.versions.get(law_id):
            chosen = self.versions[law_id][0]
        return chosen

    def current(self, law_id: int) -> LawVersion | None:
        return next((v for v in self.versions.get(law_id, []) if v.is_current), None)

    def successor(self, version: LawVersion) -> LawVersion | None:
        later = [
            v
            for v in self.versions.get(version.law_id, [])
            if v.version_date > version.version_date
        ]
        return later[0] if later else None


def _doc_number_forms(version: LawVersion) -> Iterator[str]:
    """法释〔2017〕10号 as written with the other brackets people type."""
    if version.doc_number:
        yield version.doc_number
        for left, right in (("[", "]"), ("［", "］"), ("（", "）"), ("(", ")"), ("【", "】")):
            yield version.doc_number.replace("〔", left).replace("〕", right)


@dataclass(frozen=True)
class Resolved:
    citation: Citation
    article: Article
    current: Article | None  # the same number in the version in force, when `article` is older
    changed_on: date | None  # when the cited version stopped being in force


def resolve(
    texts: Sequence[tuple[str, datetime | date]], table: CitationTable | None = None
) -> list[list[Resolved]]:
    """The resolved citations of each text: one query for all of them (plus two for the table
    when none is given), none at all when no text names an article."""
    if not any("条" in text for text, _ in texts):
        return [[] for _ in texts]
    table = table or CitationTable.load()
    wanted: list[list[tuple[Citation, LawVersion]]] = []
    for text, written in texts:
        day = written.date() if isinstance(written, datetime) else written
        pairs = []
        for citation in find_citations(text, table.names):
            version = table.version_at(citation.law_id, day) if citation.law_id else None
            if version is not None:
                pairs.append((citation, version))
        wanted.append(pairs)
    version_ids = {version.pk for pairs in wanted for _, version in pairs}
    version_ids |= {
        current.pk
        for pairs in wanted
        for _, version in pairs
        if (current := table.current(version.law_id)) is not None
    }
    numbers = {citation.number for pairs in wanted for citation, _ in pairs}
    if not numbers:
        return [[] for _ in texts]
    versions = {v.pk: v for law_versions in table.versions.values() for v in law_versions}
    articles: dict[tuple[int, int, int], Article] = {}
    for article in Article.objects.filter(version_id__in=version_ids, number__in=numbers):
        article.version = versions[article.version_id]
        articles[(article.version_id, article.number, article.suffix)] = article
    return [
        [_resolved(c, v, articles, table) for c, v in pairs if _has(c, v, articles)]
        for pairs in wanted
    ]


def _has(citation: Citation, version: LawVersion, articles: Mapping) -> bool:
    return (version.pk, citation.number, citation.suffix) in articles


def _resolved(
    citation: Citation, version: LawVersion, articles: Mapping, table: CitationTable
) -> Resolved:
    article = articles[(version.pk, citation.number, citation.suffix)]
    if version.is_current:
        return Resolved(citation, article, None, None)
    current = table.current(version.law_id)
    successor = table.successor(version)
    same = articles.get((current.pk, citation.number, citation.suffix)) if current else None
    changed_on = successor.version_date if successor else None
    return Resolved(citation, article, same, changed_on)


def detected_articles(
    text: str, written: datetime | date, table: CitationTable | None = None
) -> list[Article]:
    """The distinct articles the text cites, in order of first citation."""
    return list(dict.fromkeys(r.article for r in resolve([(text, written)], table)[0]))


def render(text: str, resolved: Sequence[Resolved], ids: Iterator[int] | None = None) -> SafeString:
    """The text, escaped, with each resolved citation a link to its article (and 款/项 anchor),
    the cited words' text shown on hover and keyboard focus, and a notice after a citation
    of a version no longer in force. The text itself never becomes markup."""
    ids = ids or count(1)
    pieces: list[str] = []
    position = 0
    for item in resolved:
        citation = item.citation
        if citation.start < position:
            continue
        pieces.append(conditional_escape(text[position : citation.start]))
        pieces.append(_link(text[citation.start : citation.end], item, next(ids)))
        position = citation.end
    pieces.append(conditional_escape(text[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 — every piece is escaped or format_html


def _link(words: str, item: Resolved, number: int) -> SafeString:
    article, citation = item.article, item.citation
    anchor, name, quoted = _anchor_and_text(article, citation)
    tip_id = f"cite-{number}"
    link = format_html(
        '<span class="citation"><a href="{}{}" aria-describedby="{}">{}</a>'
        '<span class="citation-text" role="tooltip" id="{}">{}：{}</span></span>',
        article.get_absolute_url(),
        anchor,
        tip_id,
        words,
        tip_id,
        name,
        _shorten(quoted),
    )
    if article.version.is_current:
        return link
    return format_html("{}{}", link, _stale_notice(item))


def _anchor_and_text(article: Article, citation: Citation) -> tuple[str, str, str]:
    """The anchor of the cited 款/项 on the article page, its name and its text (the whole
    article when no 款 is named, or one it doesn't have)."""
    paragraphs = article.paragraphs
    if citation.paragraph and citation.paragraph <= len(paragraphs):
        paragraph = paragraphs[citation.paragraph - 1]
        name = f"{article}第{int_to_chinese(citation.paragraph)}款"
        if citation.item and citation.item <= len(paragraph.items):
            item = paragraph.items[citation.item - 1]
            return (
                f"#{paragraph.anchor}-i{citation.item}",
                f"{name}第{int_to_chinese(citation.item)}项",
                item,
            )
        return f"#{paragraph.anchor}", name, paragraph.text
    return "", str(article), article.text


def _shorten(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _stale_notice(item: Resolved) -> SafeString:
    version = item.article.version
    verb = "废止" if version.status == LawVersion.Status.REPEALED else "修改"
    when = f"于{item.changed_on:%Y年%-m月%-d日}" if item.changed_on else ""
    if item.current is not None:
        return format_html(
            '<span class="citation-notice">（该条文已{}{}，现行规定见<a href="{}">{}</a>）</span>',
            when,
            verb,
            item.current.get_absolute_url(),
            str(item.current),
        )
    return format_html(
        '<span class="citation-notice">（该条文已{}{}，现行版本中没有这一条）</span>', when, verb
    )


def linked_texts(texts: Sequence[tuple[str, datetime | date]]) -> list[SafeString]:
    """render() for each of a page's texts, their citations resolved together; the tooltip ids
    run on across the texts so that they are unique on the page."""
    ids = count(1)
    return [
        render(text, found, ids) for (text, _), found in zip(texts, resolve(texts), strict=True)
    ]
