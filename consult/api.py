"""The Q&A resources of the API: questions, their answers, lawyers, categories.

Viewsets declare who may do what (consult.permissions decides), which filters and pagination
apply and what they read; each write action parses its input and calls one service.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny, BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from consult import permissions, selectors
from consult.filters import LawyerFilter, QuestionFilter
from consult.models import Answer, HelpfulMark, LawyerProfile, Question
from consult.permissions import AnyUser
from consult.serializers import (
    AnswerInputSerializer,
    AnswerSerializer,
    CategoryDetailSerializer,
    HelpfulResultSerializer,
    HideInputSerializer,
    LawyerMeSerializer,
    LawyerSerializer,
    QuestionCreateSerializer,
    QuestionDetailSerializer,
    QuestionListSerializer,
    QuestionUpdateSerializer,
)
from consult.services import answers as answer_services
from consult.services import moderation
from consult.services import questions as question_services
from portal.api import KeysetPagination, check_query_params, error_responses, staff_with
from statutes.models import Article

MODERATORS = staff_with("consult.change_question")

# ---------------------------------------------------------------------------------------------
# Reads


def reachable_questions(user: AnyUser) -> QuerySet[Question]:
    """Hidden questions are invisible to everyone but staff (who see them marked is_hidden)."""
    return Question.objects.all() if user.is_staff else Question.objects.visible()


def question_rows(user: AnyUser) -> QuerySet[Question]:
    """The question list: selectors.question_list() (staff: with hidden rows) plus the
    helpful total that "most helpful first" sorts by."""
    if user.is_staff:
        questions = (
            Question.objects.latest()
            .select_related("category", "author")
            .annotate(answer_count=Count("answers", filter=Q(answers__is_hidden=False)))
        )
    else:
        questions = selectors.question_list()
    # A subquery, not a second Count over a join: two joins would multiply each other's rows.
    marks = (
        HelpfulMark.objects.filter(answer__question=OuterRef("pk"), answer__is_hidden=False)
        .order_by()
        .values("answer__question")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return questions.annotate(helpful_total=Coalesce(Subquery(marks), 0))


# ---------------------------------------------------------------------------------------------
# Who may do what: consult.permissions decides; these only map actions to its rules.


class QuestionPermission(BasePermission):
    """Anyone reads; a signed-in user asks; the author edits until a lawyer has answered."""

    def has_permission(self, request: Request, view: APIView) -> bool:
        if view.action == "create":
            return permissions.can_ask(request.user)
        if view.action in ("update", "partial_update"):
            return request.user.is_authenticated
        return True

    def has_object_permission(self, request: Request, view: APIView, obj: Question) -> bool:
        if view.action in ("update", "partial_update"):
            self.message = "只有提问者可以在律师回答前修改问题。"
            return permissions.can_edit_question(request.user, obj)
        return True


class AnswerPermission(BasePermission):
    """Anyone reads; a verified lawyer answers (once); the question's author accepts; any
    signed-in user but the answering lawyer marks an answer helpful."""

    writes = ("create", "update", "partial_update", "accept", "helpful")

    def has_permission(self, request: Request, view: AnswerViewSet) -> bool:
        if view.action not in self.writes:
            return True  # reads; any other method is a 405 for everyone alike
        if not request.user.is_authenticated:
            return False
        if view.action == "create":
            self.message = (
                "只有通过认证的律师可以回答（不能回答自己的问题），且每个问题只能回答一次。"
            )
            return permissions.can_answer(request.user, view.question)
        return True

    def has_object_permission(self, request: Request, view: APIView, obj: Answer) -> bool:
        user = request.user
        if view.action in ("update", "partial_update"):
            self.message = "只有回答的律师本人可以修改回答。"
            return permissions.can_edit_answer(user, obj)
        if view.action == "accept":
            asker = obj.question.author_id == user.pk
            self.message = "这条回答已经被采纳了。" if asker else "只有提问者可以采纳回答。"
            return permissions.can_accept(user, obj)
        if view.action == "helpful":
            self.message = "不能为自己的回答点“有帮助”。"
            return permissions.can_mark_helpful(user, obj)
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
        description="需要登录。",
        request=QuestionCreateSerializer,
        responses={201: QuestionDetailSerializer, **error_responses(400, 401, 403, 429)},
    ),
    update=extend_schema(
        summary="修改问题",
        description="只有提问者，且在律师回答之前。",
        parameters=[QUESTION_ID],
        request=QuestionUpdateSerializer,
        responses={200: QuestionDetailSerializer, **error_responses(400, 401, 403, 404, 429)},
    ),
    partial_update=extend_schema(
        summary="修改问题的部分字段",
        description="只有提问者，且在律师回答之前。",
        parameters=[QUESTION_ID],
        request=QuestionUpdateSerializer(partial=True),
        responses={200: QuestionDetailSerializer, **error_responses(400, 401, 403, 404, 429)},
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
class QuestionViewSet(viewsets.GenericViewSet):
    permission_classes = [QuestionPermission]
    filterset_class = QuestionFilter
    pagination_class = KeysetPagination
    serializer_class = QuestionListSerializer
    lookup_value_regex = "[0-9]+"

    def get_queryset(self) -> QuerySet[Question]:
        questions = question_rows(self.request.user)
        if self.action != "list":
            cited = Prefetch("cited_articles", queryset=Article.objects.with_law())
            questions = questions.prefetch_related(cited)
        return questions

    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request: Request, pk: str) -> Response:
        return Response(self._detail(self.get_object(), reread=False))

    def create(self, request: Request) -> Response:
        data = self._valid(QuestionCreateSerializer)
        question = question_services.question_create(author=request.user, **data)
        return Response(self._detail(question), status=status.HTTP_201_CREATED)

    def update(self, request: Request, pk: str, partial: bool = False) -> Response:
        question = self.get_object()
        current = {
            "title": question.title,
            "body": question.body,
            "category": question.category,
            "is_anonymous": question.is_anonymous,
        }
        data = current | self._valid(QuestionUpdateSerializer, partial=partial)
        question = question_services.question_update(question=question, by=request.user, **data)
        return Response(self._detail(question))

    def partial_update(self, request: Request, pk: str) -> Response:
        return self.update(request, pk, partial=True)

    @action(detail=True, methods=["post"], permission_classes=[MODERATORS])
    def hide(self, request: Request, pk: str) -> Response:
        data = self._valid(HideInputSerializer)
        question = self.get_object()
        moderation.set_hidden([question], hidden=True, by=request.user, reason=data["reason"])
        return Response(self._detail(question))

    @action(detail=True, methods=["post"], permission_classes=[MODERATORS])
    def unhide(self, request: Request, pk: str) -> Response:
        question = self.get_object()
        moderation.set_hidden([question], hidden=False, by=request.user)
        return Response(self._detail(question))

    def _valid(self, serializer_class: type, *, partial: bool = False) -> dict[str, Any]:
        serializer = serializer_class(data=self.request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)

    def _detail(self, question: Question, *, reread: bool = True) -> dict[str, Any]:
        """The detail page's data; after a write, read afresh (counts, hidden state)."""
        if reread:
            question = self.get_queryset().get(pk=question.pk)
        question.api_answers = selectors.visible_answers(question)
        question.api_related = selectors.related_questions(question)
        context = self.get_serializer_context()
        context["helpful_ids"] = selectors.helpful_answer_ids(
            self.request.user, question.api_answers
        )
        return QuestionDetailSerializer(question, context=context).data


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
        description="只有通过认证的律师可以回答，不能回答自己的问题，每个问题只能回答一次。",
        parameters=ANSWER_PARAMS,
        request=AnswerInputSerializer,
        responses={201: AnswerSerializer, **error_responses(400, 401, 403, 404, 429)},
    ),
    update=extend_schema(
        summary="修改回答（回答的律师本人）",
        parameters=ANSWER_DETAIL_PARAMS,
        request=AnswerInputSerializer,
        responses={200: AnswerSerializer, **error_responses(400, 401, 403, 404, 429)},
    ),
    partial_update=extend_schema(
        summary="修改回答的部分字段（回答的律师本人）",
        parameters=ANSWER_DETAIL_PARAMS,
        request=AnswerInputSerializer(partial=True),
        responses={200: AnswerSerializer, **error_responses(400, 401, 403, 404, 429)},
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
class AnswerViewSet(viewsets.GenericViewSet):
    permission_classes = [AnswerPermission]
    # One answer per lawyer: a question's answers are few and the page shows them whole.
    pagination_class = None
    filterset_class = None
    serializer_class = AnswerSerializer
    lookup_value_regex = "[0-9]+"

    @cached_property
    def question(self) -> Question:
        return get_object_or_404(
            reachable_questions(self.request.user), pk=self.kwargs["question_pk"]
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
        answer = answer_services.answer_create(question=self.question, by=request.user, **data)
        return Response(self._answer(answer), status=status.HTTP_201_CREATED)

    def update(
        self, request: Request, question_pk: str, pk: str, partial: bool = False
    ) -> Response:
        answer = self.get_object()
        current = {"body": answer.body, "cited_articles": list(answer.cited_articles.all())}
        data = current | self._valid(partial=partial)
        answer = answer_services.answer_update(answer=answer, by=request.user, **data)
        return Response(self._answer(answer))

    def partial_update(self, request: Request, question_pk: str, pk: str) -> Response:
        return self.update(request, question_pk, pk, partial=True)

    @action(detail=True, methods=["post"])
    def accept(self, request: Request, question_pk: str, pk: str) -> Response:
        answer = answer_services.answer_accept(answer=self.get_object(), by=request.user)
        return Response(self._answer(answer))

    @action(detail=True, methods=["post"])
    def helpful(self, request: Request, question_pk: str, pk: str) -> Response:
        answer = self.get_object()
        answer_services.helpful_mark(answer=answer, by=request.user)
        result = {"answer": answer.pk, "helpful_count": answer.helpful_marks.count()}
        return Response(HelpfulResultSerializer(result).data, status=status.HTTP_201_CREATED)

    def _valid(self, *, partial: bool = False) -> dict[str, Any]:
        serializer = AnswerInputSerializer(data=self.request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)

    def _answer(self, answer: Answer) -> dict[str, Any]:
        """One answer as the list shows it (lawyer card, helped count, helpful count)."""
        answers = selectors.visible_answers(self.question)
        return self._serialize(next(a for a in answers if a.pk == answer.pk))

    def _serialize(self, answers: Any, *, many: bool = False) -> Any:
        shown = answers if many else [answers]
        context = self.get_serializer_context()
        context["helpful_ids"] = selectors.helpful_answer_ids(self.request.user, shown)
        return AnswerSerializer(answers, many=many, context=context).data


# ---------------------------------------------------------------------------------------------
# Lawyers and categories

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
        return (
            LawyerProfile.objects.verified()
            .with_helped_count()
            .prefetch_related("practice_areas")
            .order_by("pk")
        )

    @action(detail=False, methods=["get"], permission_classes=[IsAuthenticated])
    def me(self, request: Request) -> Response:
        profile = (
            LawyerProfile.objects.with_helped_count()
            .prefetch_related("practice_areas")
            .filter(user=request.user)
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

    def get_queryset(self) -> QuerySet:
        return selectors.categories()
