"""Reads for the Q&A pages. Each returns what a page shows in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Case, Count, Exists, IntegerField, Prefetch, Q, QuerySet, Sum, When

from consult.models import (
    MAX_ID,
    Answer,
    AnswerCitation,
    Category,
    FollowUp,
    HelpfulMark,
    LawyerProfile,
    Question,
    QuestionCitation,
)
from consult.permissions import AnyUser
from statutes.assessment import InvalidFacts, parse_facts
from statutes.assessment_context import assessment_context
from statutes.models import Article
from statutes.selectors import PI_CRIME_ARTICLES

RECOMMENDED_LIMIT = 20


def question_list(*, include_hidden: bool = False) -> QuerySet[Question]:
    """Visible questions (staff may ask for hidden ones too), newest first, with what a list
    row shows (the answer count is stored on the row: consult.counters)."""
    questions = Question.objects.all() if include_hidden else Question.objects.visible()
    return questions.latest().select_related("category", "author")


def questions_of(user: AnyUser, *, limit: int = 50) -> list[Question]:
    """The user's own questions, newest first, hidden ones included (they are told so)."""
    return list(question_list(include_hidden=True).filter(author_id=user.pk)[:limit])


def recommended_questions(
    *, exclude: Question | None = None, limit: int = RECOMMENDED_LIMIT
) -> list[Question]:
    """ "为您推荐N个最新问题": the newest visible questions that have an answer."""
    questions = question_list().filter(answer_count__gt=0)
    if exclude is not None:
        questions = questions.exclude(pk=exclude.pk)
    return list(questions[:limit])


def categories() -> QuerySet[Category]:
    """Every category, in the site's order, with its stored count of visible questions."""
    return Category.objects.order_by("position", "name")


def questions_citing(article: Article) -> QuerySet[Question]:
    """Visible questions that cite the article themselves or through a visible answer."""
    citing_answers = Answer.objects.filter(cited_articles=article, is_hidden=False)
    return question_list().filter(
        Q(pk__in=article.citing_questions.values("pk"))
        | Q(pk__in=citing_answers.values("question_id"))
    )


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


def concerns_pi_crime(question: Question) -> bool:
    """Whether the question is about 侵犯公民个人信息罪: its category says so, or it or a visible
    answer cites 刑法第二百五十三条之一 or the 2017 interpretation (法释〔2017〕10号).

    The few article ids first, then one EXISTS from the question's side with those ids as
    constants, so the planner walks the question's own citations by index. (Joined from the
    articles, or with the ids as a subquery, PostgreSQL read every citation of those articles:
    194 ms at a million questions, against under a millisecond this way.)"""
    if question.category.concerns_pi_crime:
        return True
    pi_articles = list(Article.objects.filter(PI_CRIME_ARTICLES).values_list("pk", flat=True))
    by_question = QuestionCitation.objects.filter(question=question, article_id__in=pi_articles)
    by_answer = AnswerCitation.objects.filter(
        answer__question=question, answer__is_hidden=False, article_id__in=pi_articles
    )
    return (
        Question.objects.filter(pk=question.pk)
        .filter(Exists(by_question) | Exists(by_answer))
        .exists()
    )


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
    row = (
        lawyer.answers.visible()
        .filter(question__is_hidden=False)
        .aggregate(
            answers=Count("pk"),
            accepted=Count("pk", filter=Q(is_accepted=True)),
            helpful=Sum("helpful_count"),
        )
    )
    return LawyerStats(row["answers"], row["accepted"], row["helpful"] or 0)


def lawyer_answers(lawyer: LawyerProfile) -> QuerySet[Answer]:
    """The lawyer's visible answers on visible questions, newest first."""
    return (
        lawyer.answers.visible()
        .filter(question__is_hidden=False)
        .select_related("question__category")
        .order_by("-created_at", "-pk")
    )


# 待回答 puts first what is asked of the lawyer, then what is in their practice areas.
WORKSPACE_PRIORITY = ("-asked_of_me", "-in_my_areas")


def unanswered_for(
    lawyer: LawyerProfile, *, category: Category | None = None
) -> QuerySet[Question]:
    """待回答: visible questions nobody has answered yet (not the lawyer's own), those asked of
    the lawyer first, then those in their practice areas, newest first."""
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
        )
    )
    if category is not None:
        questions = questions.filter(category=category)
    return questions.order_by(*WORKSPACE_PRIORITY, "-created_at", "-pk")
