"""Laws, their versions and their articles: the statute database the site cites."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from search.models import FullTextDocument
from statutes.structure import Paragraph, split_paragraphs

if TYPE_CHECKING:
    from accounts.models import User


class Law(models.Model):
    class Kind(models.TextChoices):
        LAW = "法律", "法律"
        INTERPRETATION = "司法解释", "司法解释"
        REGULATION = "行政法规", "行政法规"

    slug = models.SlugField("标识", max_length=80, unique=True)
    title = models.CharField("标题", max_length=200)
    kind = models.CharField("类别", max_length=10, choices=Kind.choices)
    issuing_body = models.CharField("制定机关", max_length=100)

    class Meta:
        verbose_name = "法律法规"
        verbose_name_plural = "法律法规"
        ordering = ["kind", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("statutes:law-detail", kwargs={"law": self.slug})


class LawVersionQuerySet(models.QuerySet["LawVersion"]):
    def current(self) -> LawVersionQuerySet:
        return self.filter(status=LawVersion.Status.VALID)


class LawVersion(models.Model):
    """One text of a law as adopted or amended on a date; older versions stay reachable."""

    class Status(models.TextChoices):
        VALID = "有效", "有效"
        AMENDED = "已修改", "已修改"
        REPEALED = "已废止", "已废止"

    law = models.ForeignKey(
        Law, verbose_name="法律法规", on_delete=models.CASCADE, related_name="versions"
    )
    slug = models.SlugField("版本标识", max_length=80, unique=True)
    doc_number = models.CharField("文号", max_length=60, blank=True)
    version_date = models.DateField("通过/修改日期")
    effective_date = models.DateField("施行日期", null=True, blank=True)
    status = models.CharField("效力", max_length=10, choices=Status.choices)
    supersedes = models.OneToOneField(
        "self",
        verbose_name="取代的版本",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="superseded_by",
    )
    history_note = models.TextField("制定与修改沿革", blank=True)
    preamble = models.TextField("序言", blank=True)
    appendix = models.TextField("附件", blank=True)

    objects = LawVersionQuerySet.as_manager()

    class Meta:
        verbose_name = "法律版本"
        verbose_name_plural = "法律版本"
        ordering = ["law", "-version_date"]
        constraints = [
            models.UniqueConstraint(fields=["law", "version_date"], name="unique_law_version_date"),
            # A law has at most one version in force at a time.
            models.UniqueConstraint(
                fields=["law"], condition=Q(status="有效"), name="one_valid_version_per_law"
            ),
            models.CheckConstraint(
                condition=~Q(supersedes=models.F("pk")), name="version_does_not_supersede_itself"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.law.title}（{self.version_date:%Y年%-m月%-d日}）"

    def get_absolute_url(self) -> str:
        if self.is_current:
            return self.law.get_absolute_url()
        return reverse(
            "statutes:version-detail", kwargs={"law": self.law.slug, "version": self.slug}
        )

    @property
    def is_current(self) -> bool:
        return self.status == self.Status.VALID


class ArticleQuerySet(models.QuerySet["Article"]):
    def current(self) -> ArticleQuerySet:
        return self.filter(version__status=LawVersion.Status.VALID)

    def with_law(self) -> ArticleQuerySet:
        return self.select_related("version__law")


class Article(models.Model):
    """One 条 of one law version. Its text keeps the 款 (lines) and 项 (（一）… lines) verbatim."""

    version = models.ForeignKey(
        LawVersion, verbose_name="版本", on_delete=models.CASCADE, related_name="articles"
    )
    number = models.PositiveIntegerField("条号")
    suffix = models.PositiveSmallIntegerField(
        "之几", default=0, help_text="第五条之一填 1，否则为 0"
    )
    label = models.CharField("条目", max_length=30, help_text="如“第二百五十三条之一”")
    part = models.CharField("编", max_length=100, blank=True)
    subpart = models.CharField("分编", max_length=100, blank=True)
    chapter = models.CharField("章", max_length=100, blank=True)
    section = models.CharField("节", max_length=100, blank=True)
    text = models.TextField("条文", help_text="每款一行；项以“（一）”等开头，各占一行。")

    history = HistoricalRecords()
    # simple_history reads who changed an article and why from the instance when it saves (its
    # documented way in); services set them just before save(). Declared for the type checker.
    _change_reason: str
    _history_user: User
    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = "条文"
        verbose_name_plural = "条文"
        ordering = ["version", "number", "suffix"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "number", "suffix"], name="unique_article_number_per_version"
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="article_number_positive"),
            models.CheckConstraint(condition=~Q(text=""), name="article_text_not_empty"),
        ]

    def __str__(self) -> str:
        return f"《{self.version.law.title}》{self.label}"

    def get_absolute_url(self) -> str:
        version = self.version
        if version.is_current:
            return reverse(
                "statutes:article-detail", kwargs={"law": version.law.slug, "article": self.slug}
            )
        return reverse(
            "statutes:version-article-detail",
            kwargs={"law": version.law.slug, "version": version.slug, "article": self.slug},
        )

    @property
    def slug(self) -> str:
        return f"{self.number}-{self.suffix}" if self.suffix else str(self.number)

    @property
    def paragraphs(self) -> list[Paragraph]:
        return split_paragraphs(self.text)

    @property
    def heading_path(self) -> list[str]:
        return [h for h in (self.part, self.subpart, self.chapter, self.section) if h]


class ArticleSearchDocument(FullTextDocument):
    """The article's words for full-text search: its text (A), its 编/章/节 headings (B), the
    law's title (C). Written by statutes.search_index when the text is imported or curated."""

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, primary_key=True, related_name="search_document"
    )

    class Meta:
        verbose_name = "条文搜索索引"
        verbose_name_plural = "条文搜索索引"

    def __str__(self) -> str:
        return str(self.article_id)


class LawAlias(models.Model):
    """Another name people cite a law by ("个保法", "刑诉法"), besides its title and short title.

    Curated in the admin; a starting set ships in statutes/data/aliases.toml (import_laws adds
    the missing ones). An alias names one law, whichever version was in force at the time."""

    law = models.ForeignKey(
        Law, verbose_name="法律法规", on_delete=models.CASCADE, related_name="aliases"
    )
    alias = models.CharField(
        "简称", max_length=60, unique=True, help_text="正文中出现的写法，如“个保法”；不含书名号。"
    )

    class Meta:
        verbose_name = "法律简称"
        verbose_name_plural = "法律简称"
        ordering = ["law", "alias"]

    def __str__(self) -> str:
        return f"{self.alias} → {self.law.title}"
