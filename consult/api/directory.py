"""Lawyers and categories: the read-only directory, and a lawyer's own application."""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from consult import selectors
from consult.filters import LawyerFilter
from consult.models import LawyerProfile
from consult.serializers import CategoryDetailSerializer, LawyerMeSerializer, LawyerSerializer
from portal.api.errors import error_responses
from portal.api.pagination import KeysetPagination
from portal.http import signed_in_user

LAWYER_ID = OpenApiParameter("id", int, OpenApiParameter.PATH, description="律师 id")


@extend_schema_view(
    list=extend_schema(
        summary="认证律师",
        description="只列出通过认证的律师，含已帮助人数；不含执业证号。",
        responses={200: LawyerSerializer, **error_responses(400, 429)},
    ),
    retrieve=extend_schema(
        summary="律师",
        parameters=[LAWYER_ID],
        responses={200: LawyerSerializer, **error_responses(400, 404, 429)},
    ),
    me=extend_schema(
        summary="我的律师认证申请",
        description="当前用户自己的律师资料与认证状态（含执业证号）；未申请时返回 404。",
        responses={200: LawyerMeSerializer, **error_responses(401, 404, 429)},
    ),
)
class LawyerViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [AllowAny]
    filterset_class = LawyerFilter
    pagination_class = KeysetPagination
    serializer_class = LawyerSerializer
    lookup_value_regex = "[0-9]+"

    def get_queryset(self) -> QuerySet[LawyerProfile]:
        return LawyerProfile.objects.verified().prefetch_related("practice_areas").order_by("pk")

    @action(detail=False, methods=["get"], permission_classes=[IsAuthenticated])
    def me(self, request: Request) -> Response:
        profile = (
            LawyerProfile.objects.prefetch_related("practice_areas")
            .filter(user=signed_in_user(request))
            .first()
        )
        if profile is None:
            raise NotFound("您还没有申请律师认证。")
        return Response(LawyerMeSerializer(profile, context=self.get_serializer_context()).data)


@extend_schema_view(
    list=extend_schema(
        summary="分类",
        description="全部分类（擅长领域），按站点的排序；分类不多，整体返回，不分页。",
        responses={200: CategoryDetailSerializer(many=True), **error_responses(400, 429)},
    ),
    retrieve=extend_schema(
        summary="分类",
        responses={200: CategoryDetailSerializer, **error_responses(400, 404, 429)},
    ),
)
class CategoryViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [AllowAny]
    # A few dozen practice areas, curated by staff: one page.
    pagination_class = None
    filterset_class = None
    serializer_class = CategoryDetailSerializer
    lookup_field = "slug"
    # A slug's characters only: anything else (%00, which PostgreSQL refuses in text with an
    # error rather than no match) is a 404 before it reaches the database.
    lookup_value_regex = "[-a-zA-Z0-9_]+"

    def get_queryset(self) -> QuerySet:
        return selectors.categories()
