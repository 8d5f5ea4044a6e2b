"""Reads of the statute database."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypedDict

from django.db.models import Case, Prefetch, Q, QuerySet, When
from django.http import Http404
from django.shortcuts import get_object_or_404

from statutes.law_groups import LawGroup, group_laws
from statutes.models import Article, Law, LawVersion

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

# 侵犯公民个人信息罪: 刑法第二百五十三条之一 and every article of 法释〔2017〕10号 (all versions).
PI_CRIME_ARTICLES = Q(version__law__slug="pi-crime-interpretation-2017") | Q(
    version__law__slug="criminal-law", number=253, suffix=1
)


def concerns_pi_crime(article: Article) -> bool:
    """Whether the article is one the 侵犯公民个人信息罪 assessment applies."""
    return Article.objects.filter(PI_CRIME_ARTICLES, pk=article.pk).exists()


class CurrentVersion(TypedDict):
    """What law_list() prefetches onto each law: the version in force, if any (a list of one)."""

    current: list[LawVersion]


def law_list() -> QuerySet[WithAnnotations[Law, CurrentVersion]]:
    current = LawVersion.objects.current()
    return Law.objects.prefetch_related(Prefetch("versions", queryset=current, to_attr="current"))


def law_groups() -> list[LawGroup]:
    """The 法律法规库 page: laws grouped by kind in the site's order, each with the version to
    show (two queries)."""
    versions = LawVersion.objects.only("pk", "law_id", "status", "version_date", "slug")
    return group_laws(Law.objects.all(), versions)


def law_version(law_slug: str, version_slug: str | None = None) -> LawVersion:
    """The named version of a law, or its version in force; 404 when there is none."""
    versions = LawVersion.objects.select_related("law", "supersedes", "superseded_by")
    if version_slug is None:
        # The version in force; failing that (a repealed law), the newest.
        in_force_first = Case(When(status=LawVersion.Status.VALID, then=0), default=1)
        version = (
            versions.filter(law__slug=law_slug).order_by(in_force_first, "-version_date").first()
        )
        if version is None:
            raise Http404("没有这部法律")
        return version
    return get_object_or_404(versions, law__slug=law_slug, slug=version_slug)


def other_versions(version: LawVersion) -> QuerySet[LawVersion]:
    return version.law.versions.exclude(pk=version.pk).order_by("-version_date")


def article_in(version: LawVersion, number: int, suffix: int) -> Article:
    return get_object_or_404(
        Article.objects.select_related("version__law"),
        version=version,
        number=number,
        suffix=suffix,
    )


def neighbours(article: Article) -> tuple[Article | None, Article | None]:
    # With their law: the page links to both (a URL names the law and the version).
    siblings = Article.objects.filter(version_id=article.version_id).select_related("version__law")
    previous = (
        (
            siblings.filter(number__lt=article.number)
            | siblings.filter(number=article.number, suffix__lt=article.suffix)
        )
        .order_by("-number", "-suffix")
        .first()
    )
    following = (
        (
            siblings.filter(number__gt=article.number)
            | siblings.filter(number=article.number, suffix__gt=article.suffix)
        )
        .order_by("number", "suffix")
        .first()
    )
    return previous, following
