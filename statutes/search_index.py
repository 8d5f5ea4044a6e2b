"""Keeping the articles' full-text documents current: the importer and a curator's edit call
index_articles inside their own transactions."""

from __future__ import annotations

from collections.abc import Iterable

from search.segmenter import index_text
from statutes.models import Article, ArticleSearchDocument

_TERMS = ["terms_a", "terms_b", "terms_c"]


def _document(article: Article) -> ArticleSearchDocument:
    headings = " ".join(article.heading_path)
    return ArticleSearchDocument(
        article_id=article.pk,
        terms_a=index_text(article.text),
        terms_b=index_text(headings),
        # The law's title stays out: every article of 法释〔2017〕10号 would match "个人信息"
        # through it. A query naming a law is read by statutes.search instead.
        terms_c="",
    )


def index_articles(articles: Iterable[Article]) -> int:
    """Write the documents of these articles (each needs .version.law loaded or loadable)."""
    documents = [_document(article) for article in articles]
    ArticleSearchDocument.objects.bulk_create(
        documents,
        batch_size=500,
        update_conflicts=True,
        unique_fields=["article"],
        update_fields=_TERMS,
    )
    return len(documents)


def index_missing() -> int:
    """Documents for every article that has none yet (after an import)."""
    missing = Article.objects.filter(search_document__isnull=True).select_related("version__law")
    return index_articles(missing.iterator(chunk_size=1000))
