"""Answers, under their question: reading, answering, editing, accepting, marking helpful."""

from __future__ import annotations

import builtins
from functools import cached_property
from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from consult import permissions, selectors
from consult.models import Answer, Question
from consult.serializers import (
    AnswerInputSerializer,
    AnswerSerializer,
    AnswerWrittenSerializer,
    HelpfulResultSerializer,
)
from consult.services import answers as answer_services
from consult.services.citations import typed_citations
from consult.services.masking import Masked
from portal.api.errors import error_responses
from portal.api.filters import check_query_params
from portal.api.idempotency import AtomicWrites
from portal.api.permissions import view_action
from portal.http import signed_in_user

# ---------------------------------------------------------------------------------------------
# Who may do what: consult.permissions decides; these only map actions to its rules.


class AnswerPermission(BasePermission):
    """Anyone reads; a verified lawyer answers (once); the question's author accepts; any
    signed-in user but the answering lawyer marks an answer helpful."""

    writes = ("create", "update", "partial_update", "accept", "helpful")

    def has_permission(self, request: Request, view: APIView) -> bool:
        action = view_action(view)
        if action not in self.writes:
            return True  # reads; any other method is a 405 for everyone alike
        if not request.user.is_authenticated:
            return False
        if action == "create" and isinstance(view, AnswerViewSet):
            self.message = permissions.ANSWER_DENIED
            return permissions.can_answer(request.user, view.question)
        return True

    def has_object_permission(self, request: Request, view: APIView, obj: Answer) -> bool:
        user = request.user
        action = view_action(view)
        if action in ("update", "partial_update"):
            self.message = permissions.EDIT_ANSWER_DENIED
            return permissions.can_edit_answer(user, obj)
        if action == "accept":
            self.message = permissions.accept_denied(user, obj)
            return permissions.can_accept(user, obj)
        if action == "helpful":
            self.message = permissions.HELPFUL_DENIED
            return permissions.can_mark_helpful(user, obj)
        return True


# ---------------------------------------------------------------------------------------------
# Answers, under their question

ANSWER_PARAMS = [
    OpenApiParameter("question_pk", int, OpenApiParameter.PATH, description="问题 id"),
]
ANSWER_DETAIL_PARAMS = [
    *ANSWER_PARAMS,
    OpenApiParameter("id", int, OpenApiParameter.PATH, description="回答 id"),
]


