"""Questions: the list and detail, asking, editing, and hiding by moderators."""

from __future__ import annotations

import builtins
from typing import Any

from django.db.models import Prefetch, QuerySet
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from consult import permissions, related, selectors
from consult.filters import QuestionFilter
from consult.models import Question
from consult.permissions import AnyUser
from consult.serializers import (
    DeleteInputSerializer,
    HideInputSerializer,
    QuestionCreateSerializer,
    QuestionDetailSerializer,
    QuestionListSerializer,
    QuestionUpdateSerializer,
    QuestionWrittenSerializer,
)
from consult.services import moderation
from consult.services import questions as question_services
from consult.services.masking import Masked
from consult.view_models import QuestionThread
from portal.api.errors import error_responses
from portal.api.idempotency import AtomicWrites
from portal.api.pagination import KeysetPagination
from portal.api.permissions import staff_with, view_action
from portal.http import signed_in_user
from statutes.models import Article

MODERATORS = staff_with("consult.change_question")

# ---------------------------------------------------------------------------------------------
# Reads


def question_rows(user: AnyUser) -> QuerySet[Question]:
    """The question list: selectors.question_list() of what the user may see (staff: with
    hidden rows). The answer and helpful counts, which "most helpful first" sorts by, are
    stored on the rows."""
    return selectors.question_list(user)


def reachable_question_rows(user: AnyUser) -> QuerySet[Question]:
    """One question by id: what the user may open (Question.objects.reachable_by)."""
    return Question.objects.reachable_by(user).newest().select_related("category", "author")


# ---------------------------------------------------------------------------------------------
# Who may do what: consult.permissions decides; these only map actions to its rules.


class QuestionPermission(BasePermission):
    """Anyone reads; a signed-in user asks; the asker edits and deletes."""

    def has_permission(self, request: Request, view: APIView) -> bool:
        action = view_action(view)
        if action == "create":
            return permissions.can_ask(request.user)
        if action in ("update", "partial_update", "destroy", "delete_by_post"):
            return request.user.is_authenticated
        return True

    def has_object_permission(self, request: Request, view: APIView, obj: Question) -> bool:
        if view_action(view) in ("update", "partial_update"):
            self.message = permissions.EDIT_QUESTION_DENIED
            return permissions.can_edit_question(request.user, obj)
        if view_action(view) in ("destroy", "delete_by_post"):
            self.message = permissions.DELETE_QUESTION_DENIED
            return permissions.can_delete_question(request.user, obj)
        return True


# ---------------------------------------------------------------------------------------------
# Questions

QUESTION_ID = OpenApiParameter("id", int, OpenApiParameter.PATH, description="问题 id")


