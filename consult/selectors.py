"""Reads for the Q&A pages. Each returns what a page shows in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Case, Count, IntegerField, Prefetch, Q, QuerySet, Sum, Value, When

from assessment.context import assessment_context
from assessment.engine import InvalidFacts, parse_facts
from assessment.json import load_json
from consult.models import (
    MAX_ID,
    Answer,
    Category,
    FollowUp,
    HelpfulMark,
    LawyerProfile,
    Question,
    QuestionQuerySet,
)
from consult.permissions import AnyUser
from portal import page_cache
from statutes.models import Article
from statutes.selectors import PI_CRIME_ARTICLES

RECOMMENDED_LIMIT = 20


def question_list(user: AnyUser | None = None) -> QuestionQuerySet:
    """The questions the user may see in a list (without a user: what anyone may see; staff:
    hidden and held ones too; deleted ones are for the admin only), newest first, with what a
    list row shows (the answer count is stored on the row: consult.counters)."""
    questions = Question.objects.all()
    questions = questions.visible_to(user) if user is not None else questions.visible()
    return questions.newest().select_related("category", "author")


def questions_of(user: AnyUser, *, limit: int = 50) -> list[Question]:
    """The user's own questions, newest first, hidden and held ones included (they are told
    so), deleted ones not."""
    own = Question.objects.not_deleted().filter(author_id=user.pk)
    return list(own.newest().select_related("category", "author")[:limit])


def recommended_questions(
    *, exclude: Question | None = None, limit: int = RECOMMENDED_LIMIT
) -> list[Question]:
    """ "为您推荐N个最新问题": the newest visible questions that have an answer.

    The same list on the home page and every question page: kept in the cache under the
    version of the lists scope (portal.page_cache), read before the query, so any write that
    changes a list changes its key, and a list read during such a write is filed under a
    version nobody asks for again. One more than asked is kept, for the page that excludes its
    own question."""
    version = page_cache.versions([page_cache.LISTS])[page_cache.LISTS]
    key = f"consult:recommended:v1:{limit}:{version}"
    questions = cache.get(key)
    if questions is None:
        questions = list(question_list().filter(answer_count__gt=0)[: limit + 1])
        cache.set(key, questions, page_cache.PAGE_SECONDS)
    return [q for q in questions if exclude is None or q.pk != exclude.pk][:limit]


def categories() -> QuerySet[Category]:
    """Every category, in the site's order, with its stored count of visible questions."""
    return Category.objects.order_by("position", "name")


def questions_citing(article: Article) -> QuerySet[Question]:
    """Visible questions that cite the article themselves or through a visible answer."""
    return question_list().citing(article)


def visible_answers(question: Question) -> list[Answer]:
    """The question's visible answers, accepted first, with lawyer card data and citations
    (helpful counts and the lawyers' 已帮助 N 人 are stored on the rows: consult.counters)."""
    return list(
        question.answers.visible()
        .select_related("lawyer__user")
        .prefetch_related(
            Prefetch(
                "cited_articles",
                queryset=Article.objects.with_law().order_by(
                    "version__law__title", "number", "suffix"
                ),
            ),
            Prefetch("lawyer__practice_areas"),
            # 追问 threads (short: consult.services.follow_ups caps them).
            Prefetch("follow_ups", queryset=FollowUp.objects.order_by("created_at", "pk")),
        )
        .order_by("-is_accepted", "created_at", "pk")
    )


def helpful_answer_ids(user: AnyUser, answers: list[Answer]) -> set[int]:
    """Which of these answers the user has already marked helpful (one query, none for visitors)."""
    if not user.is_authenticated or not answers:
        return set()
    return set(
        HelpfulMark.objects.filter(user=user, answer__in=answers).values_list(
            "answer_id", flat=True
        )
    )


def concerns_pi_crime(question: Question, answers: list[Answer]) -> bool:
    """Whether the question is about 侵犯公民个人信息罪: its category says so, or it or one of
    its visible answers (`answers`, as visible_answers() gives them) cites 刑法第二百五十三条之一
    or the 2017 interpretation (法释〔2017〕10号).

    No query on the question page: the citations are the ones the page prefetched, and the
    few article ids come from the cache (they change only with the statutes)."""
    if question.category.concerns_pi_crime:
        return True
    cited = {article.pk for article in question.cited_articles.all()}
    for answer in answers:
        cited.update(article.pk for article in answer.cited_articles.all())
    return not cited.isdisjoint(pi_crime_article_ids())


def pi_crime_article_ids() -> frozenset[int]:
    """The ids of the articles statutes.selectors.PI_CRIME_ARTICLES names, cached under the
    statutes scope's version (an import of the laws moves it on)."""
    version = page_cache.versions([page_cache.STATUTES])[page_cache.STATUTES]
    key = f"consult:pi-crime-articles:v1:{version}"
    ids = cache.get(key)
    if ids is None:
        ids = frozenset(Article.objects.filter(PI_CRIME_ARTICLES).values_list("pk", flat=True))
        cache.set(key, ids, page_cache.VERSION_SECONDS)
    return ids


