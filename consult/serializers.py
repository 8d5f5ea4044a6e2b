"""JSON shapes of the Q&A resources.

Output serializers say what the public may see, field by field: never an e-mail, never a
licence number (except to its own lawyer, in LawyerMeSerializer), never who asked an anonymous
question. Input serializers are separate and strict; the services validate the rest.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from consult.models import (
    MAX_ID,
    REGION_VALIDATOR,
    Answer,
    Category,
    FollowUp,
    LawyerProfile,
    Question,
)
from consult.services.answers import MAX_CITATIONS
from consult.services.holds import HELD_NOTICE
from portal.api.serializers import SlugRelatedField, StrictSerializer
from portal.text import validate_single_line
from statutes.models import Article
from statutes.serializers import ArticleBriefSerializer, absolute

# ---------------------------------------------------------------------------------------------
# Output


class CategorySerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    html_url = serializers.SerializerMethodField()

    class Meta:
        model = Category
        fields: tuple[str, ...] = ("slug", "name", "url", "html_url")

    def get_url(self, category: Category) -> str:
        return reverse(
            "api:category-detail", kwargs={"slug": category.slug}, request=self.context["request"]
        )

    def get_html_url(self, category: Category) -> str:
        return absolute(self.context, category.get_absolute_url())


class CategoryDetailSerializer(CategorySerializer):
    question_count = serializers.IntegerField(read_only=True, help_text="可见问题数")

    class Meta(CategorySerializer.Meta):
        fields: tuple[str, ...] = (
            *CategorySerializer.Meta.fields,
            "description",
            "position",
            "concerns_pi_crime",
            "question_count",
        )


class LawyerCardSerializer(serializers.ModelSerializer):
    """The card shown with an answer: public facts only."""

    url = serializers.SerializerMethodField()
    html_url = serializers.SerializerMethodField()
    practice_areas = CategorySerializer(many=True, read_only=True)
    helped_count = serializers.IntegerField(
        read_only=True, help_text="已帮助人数：律师（可见地）回答过的可见问题的不同提问人数"
    )
    title = serializers.CharField(
        source="public_title",
        read_only=True,
        help_text="按律师当前认证状态显示的称谓：已认证为“执业律师”，认证被撤销后为“律师认证已撤销”",
    )

    class Meta:
        model = LawyerProfile
        fields: tuple[str, ...] = (
            "id",
            "url",
            "html_url",
            "real_name",
            "status",
            "title",
            "law_firm",
            "region",
            "practice_areas",
            "helped_count",
        )

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, lawyer: LawyerProfile) -> str | None:
        if not lawyer.is_verified:
            return None  # only verified lawyers have a public profile
        return reverse(
            "api:lawyer-detail", kwargs={"pk": lawyer.pk}, request=self.context["request"]
        )

    @extend_schema_field(OpenApiTypes.URI)
    def get_html_url(self, lawyer: LawyerProfile) -> str | None:
        return absolute(self.context, lawyer.get_absolute_url()) if lawyer.is_verified else None


class LawyerSerializer(LawyerCardSerializer):
    class Meta(LawyerCardSerializer.Meta):
        fields: tuple[str, ...] = (*LawyerCardSerializer.Meta.fields, "bio")


class LawyerMeSerializer(LawyerSerializer):
    """The lawyer's own application: the only place the licence number appears."""

    status_display = serializers.CharField(source="get_status_display", read_only=True)

    class Meta(LawyerSerializer.Meta):
        fields: tuple[str, ...] = (
            *LawyerSerializer.Meta.fields,
            "license_number",
            "status_display",
            "status_note",
            "applied_at",
            "status_changed_at",
        )


class FollowUpSerializer(serializers.ModelSerializer):
    """One message of a 追问 thread: who wrote it by role (the asker is never named, the lawyer
    is the answer's)."""

    answer = serializers.IntegerField(source="answer_id", read_only=True)
    role = serializers.SerializerMethodField(help_text="asker：提问者追问；lawyer：律师回复")

    class Meta:
        model = FollowUp
        fields: tuple[str, ...] = ("id", "answer", "role", "body", "created_at")

    def get_role(self, follow_up: FollowUp) -> str:
        return "asker" if follow_up.author_id == follow_up.answer.question.author_id else "lawyer"


class AnswerSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    question = serializers.IntegerField(source="question_id", read_only=True)
    lawyer = LawyerCardSerializer(read_only=True)
    cited_articles = ArticleBriefSerializer(many=True, read_only=True)
    helpful_count = serializers.IntegerField(read_only=True)
    marked_helpful = serializers.SerializerMethodField(
        help_text="当前用户是否已标记这条回答有帮助（访客恒为 false）"
    )
    follow_ups = FollowUpSerializer(
        many=True, read_only=True, help_text="追问与律师的回复，按时间先后（写入见 follow-ups）"
    )

    class Meta:
        model = Answer
        fields: tuple[str, ...] = (
            "id",
            "url",
            "question",
            "lawyer",
            "body",
            "cited_articles",
            "is_accepted",
            "accepted_at",
            "helpful_count",
            "marked_helpful",
            "follow_ups",
            "created_at",
            "updated_at",
        )

    def get_url(self, answer: Answer) -> str:
        return reverse(
            "api:question-answer-detail",
            kwargs={"question_pk": answer.question_id, "pk": answer.pk},
            request=self.context["request"],
        )

    def get_marked_helpful(self, answer: Answer) -> bool:
        # The view puts the ids in the context, read in one query for all the answers.
        return answer.pk in self.context.get("helpful_ids", ())


class QuestionBriefSerializer(serializers.ModelSerializer):
    """A link to a question (related questions): no asker at all."""

    url = serializers.SerializerMethodField()
    html_url = serializers.SerializerMethodField()

    class Meta:
        model = Question
        fields: tuple[str, ...] = ("id", "url", "html_url", "title", "created_at")

    def get_url(self, question: Question) -> str:
        return reverse(
            "api:question-detail", kwargs={"pk": question.pk}, request=self.context["request"]
        )

    def get_html_url(self, question: Question) -> str:
        return absolute(self.context, question.get_absolute_url())


class QuestionListSerializer(QuestionBriefSerializer):
    category = CategorySerializer(read_only=True)
    # asker_name is "匿名用户" for an anonymous question, and nothing else about its author is
    # sent; for no question does the author's id (or e-mail) appear.
    asker_name = serializers.CharField(read_only=True)
    excerpt = serializers.SerializerMethodField()
    answer_count = serializers.IntegerField(read_only=True, help_text="可见回答数")
    helpful_count = serializers.IntegerField(read_only=True, help_text="可见回答收到的“有帮助”总数")

    class Meta(QuestionBriefSerializer.Meta):
        fields: tuple[str, ...] = (
            *QuestionBriefSerializer.Meta.fields,
            "category",
            "asker_name",
            "is_anonymous",
            "excerpt",
            "answer_count",
            "helpful_count",
            "is_hidden",
        )

    def get_excerpt(self, question: Question) -> str:
        return question.body[:120]


class QuestionDetailSerializer(QuestionListSerializer):
    cited_articles = ArticleBriefSerializer(many=True, read_only=True)
    answers = AnswerSerializer(many=True, read_only=True, source="api_answers")
    related = QuestionBriefSerializer(
        many=True, read_only=True, source="api_related", help_text="相关问题：人工关联在前"
    )

    class Meta(QuestionListSerializer.Meta):
        fields: tuple[str, ...] = (
            *QuestionListSerializer.Meta.fields,
            "body",
            "region",
            "updated_at",
            "review_status",
            "cited_articles",
            "answers",
            "related",
        )


class MaskedSerializer(serializers.Serializer):
    kind = serializers.CharField(
        help_text="身份证号、手机号、固定电话、银行卡号、电子邮箱、车牌号或详细地址"
    )
    masked = serializers.CharField(help_text="发布的打码形式，例如 138****5678")


MASKED_HELP = "发布前从文字中隐去的个人信息（只给打码后的形式，原文不保存）"


