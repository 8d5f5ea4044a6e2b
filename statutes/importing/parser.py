"""Parse the law texts of statutes/data/texts (the format is described in statutes/data/README.md).

Pure Python: the importer command turns the parsed documents into model rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .numerals import chinese_to_int

INFO_END = "<!-- INFO END -->"

# An article starts a line: 第…条 or 第…条之一, then one (ASCII or ideographic) space.
ARTICLE_RE = re.compile(
    r"^第([零〇一二两三四五六七八九十百千]+)"
    # One source text misplaces the space ("第一百二十八 条侦查人员…"); it is kept verbatim.
    r"(?: 条(?=\S)|条(?:之([一二三四五六七八九十]+))?[ \u3000]+)"
)
# Documents without 第…条 (an amendment) number their provisions 一、二、…
ORDINAL_RE = re.compile(r"^([一二三四五六七八九十百]+)、(.*)$")
ZERO_WIDTH = "\u200b\ufeff"
HEADING_RE = re.compile(r"^(#{2,4})(?:\s+(.*))?$")


@dataclass(frozen=True)
class ParsedArticle:
    number: int
    suffix: int  # 0 for 第五条, 1 for 第五条之一 …
    label: str  # as the text writes it: 第二百五十三条之一
    part: str  # 编 (for the 民法典, the book named by the file's second title line)
    subpart: str  # 分编
    chapter: str  # 章
    section: str  # 节
    paragraphs: tuple[str, ...]  # 款 and 项 lines, verbatim, in order

    @property
    def slug(self) -> str:
        return f"{self.number}-{self.suffix}" if self.suffix else str(self.number)

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


@dataclass
class ParsedDocument:
    title: str
    history: list[str] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    articles: list[ParsedArticle] = field(default_factory=list)
    # Text under a heading that belongs to no article (the 附件 of the 刑法).
    appendices: list[str] = field(default_factory=list)


class LawTextError(ValueError):
    """The text does not follow the expected format."""


def _is_content(line: str) -> bool:
    # Some texts separate blocks with lines holding only a zero-width space.
    return bool(line.strip().strip(ZERO_WIDTH))


def _normalise_heading(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip())


def _heading_kind(text: str) -> str:
    name = text.split(" ", 1)[0]
    if name.endswith("分编"):
        return "subpart"
    if re.fullmatch(r"第.+编", name):
        return "part"
    if re.fullmatch(r"第.+章", name):
        return "chapter"
    if re.fullmatch(r"第.+节", name):
        return "section"
    return "other"


def parse_document(texts: list[str]) -> ParsedDocument:
    """Parse one document, given as one or more files (the 民法典 comes in one file per 编)."""
    document: ParsedDocument | None = None
    for text in texts:
        document = _parse_file(text, document)
    if document is None:
        raise LawTextError("没有文本")
    return document


def _parse_file(text: str, document: ParsedDocument | None) -> ParsedDocument:
    lines = [line.rstrip() for line in text.splitlines()]
    if INFO_END not in lines:
        raise LawTextError(f"缺少 {INFO_END}")
    end = lines.index(INFO_END)
    header = [line for line in lines[:end] if line]
    if not header or not header[0].startswith("# "):
        raise LawTextError("第一行应为“# 标题”")
    title = header[0][2:].strip()
    book = ""
    history = header[1:]
    if history and history[0].startswith("# "):
        book = _normalise_heading(history.pop(0)[2:])
    if document is None:
        document = ParsedDocument(title=title, history=history)
    elif document.title != title:
        raise LawTextError(f"同一文件组的标题不一致：{document.title} / {title}")

    body = [line for line in lines[end + 1 :] if _is_content(line)]
    uses_articles = any(ARTICLE_RE.match(line) for line in body)
    headings = {"part": book, "subpart": "", "chapter": "", "section": ""}
    current: dict | None = None
    appendix: list[str] | None = None
    after_heading = False

    def flush() -> None:
        nonlocal current
        if current is not None:
            document.articles.append(
                ParsedArticle(paragraphs=tuple(current.pop("lines")), **current)
            )
            current = None

    for line in body:
        heading = HEADING_RE.match(line)
        if heading:
            flush()
            name = _normalise_heading(heading.group(2) or "")
            after_heading = True
            if not name:
                continue
            kind = _heading_kind(name)
            if kind == "other":
                # 附则 closes a chapter like any other heading; 附件 holds no articles.
                appendix = [name] if name.startswith("附件") else None
                if appendix is not None:
                    document.appendices.append(name)
                _reset_below(headings, "part" if book == "" else "subpart")
                headings["chapter"] = name if appendix is None else ""
                continue
            appendix = None
            headings[kind] = name
            _reset_below(headings, kind)
            continue
        match = ARTICLE_RE.match(line) if uses_articles else ORDINAL_RE.match(line)
        if (
            not match
            and after_heading
            and current is None
            and appendix is None
            and document.articles
        ):
            # A heading broken over two lines ("### 第四章 …逃匿、死亡案件" / "违法所得的没收程序").
            _extend_last_heading(headings, line.strip())
            continue
        after_heading = False
        if match:
            flush()
            appendix = None
            if uses_articles:
                number = chinese_to_int(match.group(1))
                suffix = chinese_to_int(match.group(2)) if match.group(2) else 0
                label = f"第{match.group(1)}条" + (f"之{match.group(2)}" if suffix else "")
            else:
                number, suffix, label = chinese_to_int(match.group(1)), 0, match.group(1) + "、"
            current = {
                "number": number,
                "suffix": suffix,
                "label": label,
                **headings,
                "lines": [line.strip()],
            }
        elif appendix is not None:
            document.appendices[-1] += "\n" + line.strip()
        elif current is not None:
            current["lines"].append(line.strip())
        else:
            document.preamble.append(line.strip())
    flush()
    return document


_LEVELS = ["part", "subpart", "chapter", "section"]


def _extend_last_heading(headings: dict[str, str], continuation: str) -> None:
    for level in reversed(_LEVELS):
        if headings[level]:
            headings[level] += continuation
            return


def _reset_below(headings: dict[str, str], kind: str) -> None:
    for level in _LEVELS[_LEVELS.index(kind) + 1 :]:
        headings[level] = ""