def attached_assessment(question: Question) -> dict[str, object]:
    """The assessment the asker attached, computed afresh from its facts: template context."""
    if not question.assessment_facts:
        return {}
    try:
        facts = parse_facts(question.assessment_facts)
    except InvalidFacts:
        # Facts saved under an older contract that no longer validate are not shown.
        return {}
    return assessment_context(facts)


def assessment_from_json(text: str) -> dict[str, object]:
    """The assessment of facts carried as the contract's JSON (from the tool to the ask page):
    template context, or nothing if there are none or they are invalid (the form says so)."""
    if not text:
        return {}
    try:
        facts = parse_facts(load_json(text))
    except (ValueError, InvalidFacts):
        return {}
    return assessment_context(facts)


def addressable_lawyer(value: str) -> LawyerProfile | None:
    """The verified lawyer a question may be addressed to, from an id typed in a URL; None for
    anything else (no query for what is not an id)."""
    if not (value.isascii() and value.isdigit() and 0 < int(value) <= MAX_ID):
        return None
    return LawyerProfile.objects.verified().filter(pk=int(value)).first()


def public_lawyer(pk: int) -> LawyerProfile:
    """A verified lawyer's profile, with their practice areas."""
    return (
        LawyerProfile.objects.verified()
        .select_related("user")
        .prefetch_related("practice_areas")
        .get(pk=pk)
    )


@dataclass(frozen=True)
class ModerationCounts:
    """What waits for staff, for the admin's front page."""

    pending_lawyers: int
    held_questions: int
    hidden_questions: int
    hidden_answers: int


def moderation_counts() -> ModerationCounts:
    return ModerationCounts(
        pending_lawyers=LawyerProfile.objects.filter(status=LawyerProfile.Status.PENDING).count(),
        held_questions=Question.objects.held().count(),
        hidden_questions=Question.objects.filter(is_hidden=True).count(),
        hidden_answers=Answer.objects.filter(is_hidden=True).count(),
    )


# ---------------------------------------------------------------------------------------------
# Lawyers: the directory, the profile and the workspace


def lawyer_directory() -> QuerySet[LawyerProfile]:
    """找律师: verified lawyers, those who helped the most people first (the count is stored)."""
    return (
        LawyerProfile.objects.verified()
        .prefetch_related("practice_areas")
        .order_by("-helped_count", "pk")
    )


@dataclass(frozen=True)
class LawyerStats:
    answers: int
    accepted: int
    helpful: int


def lawyer_stats(lawyer: LawyerProfile) -> LawyerStats:
    """Visible answers on visible questions, how many were accepted and marked helpful (one
    aggregate over the lawyer's own answers, by index)."""
    row = lawyer.answers.public().aggregate(
        answers=Count("pk"),
        accepted=Count("pk", filter=Q(is_accepted=True)),
        helpful=Sum("helpful_count"),
    )
    return LawyerStats(row["answers"], row["accepted"], row["helpful"] or 0)


def lawyer_answers(lawyer: LawyerProfile) -> QuerySet[Answer]:
    """The lawyer's visible answers on visible questions, newest first."""
    return (
        lawyer.answers.public().select_related("question__category").order_by("-created_at", "-pk")
    )


# 待回答 puts first what is asked of the lawyer, then what is in their practice areas, then what
# is in their region.
WORKSPACE_PRIORITY = ("-asked_of_me", "-in_my_areas", "-in_my_region")
# A region is matched by its first two characters: the province or municipality (北京, 广东,
# 内蒙…), which is how people and lawyers both start writing one (北京 / 北京市朝阳区).
REGION_PREFIX = 2


def unanswered_for(
    lawyer: LawyerProfile, *, category: Category | None = None
) -> QuerySet[Question]:
    """待回答: visible questions nobody has answered yet (not the lawyer's own), those asked of
    the lawyer first, then those in their practice areas, then those in their region, newest
    first."""
    areas = LawyerProfile.practice_areas.through.objects.filter(lawyerprofile=lawyer).values(
        "category_id"
    )
    questions = (
        question_list()
        .filter(answer_count=0)
        .exclude(author_id=lawyer.user_id)
        .annotate(
            asked_of_me=Case(
                When(addressed_to=lawyer, then=1), default=0, output_field=IntegerField()
            ),
            in_my_areas=Case(
                When(category_id__in=areas, then=1), default=0, output_field=IntegerField()
            ),
            in_my_region=Case(
                When(region__startswith=lawyer.region[:REGION_PREFIX], then=1),
                default=0,
                output_field=IntegerField(),
            )
            if len(lawyer.region) >= REGION_PREFIX
            else Value(0, output_field=IntegerField()),
        )
    )
    if category is not None:
        questions = questions.filter(category=category)
    return questions.order_by(*WORKSPACE_PRIORITY, "-created_at", "-pk")
