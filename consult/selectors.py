"""Reads for the Q&A pages. Each returns what a page shows in a fixed number of queries."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from consult.models import Answer, Category, HelpfulMark, LawyerProfile, Question
from consult.permissions import AnyUser
from statutes.assessment import InvalidFacts, parse_facts
from statutes.assessment_context import assessment_context
from statutes.models import Article
from statutes.selectors import PI_CRIME_ARTICLES

RECOMMENDED_LIMIT = 20


def _visible_answers_of_outer_question() -> QuerySet[Answer]:
    return Answer.objects.filter(question=OuterRef("pk"), is_hidden=False)


def question_list(*, include_hidden: bool = False) -> QuerySet[Question]:
    """Visible questions (staff may ask for hidden ones too), newest first, with what a list
    row shows.

    The answer count is a correlated subquery rather than a JOIN + GROUP BY, so the database
    counts answers only for the rows of the page it returns, not for every question.
    """
    answer_count = (
        _visible_answers_of_outer_question()
        .order_by()
        .values("question")
        .annotate(n=Count("pk"))
        .values("n")
    )
    questions = Question.objects.all() if include_hidden else Question.objects.visible()
    return (
        questions.latest()
        .select_related("category", "author")
        .annotate(answer_count=Coalesce(Subquery(answer_count), 0))
    )


def questions_of(user: AnyUser, *, limit: int = 50) -> list[Question]:
    """The user's own questions, newest first, hidden ones included (they are told so)."""
    return list(question_list(include_hidden=True).filter(author_id=user.pk)[:limit])


def recommended_questions(
    *, exclude: Question | None = None, limit: int = RECOMMENDED_LIMIT
) -> list[Question]:
    """ "为您推荐N个最新问题": the newest visible questions that have an answer."""
    questions = question_list().filter(Exists(_visible_answers_of_outer_question()))
    if exclude is not None:
        questions = questions.exclude(pk=exclude.pk)
    return list(questions[:limit])


def categories() -> QuerySet[Category]:
    # The explicit order_by: Django drops Meta.ordering from a query with GROUP BY.
    return Category.objects.annotate(
        question_count=Count("questions", filter=Q(questions__is_hidden=False))
    ).order_by("position", "name")


def questions_citing(article: Article) -> QuerySet[Question]:
    """Visible questions that cite the article themselves or through a visible answer."""
    citing_answers = Answer.objects.filter(cited_articles=article, is_hidden=False)
    return question_list().filter(
        Q(pk__in=article.citing_questions.values("pk"))
        | Q(pk__in=citing_answers.values("question_id"))
    )


def visible_answers(question: Question) -> list[Answer]:
    """The question's visible answers, accepted first, with lawyer card data and citations."""
    answers = list(
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
        .annotate(helpful_count=Count("helpful_marks"))
        # Explicit: Django drops Meta.ordering from a query with GROUP BY (the Count above).
        .order_by("-is_accepted", "created_at", "pk")
    )
    helped = helped_counts({answer.lawyer_id for answer in answers})
    for answer in answers:
        answer.lawyer.helped_count = helped.get(answer.lawyer_id, 0)
    return answers


def helped_counts(lawyer_ids: set[int]) -> dict[int, int]:
    """已帮助 N 人: distinct askers of visible questions each lawyer answered (visibly)."""
    if not lawyer_ids:
        return {}
    rows = (
        Answer.objects.filter(lawyer_id__in=lawyer_ids, is_hidden=False, question__is_hidden=False)
        .values("lawyer_id")
        .annotate(n=Count("question__author", distinct=True))
    )
    return {row["lawyer_id"]: row["n"] for row in rows}


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
    answer cites 刑法第二百五十三条之一 or the 2017 interpretation (法释〔2017〕10号)."""
    if question.category.concerns_pi_crime:
        return True
    cited = Article.objects.filter(PI_CRIME_ARTICLES).filter(
        Q(citing_questions=question)
        | Q(citing_answers__question=question, citing_answers__is_hidden=False)
    )
    return cited.exists()


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


def lawyer_with_helped_count(pk: int) -> LawyerProfile:
    return (
        LawyerProfile.objects.verified()
        .with_helped_count()
        .select_related("user")
        .prefetch_related("practice_areas")
        .get(pk=pk)
    )
