"""追问 under an answer: reading the thread, and writing to it (the asker and the answering
lawyer only). The same service and permission as the question page."""

from __future__ import annotations

from functools import cached_property

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.exceptions import NotAuthenticated
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from accounts.models import User
from consult import permissions
from consult.models import Answer, FollowUp
from consult.serializers import (
    FollowUpInputSerializer,
    FollowUpSerializer,
    FollowUpWrittenSerializer,
)
from consult.services import follow_ups as follow_up_services
from consult.services.masking import Masked
from portal.api.errors import error_responses
from portal.api.filters import check_query_params
from portal.api.idempotency import AtomicWrites

ANSWER_ID = OpenApiParameter("answer_pk", int, OpenApiParameter.PATH, description="回答 id")


class FollowUpPermission(BasePermission):
    """Anyone reads the thread of a visible answer; the asker and the answering lawyer write."""

    message = permissions.FOLLOW_UP_DENIED

    def has_permission(self, request: Request, view: APIView) -> bool:
        if not isinstance(view, FollowUpViewSet) or view.action != "create":
            return True
        return request.user.is_authenticated and permissions.can_follow_up(
            request.user, view.answer
        )


@extend_schema_view(
    list=extend_schema(
        summary="回答下的追问",
        description="提问者的追问和律师的回复，按时间先后；每条回答最多 "
        f"{follow_up_services.MAX_PER_ANSWER} 条，整体返回，不分页。回答或问题被隐藏时为 404。",
        parameters=[ANSWER_ID],
        responses={200: FollowUpSerializer(many=True), **error_responses(400, 404, 429)},
    ),
    create=extend_schema(
        summary="追问或回复",
        description="只有提问者（追问）和回答的律师本人（回复）可以发布；对方会收到通知。"
        "个人信息发布前打码，`masked` 列出隐去了什么。",
        parameters=[ANSWER_ID],
        request=FollowUpInputSerializer,
        responses={201: FollowUpWrittenSerializer, **error_responses(400, 401, 403, 404, 429)},
    ),
)
class FollowUpViewSet(AtomicWrites, viewsets.GenericViewSet):
    permission_classes = [FollowUpPermission]
    # A thread is short (capped): returned whole.
    pagination_class = None
    filterset_class = None
    serializer_class = FollowUpSerializer

    @cached_property
    def answer(self) -> Answer:
        return get_object_or_404(
            Answer.objects.select_related("question", "lawyer"),
            pk=self.kwargs["answer_pk"],
            is_hidden=False,
            question__is_hidden=False,
        )

    def get_queryset(self) -> QuerySet[FollowUp]:
        if getattr(self, "swagger_fake_view", False):
            return FollowUp.objects.none()
        return self.answer.follow_ups.order_by("created_at", "pk")

    def list(self, request: Request, answer_pk: str) -> Response:
        check_query_params(request, {api_settings.URL_FORMAT_OVERRIDE})
        context = self.get_serializer_context()
        return Response(FollowUpSerializer(self.get_queryset(), many=True, context=context).data)

    def create(self, request: Request, answer_pk: str) -> Response:
        user = request.user
        if not isinstance(user, User):  # FollowUpPermission let only a signed-in user here
            raise NotAuthenticated()
        serializer = FollowUpInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        report: list[Masked] = []
        follow_up = follow_up_services.follow_up_create(
            answer=self.answer,
            by=user,
            body=serializer.validated_data["body"],
            masked_report=report,
        )
        context = {**self.get_serializer_context(), "masked": report}
        return Response(
            FollowUpWrittenSerializer(follow_up, context=context).data,
            status=status.HTTP_201_CREATED,
        )