@extend_schema_field(MaskedSerializer(many=True))
class MaskedField(serializers.Field):
    """What the write just masked: the view puts it in the context (it is not stored)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(source="*", read_only=True, help_text=MASKED_HELP, **kwargs)

    def to_representation(self, value: object) -> list[dict[str, str]]:
        # many=True: a list (DRF's stubs type .data as a dict whatever many is)
        return list(MaskedSerializer(self.context["masked"], many=True).data)


class QuestionWrittenSerializer(QuestionDetailSerializer):
    """The question as asked or edited, with what was masked from it, and a notice when it is
    held for review."""

    masked = MaskedField()
    notice = serializers.SerializerMethodField(help_text="给提问者的提示，例如需要人工审核")

    class Meta(QuestionDetailSerializer.Meta):
        fields: tuple[str, ...] = (*QuestionDetailSerializer.Meta.fields, "masked", "notice")

    def get_notice(self, question: Question) -> str:
        return HELD_NOTICE if question.review_status == Question.Review.PENDING else ""


class AnswerWrittenSerializer(AnswerSerializer):
    """The answer as written or edited, with what was masked from it."""

    masked = MaskedField()

    class Meta(AnswerSerializer.Meta):
        fields: tuple[str, ...] = (*AnswerSerializer.Meta.fields, "masked")


class FollowUpWrittenSerializer(FollowUpSerializer):
    masked = MaskedField()

    class Meta(FollowUpSerializer.Meta):
        fields = (*FollowUpSerializer.Meta.fields, "masked")


class HelpfulResultSerializer(serializers.Serializer):
    answer = serializers.IntegerField()
    helpful_count = serializers.IntegerField()


# ---------------------------------------------------------------------------------------------
# Input


class ArticleIdsField(serializers.ListField):
    """Article ids, read in one query; the value becomes the articles, in the order given."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", MAX_CITATIONS)
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", f"引用的条文 id，最多 {MAX_CITATIONS} 条")
        child = serializers.IntegerField(min_value=1, max_value=MAX_ID)
        super().__init__(child=child, **kwargs)

    def to_internal_value(self, data: Any) -> list[Article]:
        ids: Sequence[int] = list(dict.fromkeys(super().to_internal_value(data)))
        found = Article.objects.in_bulk(ids)
        missing = [str(pk) for pk in ids if pk not in found]
        if missing:
            raise serializers.ValidationError(f"没有这些条文：{'、'.join(missing)}。")
        return [found[pk] for pk in ids]


class QuestionUpdateSerializer(StrictSerializer):
    # min_length=1: what blank refusal already enforces, stated in the schema.
    title = serializers.CharField(min_length=1, max_length=100, validators=[validate_single_line])
    body = serializers.CharField(min_length=1, max_length=5000)
    category = SlugRelatedField(slug_field="slug", queryset=Category.objects.all())
    is_anonymous = serializers.BooleanField(help_text="以“匿名用户”显示提问人")
    region = serializers.CharField(
        max_length=20,
        required=False,
        allow_blank=True,
        validators=[REGION_VALIDATOR],
        help_text="所在地区（省、市、区县，选填），例如“北京市朝阳区”",
    )


class QuestionCreateSerializer(QuestionUpdateSerializer):
    is_anonymous = serializers.BooleanField(default=False, help_text="以“匿名用户”显示提问人")
    cited_articles = ArticleIdsField()
    addressed_to = serializers.PrimaryKeyRelatedField(
        queryset=LawyerProfile.objects.verified(),
        required=False,
        allow_null=True,
        default=None,
        pk_field=serializers.IntegerField(),
        help_text="向TA提问：认证律师的 id（律师会收到通知，其他律师也可以回答）",
        error_messages={
            "does_not_exist": "没有这位认证律师。",
            "incorrect_type": "律师 id 应为整数。",
        },
    )


class AnswerInputSerializer(StrictSerializer):
    body = serializers.CharField(min_length=1, max_length=10000)
    cited_articles = ArticleIdsField()


class DeleteInputSerializer(StrictSerializer):
    reason = serializers.CharField(max_length=200, help_text="删除原因（仅管理员可见）")


class HideInputSerializer(StrictSerializer):
    reason = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default="", help_text="隐藏原因"
    )


class FollowUpInputSerializer(StrictSerializer):
    body = serializers.CharField(max_length=1000, help_text="追问或回复的内容，最多 1000 字")
