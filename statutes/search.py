"""Statute search: the same full-text search as questions, over articles, and the jump to an
article named by its number ("第二百五十三条之一", "253-1", "刑法253条之一", "民法典 1079")."""

from __future__ import annotations

import re

from django.db.models import Case, QuerySet, Value, When

from search import fulltext
from search.highlight import Hit, highlight, snippet
from search.query import ParsedQuery, parse_query
from search.results import ResultPage, result_page
from search.segmenter import normalize
from statutes.citations import current_versions, parse_article_number
from statutes.models import Article, ArticleSearchDocument, Law

# A law name (optional) and an article number in one of the ways people write it. A bare
# number ("253") is not enough: it is as likely an amount as an article.
_REFERENCE = re.compile(
    r"^(?P<law>[^\d第]*?)\s*(?P<number>"
    r"第[\d零〇一二两三四五六七八九十百千]+条?(?:之[\d一二三四五六七八九十]+)?"
    r"|\d{1,4}条(?:之[\d一二三四五六七八九十]+)?"
    r"|\d{1,4}(?:-|之)[\d一二三四五六七八九十]{1,2}"
    r"|\d{1,4})$"
)


def _reference_match(text: str) -> re.Match[str] | None:
    compact = normalize(text).replace(" ", "").replace("《", "").replace("》", "")
    return _REFERENCE.match(compact)


def looks_like_reference(text: str) -> bool:
    """Whether the text has the shape of an article number (no database needed)."""
    return _reference_match(text) is not None


def referenced_articles(text: str) -> QuerySet[Article]:
    """The articles in force that the text names by number: one when it names the law too
    ("刑法 253-1"), possibly several without ("第五条"), none when it names no article."""
    none = Article.objects.none()
    match = _reference_match(text)
    if match is None:
        return none
    law_name, number_text = match.group("law"), match.group("number")
    if not law_name and number_text.isdigit():
        return none
    number = parse_article_number(number_text)
    if number is None:
        return none
    articles = Article.objects.current().with_law().filter(number=number[0], suffix=number[1])
    if law_name:
        version = current_versions().get(law_name)
        if version is None:
            return none
        articles = articles.filter(version=version)
    return articles.order_by("version__law__kind", "version__law__title")


def article_reference(text: str) -> Article | None:
    """The article the text names, if it names exactly one in force."""
    found = list(referenced_articles(text)[:2])
    return found[0] if len(found) == 1 else None


def search_articles(queryset: QuerySet[Article], query: ParsedQuery) -> QuerySet[Article]:
    if not query:
        return queryset.none()
    # Among equally good matches: a law before the 司法解释 and 行政法规 that apply it, and
    # amendments (修正案, whose text the amended law already carries) last.
    law_first = Case(
        When(version__law__title__contains="修正案", then=Value(2)),
        When(version__law__kind=Law.Kind.LAW, then=Value(0)),
        default=Value(1),
    )
    return (
        fulltext.search(queryset, query, document="search_document")
        .annotate(law_first=law_first)
        .order_by("-matched", "law_first", "-rank", "version_id", "number", "suffix", "pk")
    )


def article_hits(articles: list[Article], query: ParsedQuery) -> list[Hit]:
    words = query.words
    return [
        Hit(item=a, title=highlight(str(a), []), excerpt=snippet(a.text, words)) for a in articles
    ]


def article_search(text: str) -> QuerySet[Article]:
    """Articles in force matching the text, best first."""
    return search_articles(Article.objects.current().with_law(), parse_query(text))


def article_result_page(query: ParsedQuery, *, number: int, per_page: int) -> ResultPage:
    articles = search_articles(Article.objects.current().with_law(), query)
    return result_page(
        articles,
        number=number,
        per_page=per_page,
        to_hits=lambda rows: article_hits(rows, query),
        windowed=fulltext.windowed(ArticleSearchDocument, query),
    )


def top_articles(query: ParsedQuery, *, limit: int = 3) -> list[Hit]:
    """The best few articles for a query, shown beside the question results."""
    return article_hits(
        list(search_articles(Article.objects.current().with_law(), query)[:limit]), query
    )
