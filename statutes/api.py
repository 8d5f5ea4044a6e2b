"""The statute resources of the API: laws, their articles, and a curator's edit of an article."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.permissions import AllowAny, BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from portal.api.errors import error_responses
from portal.api.idempotency import AtomicWrites
from portal.api.pagination import KeysetPagination
from portal.api.permissions import view_action
from portal.http import signed_in_user
from statutes import selectors, services
from statutes.filters import ArticleFilter, LawArticleFilter, LawFilter
from statutes.models import Article, Law
from statutes.serializers import (
    ArticleSerializer,
    ArticleUpdateSerializer,
    LawDetailSerializer,
    LawSerializer,
)


class CuratorOrReadOnly(BasePermission):
    """Anyone reads; staff who may change articles in the admin may change them here."""

    message = "只有有条文编辑权限的管理员可以修改条文。"

    def has_permission(self, request: Request, view: APIView) -> bool:
        if view_action(view) not in ("update", "partial_update"):
            return True  # reads; any other method is a 405 for everyone alike
        return request.user.is_authenticated and services.can_curate(request.user)


@extend_schema_view(
    list=extend_schema(
        summary="法律法规",
        description="每部法律附其现行版本（已废止的法律为 null）。",
        responses={200: LawSerializer, **error_responses(400, 429)},
    ),
    retrieve=extend_schema(
        summary="一部法律",
        description="含全部版本（现行、已修改、已废止）。",
        responses={200: LawDetailSerializer, **error_responses(400, 404, 429)},
    ),
)
class LawViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [AllowAny]
    filterset_class = LawFilter
    pagination_class = KeysetPagination
    lookup_field = "slug"
    # A slug's characters only: %00 would reach PostgreSQL, which answers it with an error.
    lookup_value_regex = "[-a-zA-Z0-9_]+"

    def get_queryset(self) -> QuerySet[Law]:
        laws = selectors.law_list().order_by("kind", "title", "pk")
        return laws.prefetch_related("versions") if self.action == "retrieve" else laws

    def get_serializer_class(self) -> type[LawSerializer]:
        return LawDetailSerializer if self.action == "retrieve" else LawSerializer


@extend_schema_view(
    list=extend_schema(
        summary="一部法律的条文",
        description="现行版本的条文（已废止的法律为其最后的版本），按条号排列。",
        parameters=[
            OpenApiParameter("law_slug", str, OpenApiParameter.PATH, description="法律标识")
        ],
        responses={200: ArticleSerializer, **error_responses(400, 404, 429)},
    ),
)
class LawArticleViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    permission_classes = [AllowAny]
    filterset_class = LawArticleFilter
    pagination_class = KeysetPagination
    serializer_class = ArticleSerializer

    def get_queryset(self) -> QuerySet[Article]:
        if getattr(self, "swagger_fake_view", False):
            return Article.objects.none()
        version = selectors.law_version(self.kwargs["law_slug"])  # 404 for an unknown law
        return version.articles.with_law().order_by("number", "suffix", "pk")


ARTICLE_ID = OpenApiParameter("id", int, OpenApiParameter.PATH, description="条文 id")
ARTICLE_WRITE_ERRORS = error_responses(400, 401, 403, 404, 429)


@extend_schema_view(
    list=extend_schema(
        summary="条文",
        description="所有法律、所有版本的条文；可按法律、效力、条号和文字筛选。"
        "约五千条：游标分页，不统计总数。",
        responses={200: ArticleSerializer, **error_responses(400, 429)},
    ),
    retrieve=extend_schema(
        summary="一条条文",
        parameters=[ARTICLE_ID],
        responses={200: ArticleSerializer, **error_responses(400, 404, 429)},
    ),
    update=extend_schema(
        summary="修改条文（管理员）",
        description="与后台的条文编辑相同：保留修改历史（谁、何时、改了什么）。",
        parameters=[ARTICLE_ID],
        request=ArticleUpdateSerializer,
        responses={200: ArticleSerializer, **ARTICLE_WRITE_ERRORS},
    ),
    partial_update=extend_schema(
        summary="修改条文的部分字段（管理员）",
        description="与后台的条文编辑相同：保留修改历史。",
        parameters=[ARTICLE_ID],
        request=ArticleUpdateSerializer(partial=True),
        responses={200: ArticleSerializer, **ARTICLE_WRITE_ERRORS},
    ),
)
class ArticleViewSet(
    AtomicWrites, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    permission_classes = [CuratorOrReadOnly]
    filterset_class = ArticleFilter
    pagination_class = KeysetPagination
    serializer_class = ArticleSerializer
    lookup_value_regex = "[0-9]+"

    def get_queryset(self) -> QuerySet[Article]:
        # (version, number, suffix) is unique and is the admin's and the importer's order.
        return Article.objects.with_law().order_by("version_id", "number", "suffix", "pk")

    def update(self, request: Request, pk: str, partial: bool = False) -> Response:
        article = self.get_object()
        serializer = ArticleUpdateSerializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        changes: dict[str, Any] = dict(serializer.validated_data)
        article = services.article_update(article=article, by=signed_in_user(request), **changes)
        article = self.get_queryset().get(pk=article.pk)
        return Response(self.get_serializer(article).data)

    def partial_update(self, request: Request, pk: str) -> Response:
        return self.update(request, pk, partial=True)