@extend_schema_view(
    list=extend_schema(
        summary="问题列表",
        description="可见的问题，默认最新在前；游标分页，不统计总数。",
        responses={200: QuestionListSerializer, **error_responses(400, 429)},
    ),
    retrieve=extend_schema(
        summary="问题详情",
        description="含可见的回答（已采纳的在前）、引用的条文和相关问题。",
        parameters=[QUESTION_ID],
        responses={200: QuestionDetailSerializer, **error_responses(400, 404, 429)},
    ),
    create=extend_schema(
        summary="提问",
        description="需要登录。标题和描述中的个人信息（身份证号、手机号等）发布前打码，"
        "`masked` 列出隐去了什么。",
        request=QuestionCreateSerializer,
        responses={201: QuestionWrittenSerializer, **error_responses(400, 401, 403, 429)},
    ),
    update=extend_schema(
        summary="修改问题",
        description="只有提问者本人；律师回答后也可以修改（例如删去个人信息），回答保留，"
        "修改前的版本只有管理员可见。个人信息同样打码，`masked` 列出隐去了什么。"
        "疑似垃圾内容会转入人工审核（`review_status` 为 pending）。",
        parameters=[QUESTION_ID],
        request=QuestionUpdateSerializer,
        responses={200: QuestionWrittenSerializer, **error_responses(400, 401, 403, 404, 429)},
    ),
    partial_update=extend_schema(
        summary="修改问题的部分字段",
        description="只有提问者本人；律师回答后也可以修改，回答保留。"
        "个人信息同样打码，`masked` 列出隐去了什么。",
        parameters=[QUESTION_ID],
        request=QuestionUpdateSerializer(partial=True),
        responses={200: QuestionWrittenSerializer, **error_responses(400, 401, 403, 404, 429)},
    ),
    destroy=extend_schema(
        summary="删除问题（提问者）",
        description="需在请求体中给出删除原因 `reason`。删除后问题立即从所有页面、列表、搜索、"
        "订阅和 API 中消失，管理员仍可在后台查看。",
        parameters=[QUESTION_ID],
        request=DeleteInputSerializer,
        responses={204: None, **error_responses(400, 401, 403, 404, 429)},
    ),
    delete_by_post=extend_schema(
        summary="删除问题（提问者，POST 方式）",
        description="与 DELETE 相同，供不便发送带请求体的 DELETE 的客户端使用。",
        parameters=[QUESTION_ID],
        request=DeleteInputSerializer,
        responses={204: None, **error_responses(400, 401, 403, 404, 429)},
    ),
    hide=extend_schema(
        summary="隐藏问题（管理员）",
        description="隐藏后只有管理员能看到；历史记录中留下操作人。",
        parameters=[QUESTION_ID],
        request=HideInputSerializer,
        responses={200: QuestionDetailSerializer, **error_responses(400, 401, 403, 404, 429)},
    ),
    unhide=extend_schema(
        summary="取消隐藏问题（管理员）",
        parameters=[QUESTION_ID],
        request=None,
        responses={200: QuestionDetailSerializer, **error_responses(400, 401, 403, 404, 429)},
    ),
)
class QuestionViewSet(AtomicWrites, viewsets.GenericViewSet):
    permission_classes = [QuestionPermission]
    filterset_class = QuestionFilter
    pagination_class = KeysetPagination
    serializer_class = QuestionListSerializer
    lookup_value_regex = "[0-9]+"

    def get_queryset(self) -> QuerySet[Question]:
        if self.action == "list":
            return question_rows(self.request.user)
        cited = Prefetch("cited_articles", queryset=Article.objects.with_law())
        # The stored related list comes with the question (consult.related).
        return (
            reachable_question_rows(self.request.user)
            .select_related("related_list")
            .prefetch_related(cited)
        )

    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request: Request, pk: str) -> Response:
        return Response(self._detail(self.get_object(), reread=False))

    def create(self, request: Request) -> Response:
        data = self._valid(QuestionCreateSerializer)
        report: list[Masked] = []
        question = question_services.question_create(
            author=signed_in_user(request), masked_report=report, **data
        )
        return Response(self._detail(question, masked=report), status=status.HTTP_201_CREATED)

    def update(self, request: Request, pk: str, partial: bool = False) -> Response:
        question = self.get_object()
        current = {
            "title": question.title,
            "body": question.body,
            "category": question.category,
            "is_anonymous": question.is_anonymous,
            "region": question.region,
        }
        data = current | self._valid(QuestionUpdateSerializer, partial=partial)
        report: list[Masked] = []
        question = question_services.question_update(
            question=question, by=signed_in_user(request), masked_report=report, **data
        )
        return Response(self._detail(question, masked=report))

    def partial_update(self, request: Request, pk: str) -> Response:
        return self.update(request, pk, partial=True)

    def destroy(self, request: Request, pk: str) -> Response:
        data = self._valid(DeleteInputSerializer)
        question_services.question_delete(
            question=self.get_object(), by=signed_in_user(request), reason=data["reason"]
        )
        return Response(status=status.HTTP_204_NO_CONTENT)

    # Named apart from View.delete, which the router maps to destroy.
    @action(detail=True, methods=["post"], url_path="delete")
    def delete_by_post(self, request: Request, pk: str) -> Response:
        return self.destroy(request, pk)

    @action(detail=True, methods=["post"], permission_classes=[MODERATORS])
    def hide(self, request: Request, pk: str) -> Response:
        data = self._valid(HideInputSerializer)
        question = self.get_object()
        moderation.set_hidden(
            [question], hidden=True, by=signed_in_user(request), reason=data["reason"]
        )
        return Response(self._detail(question))

    @action(detail=True, methods=["post"], permission_classes=[MODERATORS])
    def unhide(self, request: Request, pk: str) -> Response:
        question = self.get_object()
        moderation.set_hidden([question], hidden=False, by=signed_in_user(request))
        return Response(self._detail(question))

    def _valid(self, serializer_class: type, *, partial: bool = False) -> dict[str, Any]:
        serializer = serializer_class(data=self.request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)

    def _detail(
        self,
        question: Question,
        *,
        reread: bool = True,
        masked: builtins.list[Masked] | None = None,
    ) -> dict[str, Any]:
        """The detail page's data; after a write, read afresh (counts, hidden state), and say
        what the write masked."""
        if reread:
            question = self.get_queryset().get(pk=question.pk)
        thread = QuestionThread(
            question=question,
            api_answers=selectors.visible_answers(question),
            api_related=related.related_questions(question),
        )
        context = {
            **self.get_serializer_context(),
            "helpful_ids": selectors.helpful_answer_ids(self.request.user, thread.api_answers),
        }
        if masked is None:
            return QuestionDetailSerializer(thread, context=context).data
        return QuestionWrittenSerializer(thread, context={**context, "masked": masked}).data
