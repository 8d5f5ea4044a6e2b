"""JSON shapes of laws, their versions and articles. Output and input serializers are separate:
what a client may send is declared, never inferred from the model."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.reverse import reverse

from portal.api.serializers import StrictSerializer
from statutes.models import Article, Law, LawVersion

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    from statutes.selectors import CurrentVersion


def absolute(context: Mapping[str, Any], path: str) -> str:
    """The site page's full URL, so that an API client can link to it."""
    request: Request | None = context.get("request")
    return request.build_absolute_uri(path) if request is not None else path


class LawVersionSerializer(serializers.ModelSerializer):
    html_url = serializers.SerializerMethodField()

    class Meta:
        model = LawVersion
        fields: tuple[str, ...] = (
            "slug",
            "doc_number",
            "version_date",
            "effective_date",
            "status",
            "html_url",
        )

    def get_html_url(self, version: LawVersion) -> str:
        return absolute(self.context, version.get_absolute_url())


class LawBriefSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    class Meta:
        model = Law
        fields: tuple[str, ...] = ("slug", "title", "url")

    def get_url(self, law: Law) -> str:
        return reverse("api:law-detail", kwargs={"slug": law.slug}, request=self.context["request"])


class LawSerializer(LawBriefSerializer):
    html_url = serializers.SerializerMethodField()
    articles_url = serializers.SerializerMethodField()
    current_version = serializers.SerializerMethodField()

    class Meta:
        model = Law
        fields: tuple[str, ...] = (
            "slug",
            "title",
            "kind",
            "issuing_body",
            "url",
            "html_url",
            "articles_url",
            "current_version",
        )

    def get_html_url(self, law: Law) -> str:
        return absolute(self.context, law.get_absolute_url())

    def get_articles_url(self, law: Law) -> str:
        return reverse(
            "api:law-article-list", kwargs={"law_slug": law.slug}, request=self.context["request"]
        )

    @extend_schema_field(LawVersionSerializer(allow_null=True))
    def get_current_version(
        self, law: WithAnnotations[Law, CurrentVersion]
    ) -> dict[str, Any] | None:
        # statutes.selectors.law_list() prefetches the version in force into law.current.
        current = law.current[0] if law.current else None
        return LawVersionSerializer(current, context=self.context).data if current else None


class LawDetailSerializer(LawSerializer):
    versions = LawVersionSerializer(many=True, read_only=True)

    class Meta(LawSerializer.Meta):
        fields: tuple[str, ...] = (*LawSerializer.Meta.fields, "versions")


class ArticleBriefSerializer(serializers.ModelSerializer):
    """An article as cited by a question or an answer."""

    url = serializers.SerializerMethodField()
    html_url = serializers.SerializerMethodField()
    # ArticleSerializer shows the law itself here.
    law: serializers.Field = serializers.CharField(source="version.law.slug", read_only=True)
    law_title = serializers.CharField(source="version.law.title", read_only=True)

    class Meta:
        model = Article
        fields: tuple[str, ...] = (
            "id",
            "url",
            "html_url",
            "law",
            "law_title",
            "label",
            "number",
            "suffix",
        )

    def get_url(self, article: Article) -> str:
        return reverse(
            "api:article-detail", kwargs={"pk": article.pk}, request=self.context["request"]
        )

    def get_html_url(self, article: Article) -> str:
        return absolute(self.context, article.get_absolute_url())


class ArticleVersionSerializer(serializers.ModelSerializer):
    class Meta:
        model = LawVersion
        fields: tuple[str, ...] = ("slug", "status", "version_date", "doc_number")


class ArticleSerializer(ArticleBriefSerializer):
    law = LawBriefSerializer(source="version.law", read_only=True)
    version = ArticleVersionSerializer(read_only=True)

    class Meta:
        model = Article
        fields: tuple[str, ...] = (
            "id",
            "url",
            "html_url",
            "law",
            "version",
            "label",
            "number",
            "suffix",
            "part",
            "subpart",
            "chapter",
            "section",
            "text",
        )


class ArticleUpdateSerializer(StrictSerializer):
    """A curator's edit: the fields of the admin's change form. PATCH sends only what changes."""

    # DRF's metaclass takes declared fields off the class, so this `label` never meets
    # Field.label; the stubs can't know that.
    label = serializers.CharField(max_length=30)  # type: ignore[assignment]
    number = serializers.IntegerField(min_value=1, max_value=9999)
    suffix = serializers.IntegerField(min_value=0, max_value=99)
    part = serializers.CharField(max_length=100, allow_blank=True, required=False)
    subpart = serializers.CharField(max_length=100, allow_blank=True, required=False)
    chapter = serializers.CharField(max_length=100, allow_blank=True, required=False)
    section = serializers.CharField(max_length=100, allow_blank=True, required=False)
    text = serializers.CharField()
