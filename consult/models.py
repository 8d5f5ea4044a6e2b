"""Questions, answers, lawyers and what connects them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxLengthValidator, MinLengthValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from portal.reversing import url
from portal.text import validate_single_line
from search.models import FullTextDocument

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User
    from statutes.models import Article

# A province, city, district or county (北京市朝阳区, 广东省深圳市, 浙江): Chinese characters
# only, so no house number or room (the personal part of an address) can be typed into it.
REGION_VALIDATOR = RegexValidator(
    r"^[\u4e00-\u9fff]{2,20}$",
    "地区只填省、市、区县名，例如“北京市朝阳区”，不要写街道门牌。",
)
LICENSE_NUMBER_VALIDATOR = RegexValidator(r"^\d{17}$", "执业证号应为 17 位数字。")
# The largest id a BigAutoField holds: input ids beyond it are refused before any query, since
# SQLite raises OverflowError for them (a 500) where they should simply match nothing.
MAX_ID = 2**63 - 1
# Enough of the best answer for two lines of a list row on a phone.
BEST_ANSWER_EXCERPT_CHARS = 120

# The least a question or an answer must say. On the fields themselves, so that every way in
# (the pages' forms, the API through the services' full_clean(), the admin) refuses the same
# input with the same words.
MIN_TITLE_CHARS, MIN_QUESTION_BODY_CHARS, MIN_ANSWER_BODY_CHARS = 5, 10, 20
TITLE_MIN_LENGTH = MinLengthValidator(MIN_TITLE_CHARS, f"标题至少 {MIN_TITLE_CHARS} 个字。")
QUESTION_BODY_MIN_LENGTH = MinLengthValidator(
    MIN_QUESTION_BODY_CHARS, f"请至少用 {MIN_QUESTION_BODY_CHARS} 个字描述您的情况。"
)
ANSWER_BODY_MIN_LENGTH = MinLengthValidator(
    MIN_ANSWER_BODY_CHARS, f"回答至少 {MIN_ANSWER_BODY_CHARS} 个字，请写明依据和建议。"
)


class Category(models.Model):
    """A practice area (刑事, 婚姻家庭 …)."""

    slug = models.SlugField("标识", max_length=50, unique=True)
    name = models.CharField("名称", max_length=30, unique=True)
    description = models.CharField("简介", max_length=200, blank=True)
    position = models.PositiveSmallIntegerField("排序", default=0)
    concerns_pi_crime = models.BooleanField(
        "涉及侵犯公民个人信息罪",
        default=False,
        help_text="勾选后，该分类下的问题页面会嵌入情节评估工具。",
    )
    is_demo = models.BooleanField("演示数据", default=False, editable=False)
    # Stored counter (consult.counters keeps it with every write; `manage.py recount` checks it):
    # the visible questions in the category, shown on the home page and the category page.
    question_count = models.PositiveIntegerField("可见问题数", default=0, editable=False)

    class Meta:
        verbose_name = "分类"
        verbose_name_plural = "分类"
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return url("consult:category-detail", slug=self.slug)


class LawyerProfileQuerySet(models.QuerySet["LawyerProfile"]):
    def verified(self) -> LawyerProfileQuerySet:
        return self.filter(status=LawyerProfile.Status.VERIFIED)


class LawyerProfile(models.Model):
    """A lawyer's application and, once an admin verifies it, their public card."""

    class Status(models.TextChoices):
        PENDING = "pending", "待审核"
        VERIFIED = "verified", "已认证"
        REJECTED = "rejected", "未通过"
        REVOKED = "revoked", "已撤销"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="用户",
        on_delete=models.CASCADE,
        related_name="lawyer_profile",
    )
    real_name = models.CharField("真实姓名", max_length=30, validators=[validate_single_line])
    # Unique among verified lawyers only (constraint below): an application with a number that
    # is already on file is taken into review like any other, so that the form can't be used
    # to find out whose numbers are registered here; the admin sees the duplicate.
    license_number = models.CharField(
        "执业证号", max_length=17, db_index=True, validators=[LICENSE_NUMBER_VALIDATOR]
    )
    law_firm = models.CharField("执业机构", max_length=100, validators=[validate_single_line])
    region = models.CharField("执业地区", max_length=50, validators=[validate_single_line])
    practice_areas = models.ManyToManyField(
        Category, verbose_name="擅长领域", related_name="lawyers"
    )
    bio = models.TextField(
        "简介", blank=True, max_length=1000, validators=[MaxLengthValidator(1000)]
    )
    status = models.CharField(
        "认证状态", max_length=10, choices=Status.choices, default=Status.PENDING
    )
    status_changed_at = models.DateTimeField("状态变更时间", null=True, blank=True)
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审核人",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    status_note = models.CharField("审核说明", max_length=200, blank=True)
    applied_at = models.DateTimeField("申请时间", auto_now_add=True)
    is_demo = models.BooleanField("演示数据", default=False, editable=False)
    # 已帮助 N 人: distinct askers of visible questions the lawyer answered with a visible
    # answer. Stored (consult.counters) so that no page counts over all of a lawyer's answers.
    helped_count = models.PositiveIntegerField("已帮助人数", default=0, editable=False)

    history = HistoricalRecords(m2m_fields=[practice_areas], excluded_fields=["helped_count"])
    # simple_history reads the reason for a change from the instance when it saves (its documented
    # way in); services set it just before save(). Declared so that the type checker knows it.
    _change_reason: str
    objects = LawyerProfileQuerySet.as_manager()

    class Meta:
        verbose_name = "律师"
        verbose_name_plural = "律师"
        ordering = ["-applied_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["pending", "verified", "rejected", "revoked"]),
                name="lawyer_status_valid",
            ),
            # Every decision but the initial application records who made it and when.
            models.CheckConstraint(
                condition=Q(status="pending") | Q(status_changed_at__isnull=False),
                name="lawyer_decision_has_time",
            ),
            models.UniqueConstraint(
                fields=["license_number"],
                condition=Q(status="verified"),
                name="one_verified_lawyer_per_license_number",
                violation_error_message="该执业证号已有一位认证律师。",
            ),
        ]
        indexes = [
            # 找律师 lists verified lawyers, most people helped first, from this index.
            models.Index(
                fields=["-helped_count", "id"],
                condition=Q(status="verified"),
                name="lawyer_most_helped",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.real_name}（{self.law_firm}）"

    def get_absolute_url(self) -> str:
        return url("consult:lawyer-detail", pk=self.pk)

    @property
    def is_verified(self) -> bool:
        return self.status == self.Status.VERIFIED

    @property
    def public_title(self) -> str:
        """What the site says about the lawyer beside their past answers, as of today: an answer
        outlives the verification it was written under, and must not go on vouching for it."""
        return PUBLIC_TITLES[self.status]


# Only a verified lawyer is called 执业律师 (and has a profile page to link to).
# Keyed by the stored value: `status` reads back as a plain str.
PUBLIC_TITLES: dict[str, str] = {
    LawyerProfile.Status.VERIFIED: "执业律师",
    LawyerProfile.Status.REVOKED: "律师认证已撤销",
    LawyerProfile.Status.REJECTED: "未通过律师认证",
    LawyerProfile.Status.PENDING: "律师认证审核中",
}


def public_questions(prefix: str = "") -> Q:
    """The one rule of which questions the public sees, as a filter (`prefix` reaches them
    through a relation, e.g. "question__"): not hidden by a moderator, not deleted by the
    asker, not held for review. Question.is_public says the same of one row."""
    return Q(
        **{
            f"{prefix}is_hidden": False,
            f"{prefix}deleted_at__isnull": True,
            f"{prefix}review_status": "published",
        }
    )


class QuestionQuerySet(models.QuerySet["Question"]):
    def visible(self) -> QuestionQuerySet:
        return self.filter(public_questions())

    def not_deleted(self) -> QuestionQuerySet:
        """What the asker still has: hidden and held questions included, deleted ones not."""
        return self.filter(deleted_at__isnull=True)

    def held(self) -> QuestionQuerySet:
        """The moderation queue: held for review, not deleted meanwhile."""
        return self.not_deleted().filter(review_status=Question.Review.PENDING)

    def visible_to(self, user: User | AnonymousUser) -> QuestionQuerySet:
        """What the user finds in a list: hidden and held questions are for staff (who see them
        marked); deleted ones are for the admin only."""
        return self.not_deleted() if user.is_staff else self.visible()

    def reachable_by(self, user: User | AnonymousUser) -> QuestionQuerySet:
        """What the user may open by its address: what anyone may see; the asker's own question
        while held for review (with a notice); for staff every question (deleted ones marked).
        Everyone else gets a 404."""
        if user.is_staff:
            return self
        if user.is_authenticated:
            own = Q(author_id=user.pk, is_hidden=False, deleted_at__isnull=True)
            return self.filter(public_questions() | own)
        return self.visible()

    def citing(self, article: Article) -> QuestionQuerySet:
        """Questions that cite the article themselves or through a visible answer."""
        by_answers = Answer.objects.visible().filter(cited_articles=article)
        return self.filter(
            Q(pk__in=QuestionCitation.objects.filter(article=article).values("question_id"))
            | Q(pk__in=by_answers.values("question_id"))
        )

    def newest(self) -> QuestionQuerySet:
        # Not latest(): that is Django's QuerySet.latest(field), returning one object.
        return self.order_by("-created_at", "-pk")


class Question(models.Model):
    class Review(models.TextChoices):
        PUBLISHED = "published", "已发布"
        PENDING = "pending", "待审核"
        REJECTED = "rejected", "未通过审核"

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="提问人",
        on_delete=models.CASCADE,
        related_name="questions",
    )
    category = models.ForeignKey(
        Category, verbose_name="分类", on_delete=models.PROTECT, related_name="questions"
    )
    title = models.CharField(
        "标题", max_length=100, validators=[validate_single_line, TITLE_MIN_LENGTH]
    )
    body = models.TextField(
        "问题描述",
        max_length=5000,
        validators=[MaxLengthValidator(5000), QUESTION_BODY_MIN_LENGTH],
    )
    is_anonymous = models.BooleanField("匿名提问", default=False)
    # Where the matter is (so that lawyers there see it first in 待回答): an administrative area,
    # never a street address (REGION_VALIDATOR), since the page is public.
    region = models.CharField(
        "所在地区",
        max_length=20,
        blank=True,
        default="",
        db_default="",
        validators=[REGION_VALIDATOR],
    )
    cited_articles = models.ManyToManyField(
        "statutes.Article",
        verbose_name="相关条文",
        through="QuestionCitation",
        related_name="citing_questions",
        blank=True,
    )
    # Facts of the 侵犯公民个人信息罪 assessment, in the contract's input form, when the asker
    # chose to attach them; the result is computed again on display, never stored.
    assessment_facts = models.JSONField("附带的情节评估事实", null=True, blank=True)
    is_hidden = models.BooleanField("已隐藏", default=False)
    hidden_reason = models.CharField("隐藏原因", max_length=200, blank=True)
    # Deleted by the asker (or with their account): kept for staff, gone from every public page.
    deleted_at = models.DateTimeField("删除时间", null=True, blank=True, editable=False)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="删除人",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    # Database defaults too: the bench's seeders insert rows with SQL, naming older columns only.
    delete_reason = models.CharField(
        "删除原因", max_length=200, blank=True, editable=False, default="", db_default=""
    )
    # Held for review (consult.services.holds): public only once staff approve it.
    review_status = models.CharField(
        "审核状态",
        max_length=10,
        choices=Review.choices,
        default=Review.PUBLISHED,
        db_default=Review.PUBLISHED,
    )
    review_note = models.CharField(
        "审核说明", max_length=200, blank=True, default="", db_default=""
    )
    created_at = models.DateTimeField("提问时间", auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)
    is_demo = models.BooleanField("演示数据", default=False, editable=False)
    # "向TA提问": the asker picked this lawyer on their profile; the lawyer is notified and the
    # question says so. Any lawyer may still answer it.
    addressed_to = models.ForeignKey(
        LawyerProfile,
        verbose_name="提问对象律师",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="addressed_questions",
    )
    # Stored counters (consult.counters): visible answers, and "有帮助" marks on visible answers.
    answer_count = models.PositiveIntegerField("可见回答数", default=0, editable=False)
    helpful_count = models.PositiveIntegerField("有帮助总数", default=0, editable=False)
    # Stored with the counters (consult.counters): the start of the best visible answer (the
    # accepted one, else the most helpful), shown as "律师解答：…" in lists without a query.
    best_answer_excerpt = models.CharField(
        "最佳回答摘要", max_length=BEST_ANSWER_EXCERPT_CHARS, blank=True, editable=False
    )

    history = HistoricalRecords(
        excluded_fields=["answer_count", "helpful_count", "best_answer_excerpt"]
    )
    # simple_history reads the reason for a change from the instance when it saves (its documented
    # way in); services set it just before save(). Declared so that the type checker knows it.
    _change_reason: str
    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = "问题"
        verbose_name_plural = "问题"
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["category", "-created_at"], name="question_category_latest"),
            # "有帮助最多在前" walks this index instead of sorting every visible question.
            models.Index(
                fields=["-helpful_count", "-id"],
                condition=Q(is_hidden=False),
                name="question_most_helpful",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(review_status__in=["published", "pending", "rejected"]),
                name="question_review_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        # Without a resolver walk per row: list pages call it for every question they show.
        return url("consult:question-detail", pk=self.pk)

    @property
    def asker_name(self) -> str:
        return "匿名用户" if self.is_anonymous else self.author.public_name

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_public(self) -> bool:
        """public_questions() for this row."""
        return (
            not self.is_hidden
            and self.deleted_at is None
            and self.review_status == self.Review.PUBLISHED
        )


class AnswerQuerySet(models.QuerySet["Answer"]):
    def visible(self) -> AnswerQuerySet:
        """Not hidden themselves; see public() for what anyone may see."""
        return self.filter(is_hidden=False)

    def public(self) -> AnswerQuerySet:
        """Visible answers to visible questions: what anyone may see (and link to)."""
        return self.visible().filter(public_questions("question__"))


class Answer(models.Model):
    question = models.ForeignKey(
        Question, verbose_name="问题", on_delete=models.CASCADE, related_name="answers"
    )
    lawyer = models.ForeignKey(
        LawyerProfile, verbose_name="律师", on_delete=models.PROTECT, related_name="answers"
    )
    body = models.TextField(
        "回答", max_length=10000, validators=[MaxLengthValidator(10000), ANSWER_BODY_MIN_LENGTH]
    )
    cited_articles = models.ManyToManyField(
        "statutes.Article",
        verbose_name="引用条文",
        through="AnswerCitation",
        related_name="citing_answers",
        blank=True,
    )
    is_accepted = models.BooleanField("已采纳", default=False)
    accepted_at = models.DateTimeField("采纳时间", null=True, blank=True)
    is_hidden = models.BooleanField("已隐藏", default=False)
    hidden_reason = models.CharField("隐藏原因", max_length=200, blank=True)
    created_at = models.DateTimeField("回答时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)
    is_demo = models.BooleanField("演示数据", default=False, editable=False)
    # Stored counter (consult.counters): the answer's "有帮助" marks.
    helpful_count = models.PositiveIntegerField("有帮助数", default=0, editable=False)

    history = HistoricalRecords(excluded_fields=["helpful_count"])
    # simple_history reads the reason for a change from the instance when it saves (its documented
    # way in); services set it just before save(). Declared so that the type checker knows it.
    _change_reason: str
    objects = AnswerQuerySet.as_manager()

    class Meta:
        verbose_name = "回答"
        verbose_name_plural = "回答"
        ordering = ["-is_accepted", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["question"],
                condition=Q(is_accepted=True),
                name="one_accepted_answer_per_question",
            ),
            # A lawyer answers a question once and edits that answer afterwards.
            models.UniqueConstraint(fields=["question", "lawyer"], name="one_answer_per_lawyer"),
            models.CheckConstraint(
                condition=Q(is_accepted=False) | Q(accepted_at__isnull=False),
                name="accepted_answer_has_time",
            ),
        ]
        indexes = [
            # A lawyer's profile lists their latest answers without sorting all of them.
            models.Index(fields=["lawyer", "-created_at"], name="answer_lawyer_latest"),
        ]

    def __str__(self) -> str:
        return f"{self.lawyer.real_name} 对“{self.question.title}”的回答"

    def get_absolute_url(self) -> str:
        return f"{self.question.get_absolute_url()}#answer-{self.pk}"


class QuestionSearchDocument(FullTextDocument):
    """The question's words for full-text search: title (A), body (B), visible answers (C).
    Written by consult.search_index whenever one of them changes."""

    question = models.OneToOneField(
        Question, on_delete=models.CASCADE, primary_key=True, related_name="search_document"
    )
    # Title and body without the answers (PostgreSQL; filled by the trigger, GIN-indexed): a
    # fraction of `document`'s size, so the suggestions while asking match and rank cheaply.
    core_document = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = "问题搜索索引"
        verbose_name_plural = "问题搜索索引"

    def __str__(self) -> str:
        return str(self.question_id)


class QuestionCitation(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE)
    article = models.ForeignKey("statutes.Article", on_delete=models.PROTECT)
    # Found in the text by statutes.citing rather than typed in the "引用条文" lines: rewritten
    # whenever the text changes, and never offered back as typed lines when the text is edited.
    detected = models.BooleanField("正文中识别", default=False)

    class Meta:
        verbose_name = "问题引用条文"
        verbose_name_plural = "问题引用条文"
        constraints = [
            models.UniqueConstraint(fields=["question", "article"], name="unique_question_citation")
        ]
        # The newest questions citing an article, read from the index in order and stopped
        # early (相关问题, 本条相关问题): without it, every citation of a popular article is sorted.
        indexes = [models.Index(fields=["article", "-question"], name="question_citation_latest")]

    def __str__(self) -> str:
        return f"{self.question_id} → {self.article_id}"


class AnswerCitation(models.Model):
    answer = models.ForeignKey(Answer, on_delete=models.CASCADE)
    article = models.ForeignKey("statutes.Article", on_delete=models.PROTECT)
    # Found in the text by statutes.citing rather than typed in the "引用条文" lines: rewritten
    # whenever the text changes, and never offered back as typed lines when the text is edited.
    detected = models.BooleanField("正文中识别", default=False)

    class Meta:
        verbose_name = "回答引用条文"
        verbose_name_plural = "回答引用条文"
        constraints = [
            models.UniqueConstraint(fields=["answer", "article"], name="unique_answer_citation")
        ]
        indexes = [models.Index(fields=["article", "-answer"], name="answer_citation_latest")]

    def __str__(self) -> str:
        return f"{self.answer_id} → {self.article_id}"


class RelatedLink(models.Model):
    """A curated "相关问题" link, shown before the computed ones, in position order."""

    from_question = models.ForeignKey(
        Question, verbose_name="问题", on_delete=models.CASCADE, related_name="related_links"
    )
    to_question = models.ForeignKey(
        Question, verbose_name="相关问题", on_delete=models.CASCADE, related_name="+"
    )
    position = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        verbose_name = "相关问题链接"
        verbose_name_plural = "相关问题链接"
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["from_question", "to_question"], name="unique_related_link"
            ),
            models.CheckConstraint(
                condition=~Q(from_question=F("to_question")), name="related_link_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_question} → {self.to_question}"


class RelatedList(models.Model):
    """A question's 相关问题 as computed (consult.related), ids in order, curated links first:
    written when the question or its answers change, so a page only reads it. The ids are
    filtered for visibility on every read."""

    question = models.OneToOneField(
        Question, on_delete=models.CASCADE, primary_key=True, related_name="related_list"
    )
    ids = models.JSONField("相关问题编号", default=list)
    computed_at = models.DateTimeField("计算时间", auto_now=True)

    class Meta:
        verbose_name = "相关问题（计算结果）"
        verbose_name_plural = "相关问题（计算结果）"

    def __str__(self) -> str:
        return f"{self.question_id}: {self.ids}"


class HelpfulMark(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="helpful_marks"
    )
    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="helpful_marks")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "有帮助"
        verbose_name_plural = "有帮助"
        constraints = [
            models.UniqueConstraint(fields=["user", "answer"], name="one_helpful_mark_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} 觉得回答 {self.answer_id} 有帮助"


class FollowUp(models.Model):
    """追问: the asker asks again under an answer, and the answering lawyer replies; a short
    thread per answer (consult.services.follow_ups caps it)."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="follow_ups")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="作者",
        on_delete=models.CASCADE,
        related_name="follow_ups",
    )
    body = models.TextField("内容", max_length=1000, validators=[MaxLengthValidator(1000)])
    created_at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "追问"
        verbose_name_plural = "追问"
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["answer", "created_at"], name="follow_up_thread")]

    def __str__(self) -> str:
        return f"回答 {self.answer_id} 的追问 {self.pk}"

    def get_absolute_url(self) -> str:
        return f"{self.answer.question.get_absolute_url()}#follow-up-{self.pk}"


class NotificationQuerySet(models.QuerySet["Notification"]):
    def unread(self) -> NotificationQuerySet:
        return self.filter(read_at__isnull=True)

    def visible(self) -> NotificationQuerySet:
        """About a question and an answer that are both still visible (or about none, as a
        decision on a lawyer's application): once a moderator hides either, its title and its
        lawyer's name are for staff only, not for the notified user."""
        return self.filter(
            Q(question__isnull=True) | public_questions("question__"),
            Q(answer__isnull=True) | Q(answer__is_hidden=False),
        )


class Notification(models.Model):
    class Kind(models.TextChoices):
        ANSWER_POSTED = "answer_posted", "问题有了新回答"
        ANSWER_ACCEPTED = "answer_accepted", "回答被采纳"
        FOLLOW_UP_ASKED = "follow_up_asked", "提问者追问"
        FOLLOW_UP_REPLIED = "follow_up_replied", "律师回复了追问"
        QUESTION_ADDRESSED = "question_addressed", "有人向您提问"
        LAWYER_VERIFIED = "lawyer_verified", "律师认证已通过"
        LAWYER_REJECTED = "lawyer_rejected", "律师认证未通过"
        LAWYER_REVOKED = "lawyer_revoked", "律师认证已撤销"

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField("类型", max_length=20, choices=Kind.choices)
    # What the notification is about: a question (and an answer, a 追问), or, for a decision
    # on the lawyer's application, none of them and the admin's reason in `note`.
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="+", null=True, blank=True
    )
    answer = models.ForeignKey(
        Answer, on_delete=models.CASCADE, related_name="+", null=True, blank=True
    )
    follow_up = models.ForeignKey(
        FollowUp, on_delete=models.CASCADE, related_name="+", null=True, blank=True
    )
    note = models.CharField("说明", max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = "通知"
        verbose_name_plural = "通知"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}：{self.question_id}"

    def get_absolute_url(self) -> str:
        """Where opening the notification leads: the 追问, the answer, the question, or, for a
        decision on the application, the lawyer's workspace or application page."""
        if self.question_id is not None:
            page = url("consult:question-detail", pk=self.question_id)
            if self.follow_up_id is not None:
                return f"{page}#follow-up-{self.follow_up_id}"
            if self.answer_id is not None:
                return f"{page}#answer-{self.answer_id}"
            return page
        if self.kind == self.Kind.LAWYER_VERIFIED:
            return url("consult:lawyer-workspace")
        return url("consult:lawyer-apply")
