"""Reads for the Q&A pages. Each returns what a page shows in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, Prefetch, QuerySet

from assessment.context import assessment_context
from assessment.engine import InvalidFacts, parse_facts
from assessment.json import load_json
from consult.models import (
    Answer,
    AnswerCitation,
    Category,
    HelpfulMark,
    LawyerProfile,
    Question,
    QuestionCitation,
)
from consult.permissions import AnyUser
from statutes.models import Article
from statutes.selectors import PI_CRIME_ARTICLES

RECOMMENDED_LIMIT = 20


def question_list(user: AnyUser | None = None) -> QuerySet[Question]:
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
    hidden_questions: int
    hidden_answers: int


def moderation_counts() -> ModerationCounts:
    return ModerationCounts(
        pending_lawyers=LawyerProfile.objects.filter(status=LawyerProfile.Status.PENDING).count(),
        hidden_questions=Question.objects.filter(is_hidden=True).count(),
        hidden_answers=Answer.objects.filter(is_hidden=True).count(),
    )
