"""Citations typed by people: "刑法 253-1", "民法典 第一千零七十九条", "法释〔2017〕10号 第五条".

One citation per line; the law is named by its short title (without 中华人民共和国), full title,
slug or 文号, the article by Arabic ("253-1", "253之一") or Chinese ("第二百五十三条之一") number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from statutes.importing.numerals import chinese_to_int
from statutes.models import Article, LawVersion

_PREFIX = "中华人民共和国"
_ARABIC = re.compile(r"^第?(\d{1,4})(?:条)?(?:(?:-|之)(\d{1,2}|[一二三四五六七八九十]+))?条?$")
_CHINESE = re.compile(r"^第?([零〇一二两三四五六七八九十百千]+)条(?:之([一二三四五六七八九十]+))?$")
MAX_LINES = 10


@dataclass(frozen=True)
class CitationError:
    line: int
    message: str

    def __str__(self) -> str:
        return f"第 {self.line} 行：{self.message}"


def short_title(title: str) -> str:
    return title.removeprefix(_PREFIX)


def parse_article_number(text: str) -> tuple[int, int] | None:
    text = text.strip().replace(" ", "")
    if match := _ARABIC.match(text):
        suffix = match.group(2) or "0"
        return int(match.group(1)), int(suffix) if suffix.isdigit() else chinese_to_int(suffix)
    if match := _CHINESE.match(text):
        number = chinese_to_int(match.group(1))
        return number, chinese_to_int(match.group(2)) if match.group(2) else 0
    return None


def current_versions() -> dict[str, LawVersion]:
    """Every name a law in force can be cited by, mapped to its current version."""
    names: dict[str, LawVersion] = {}
    for version in LawVersion.objects.current().select_related("law"):
        law = version.law
        for name in (law.slug, version.slug, law.title, short_title(law.title), version.doc_number):
            if name:
                names[name] = version
    return names


def resolve_citations(text: str) -> tuple[list[Article], list[CitationError]]:
    """Articles named one per line (blank lines ignored), and an error per line that fails."""
    lines = [(n, line.strip()) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
    if len(lines) > MAX_LINES:
        return [], [CitationError(lines[MAX_LINES][0], f"最多引用 {MAX_LINES} 条法条。")]
    if not lines:
        return [], []
    versions = current_versions()
    articles: list[Article] = []
    errors: list[CitationError] = []
    for n, line in lines:
        line = line.replace("《", "").replace("》", " ")
        law_name, _, number_text = line.rpartition(" ")
        if not law_name:
            # "刑法第二百五十三条之一" without a space: split before the last 第.
            cut = line.rfind("第")
            law_name, number_text = (line[:cut], line[cut:]) if cut > 0 else ("", line)
        version = versions.get(law_name.strip())
        if version is None:
            errors.append(CitationError(n, f"找不到法律“{law_name.strip() or line}”。"))
            continue
        number = parse_article_number(number_text)
        if number is None:
            errors.append(
                CitationError(
                    n, f"“{number_text}”不是有效的条号，例如 253-1 或 第二百五十三条之一。"
                )
            )
            continue
        article = (
            Article.objects.select_related("version__law")
            .filter(version=version, number=number[0], suffix=number[1])
            .first()
        )
        if article is None:
            errors.append(CitationError(n, f"《{version.law.title}》中没有这一条。"))
        elif article not in articles:
            articles.append(article)
    return articles, errors


def format_citation(article: Article) -> str:
    """The line that resolve_citations reads back as this article."""
    version = article.version
    return f"{version.doc_number or short_title(version.law.title)} {article.slug}"