@extend_schema_view(
    list=extend_schema(
        summary="问题的回答",
        description="可见的回答，已采纳的在前，附律师卡片（含已帮助人数）。"
        "一个问题的回答不多（每位律师一条），整体返回，不分页。",
        parameters=ANSWER_PARAMS,
        responses={200: AnswerSerializer(many=True), **error_responses(400, 404, 429)},
    ),
    retrieve=extend_schema(
        summary="一条回答",
        parameters=ANSWER_DETAIL_PARAMS,
        responses={200: AnswerSerializer, **error_responses(400, 404, 429)},
    ),
    create=extend_schema(
        summary="回答问题（认证律师）",
        description="只有通过认证的律师可以回答，不能回答自己的问题，每个问题只能回答一次。"
        "回答中的个人信息发布前打码，`masked` 列出隐去了什么。",
        parameters=ANSWER_PARAMS,
        request=AnswerInputSerializer,
        responses={201: AnswerWrittenSerializer, **error_responses(400, 401, 403, 404, 429)},
    ),
    update=extend_schema(
        summary="修改回答（回答的律师本人）",
        parameters=ANSWER_DETAIL_PARAMS,
        request=AnswerInputSerializer,
        responses={200: AnswerWrittenSerializer, **error_responses(400, 401, 403, 404, 429)},
    ),
    partial_update=extend_schema(
        summary="修改回答的部分字段（回答的律师本人）",
        parameters=ANSWER_DETAIL_PARAMS,
        request=AnswerInputSerializer(partial=True),
        responses={200: AnswerWrittenSerializer, **error_responses(400, 401, 403, 404, 429)},
    ),
    accept=extend_schema(
        summary="采纳回答（提问者）",
        description="采纳另一条回答会把采纳标记移过去。",
        parameters=ANSWER_DETAIL_PARAMS,
        request=None,
        responses={200: AnswerSerializer, **error_responses(400, 401, 403, 404, 429)},
    ),
    helpful=extend_schema(
        summary="标记回答“有帮助”",
        description="登录用户每条回答限一次；回答的律师本人不能标记。重复标记返回 400。",
        parameters=ANSWER_DETAIL_PARAMS,
        request=None,
        responses={201: HelpfulResultSerializer, **error_responses(400, 401, 403, 404, 429)},
    ),
)
class AnswerViewSet(AtomicWrites, viewsets.GenericViewSet):
    permission_classes = [AnswerPermission]
    # One answer per lawyer: a question's answers are few and the page shows them whole.
    pagination_class = None
    filterset_class = None
    serializer_class = AnswerSerializer
    lookup_value_regex = "[0-9]+"

    @cached_property
    def question(self) -> Question:
        return get_object_or_404(
            Question.objects.visible_to(self.request.user), pk=self.kwargs["question_pk"]
        )

    def get_queryset(self) -> QuerySet[Answer]:
        if getattr(self, "swagger_fake_view", False):
            return Answer.objects.none()
        return (
            Answer.objects.visible()
            .filter(question=self.question)
            .select_related("question", "lawyer__user")
        )

    def list(self, request: Request, question_pk: str) -> Response:
        # No filters here, but an unknown parameter is still refused, as on every list.
        check_query_params(request, {api_settings.URL_FORMAT_OVERRIDE})
        answers = selectors.visible_answers(self.question)
        return Response(self._serialize(answers, many=True))

    def retrieve(self, request: Request, question_pk: str, pk: str) -> Response:
        return Response(self._answer(self.get_object()))

    def create(self, request: Request, question_pk: str) -> Response:
        data = self._valid()
        report: list[Masked] = []
        answer = answer_services.answer_create(
            question=self.question, by=signed_in_user(request), masked_report=report, **data
        )
        return Response(self._answer(answer, masked=report), status=status.HTTP_201_CREATED)

    def update(
        self, request: Request, question_pk: str, pk: str, partial: bool = False
    ) -> Response:
        answer = self.get_object()
        current = {"body": answer.body, "cited_articles": typed_citations(answer)}
        data = current | self._valid(partial=partial)
        report: list[Masked] = []
        answer = answer_services.answer_update(
            answer=answer, by=signed_in_user(request), masked_report=report, **data
        )
        return Response(self._answer(answer, masked=report))

    def partial_update(self, request: Request, question_pk: str, pk: str) -> Response:
        return self.update(request, question_pk, pk, partial=True)

    @action(detail=True, methods=["post"])
    def accept(self, request: Request, question_pk: str, pk: str) -> Response:
        answer = answer_services.answer_accept(answer=self.get_object(), by=signed_in_user(request))
        return Response(self._answer(answer))

    @action(detail=True, methods=["post"])
    def helpful(self, request: Request, question_pk: str, pk: str) -> Response:
        answer = self.get_object()
        answer_services.helpful_mark(answer=answer, by=signed_in_user(request))
        count = Answer.objects.values_list("helpful_count", flat=True).get(pk=answer.pk)
        result = {"answer": answer.pk, "helpful_count": count}
        return Response(HelpfulResultSerializer(result).data, status=status.HTTP_201_CREATED)

    def _valid(self, *, partial: bool = False) -> dict[str, Any]:
        serializer = AnswerInputSerializer(data=self.request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)

    def _answer(
        self, answer: Answer, *, masked: builtins.list[Masked] | None = None
    ) -> dict[str, Any]:
        """One answer as the list shows it (lawyer card, helped count, helpful count); after a
        write, with what it masked."""
        answers = selectors.visible_answers(self.question)
        return self._serialize(next(a for a in answers if a.pk == answer.pk), masked=masked)

    def _serialize(
        self, answers: Any, *, many: bool = False, masked: builtins.list[Masked] | None = None
    ) -> Any:
        shown = answers if many else [answers]
        context = {
            **self.get_serializer_context(),
            "helpful_ids": selectors.helpful_answer_ids(self.request.user, shown),
        }
        if masked is None:
            return AnswerSerializer(answers, many=many, context=context).data
        return AnswerWrittenSerializer(
            answers, many=many, context={**context, "masked": masked}
        ).data
