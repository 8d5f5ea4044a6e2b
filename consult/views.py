"""Q&A pages. Views parse the request, call a selector or service and render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from consult import page_scopes, permissions, related, selectors, structured_data
from consult.filters import QuestionSearchFilter
from consult.forms import (
    AnswerForm,
    LawyerApplicationForm,
    QuestionEditForm,
    QuestionForm,
    SearchForm,
)
from consult.models import (
    Answer,
    Category,
    LawyerProfile,
    Notification,
    Question,
    public_questions,
)
from consult.search import question_result_page, similar_questions
from consult.services import answers as answer_services
from consult.services import follow_ups as follow_up_services
from consult.services import notifications as notification_services
from consult.services import questions as question_services
from consult.services.citations import typed_citations
from consult.services.holds import HELD_NOTICE
from consult.services.lawyers import TransitionError, lawyer_apply
from consult.services.masking import Masked, describe
from consult.view_models import AnswerOnPage
from portal.http import AuthenticatedHttpRequest
from portal.limits import write_limited
from portal.page_cache import cached_page
from portal.paginators import KnownCountPaginator
from search.query import parse_query
from search.results import page_number
from search.segmenter import MAX_QUERY_CHARS
from statutes.citing import linked_texts
from statutes.models import Article
from statutes.search import (
    article_hits,
    article_result_page,
    referenced_articles,
    top_articles,
)

PAGE_SIZE = 20
REFERENCED_LIMIT = 30


@cached_page(page_scopes.browse_lists)
def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "consult/home.html",
        {
            "latest": selectors.question_list()[:PAGE_SIZE],
            "recommended": selectors.recommended_questions(limit=10),
            "categories": selectors.categories(),
        },
    )


@cached_page(page_scopes.browse_lists, params=("page",))
def category_detail(request: HttpRequest, slug: str) -> HttpResponse:
    category = get_object_or_404(Category, slug=slug)
    paginator = KnownCountPaginator(
        selectors.question_list().filter(category=category),
        PAGE_SIZE,
        count=category.question_count,
    )
    page = paginator.get_page(request.GET.get("page"))
    return render(request, "consult/category_detail.html", {"category": category, "page": page})


def search(request: HttpRequest) -> HttpResponse:
    """Questions (or, on the 法条 tab, statute articles) ranked by relevance; an article
    named by its number ("253-1", "刑法第二百五十三条之一") opens directly."""
    form = SearchForm(request.GET or None)
    context: dict[str, Any] = {"form": form, "search_query": request.GET.get("q", "")[:100]}
    if not (form.is_bound and form.is_valid()):
        return render(request, "consult/search_results.html", context)
    text, tab = form.cleaned_data["q"], form.cleaned_data["tab"]
    referenced = list(referenced_articles(text)[:REFERENCED_LIMIT])
    if len(referenced) == 1:
        return redirect(referenced[0])
    query = parse_query(text)
    number = page_number(request.GET.get("page"), per_page=PAGE_SIZE)
    context.update(tab=tab, query=query)
    if tab == "statutes":
        context["page"] = article_result_page(query, number=number, per_page=PAGE_SIZE)
        return render(request, "consult/search_results.html", context)
    filters = QuestionSearchFilter(request.GET, queryset=selectors.question_list())
    context["filters"] = filters
    if filters.is_valid():
        context["page"] = question_result_page(filters.qs, query, number=number, per_page=PAGE_SIZE)
        if number == 1:
            # "第五条" names an article of many laws: list them before the text matches.
            context["articles"] = article_hits(referenced, query) or top_articles(query)
    return render(request, "consult/search_results.html", context)


def search_suggestions(request: HttpRequest) -> JsonResponse:
    """Up to five existing questions like the title being typed on the ask page (JSON)."""
    text = request.GET.get("q", "")
    questions = (
        similar_questions(text)
        if 2 <= len(text.strip()) <= MAX_QUERY_CHARS and "\x00" not in text
        else []
    )
    response = JsonResponse(
        {
            "results": [
                {
                    "id": question.pk,
                    "title": question.title,
                    "url": question.get_absolute_url(),
                    "answer_count": question.answer_count,
                }
                for question in questions
            ]
        },
        json_dumps_params={"ensure_ascii": False},
    )
    patch_cache_control(response, public=True, max_age=60)
    return response


def _question_or_404(request: HttpRequest, pk: int) -> Question:
    return get_object_or_404(
        # The stored related list comes along; the citations with their laws in one query.
        Question.objects.reachable_by(request.user)
        .select_related("category", "author", "addressed_to", "related_list")
        .prefetch_related(Prefetch("cited_articles", queryset=Article.objects.with_law())),
        pk=pk,
    )


@cached_page(page_scopes.question_page)
def question_detail(
    request: HttpRequest,
    pk: int,
    answer_form: AnswerForm | None = None,
    embed: dict[str, object] | None = None,
) -> HttpResponse:
    """The question page. answer_form: a refused answer, shown with its errors; embed: the
    embedded assessment's form and result (consult.question_assessment)."""
    question = _question_or_404(request, pk)
    answers = selectors.visible_answers(question)
    user = request.user
    marked = selectors.helpful_answer_ids(user, answers)
    # Every citation in the question's and the answers' text, resolved in one batch.
    question_body, *bodies = linked_texts(
        [(question.body, question.created_at), *((a.body, a.created_at) for a in answers)]
    )
    answers_on_page = [
        AnswerOnPage(
            answer=answer,
            linked_body=body,
            can_accept=permissions.can_accept(user, answer),
            can_edit=permissions.can_edit_answer(user, answer),
            can_mark_helpful=permissions.can_mark_helpful(user, answer) and answer.pk not in marked,
            marked_helpful=answer.pk in marked,
            can_follow_up=permissions.can_follow_up(user, answer)
            and len(answer.follow_ups.all()) < follow_up_services.MAX_PER_ANSWER,
        )
        for answer, body in zip(answers, bodies, strict=True)
    ]
    can_answer = permissions.can_answer(user, question)
    return render(
        request,
        "consult/question_detail.html",
        {
            "question": question,
            "question_body": question_body,
            "answers": answers_on_page,
            "structured_data": structured_data.qa_page(question, answers),
            "related": related.related_questions(question),
            "recommended": selectors.recommended_questions(exclude=question),
            "can_edit": permissions.can_edit_question(user, question),
            "can_delete": permissions.can_delete_question(user, question),
            "can_answer": can_answer,
            "answer_form": answer_form or (AnswerForm() if can_answer else None),
            "lawyer_status": getattr(user, "lawyer_profile", None)
            if user.is_authenticated
            else None,
            "concerns_pi_crime": selectors.concerns_pi_crime(question, answers),
            **selectors.attached_assessment(question),
            **(embed or {}),
        },
    )


# Facts carried over from the assessment tool are private until the asker publishes them: keep
# them out of error reports, as the tool does.
@sensitive_post_parameters("assessment_facts")
@login_required
@write_limited
def question_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    addressed: LawyerProfile | None = None
    if request.method == "POST" and "title" not in request.POST:
        # Arriving from the assessment tool with only the facts to attach: start a new form.
        form = QuestionForm.from_assessment(request.POST.get("assessment_facts", ""))
    elif request.method == "POST" and "remove_assessment" in request.POST:
        # "不附上评估": the same form again, as typed so far, without the facts.
        kept = {name: request.POST.get(name, "") for name in ("title", "body", "category")}
        form = QuestionForm(initial={**kept, "is_anonymous": "is_anonymous" in request.POST})
    elif request.method == "POST":
        form = QuestionForm(request.POST)
    else:
        # "向TA提问" on a lawyer's profile: /questions/ask/?lawyer=<id>.
        addressed = selectors.addressable_lawyer(request.GET.get("lawyer", ""))
        form = QuestionForm(initial={"addressed_to": addressed.pk if addressed else None})
    if form.is_bound and form.is_valid():
        report: list[Masked] = []
        try:
            question = question_services.question_create(
                author=request.user, masked_report=report, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)  # e.g. a question addressed to oneself
        else:
            if question.is_public:
                messages.success(request, "问题已发布，律师回答后我们会通知您。")
            else:
                messages.warning(request, HELD_NOTICE)
            _tell_what_was_masked(request, report)
            return redirect(question)
    if form.is_bound:
        addressed = form.cleaned_data.get("addressed_to")
    return render(
        request,
        "consult/question_form.html",
        {"form": form, "creating": True, "addressed": addressed, **_attached_preview(form)},
    )


def _attached_preview(form: QuestionForm) -> dict[str, object]:
    """The assessment the form carries, as the question page will show it."""
    attached = selectors.assessment_from_json(str(form["assessment_facts"].value() or ""))
    return {"attached": attached} if attached else {}


@login_required
@write_limited
def question_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    question = _question_or_404(request, pk)
    if not permissions.can_edit_question(request.user, question):
        raise PermissionDenied(permissions.EDIT_QUESTION_DENIED)
    form = QuestionEditForm(request.POST if request.method == "POST" else None, instance=question)
    if request.method == "POST" and form.is_valid():
        report: list[Masked] = []
        question = question_services.question_update(
            question=Question.objects.get(pk=pk),
            by=request.user,
            masked_report=report,
            **form.cleaned_data,
        )
        if question.review_status == Question.Review.PENDING:
            messages.warning(request, HELD_NOTICE)
        else:
            messages.success(request, "问题已更新。")
        _tell_what_was_masked(request, report)
        return redirect(question)
    return render(
        request,
        "consult/question_form.html",
        {"form": form, "question": question, "attached": selectors.attached_assessment(question)},
    )


@require_POST
@login_required
@write_limited
def answer_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    question = _question_or_404(request, pk)
    if not permissions.can_answer(request.user, question):
        raise PermissionDenied(permissions.ANSWER_DENIED)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        # A POST with a signed-in user: the cache is not involved.
        return question_detail(request, pk, answer_form=form)
    report: list[Masked] = []
    answer = answer_services.answer_create(
        question=question, by=request.user, masked_report=report, **form.cleaned_data
    )
    messages.success(request, "回答已发布。")
    _tell_what_was_masked(request, report)
    return redirect(answer)


@login_required
@write_limited
def answer_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    answer = get_object_or_404(
        Answer.objects.filter(public_questions("question__")).select_related("question", "lawyer"),
        pk=pk,
    )
    if not permissions.can_edit_answer(request.user, answer):
        raise PermissionDenied(permissions.EDIT_ANSWER_DENIED)
    initial = {
        "body": answer.body,
        "cited_articles": typed_citations(answer),
    }
    form = AnswerForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        report: list[Masked] = []
        answer_services.answer_update(
            answer=answer, by=request.user, masked_report=report, **form.cleaned_data
        )
        messages.success(request, "回答已更新。")
        _tell_what_was_masked(request, report)
        return redirect(answer)
    return render(request, "consult/answer_form.html", {"form": form, "answer": answer})


def _tell_what_was_masked(request: HttpRequest, report: list[Masked]) -> None:
    if report:
        messages.info(request, f"为保护个人信息，发布时已隐去：{describe(report)}。")


def _visible_answer(pk: int) -> Answer:
    return get_object_or_404(
        Answer.objects.public().select_related("question", "lawyer__user"), pk=pk
    )


@require_POST
@login_required
@write_limited
def answer_accept(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    answer = _visible_answer(pk)
    answer_services.answer_accept(answer=answer, by=request.user)
    messages.success(request, "已采纳这条回答，感谢您的反馈。")
    return redirect(answer)


@require_POST
@login_required
@write_limited
def answer_helpful(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    answer = _visible_answer(pk)
    try:
        answer_services.helpful_mark(answer=answer, by=request.user)
        messages.success(request, "感谢您的反馈。")
    except ValidationError as error:
        messages.error(request, error.messages[0])
    return redirect(answer)


@login_required
@write_limited
def lawyer_apply_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    profile = LawyerProfile.objects.filter(user=request.user).first()
    can_apply = profile is None or profile.status in (
        LawyerProfile.Status.PENDING,
        LawyerProfile.Status.REJECTED,
    )
    form = (
        LawyerApplicationForm(request.POST if request.method == "POST" else None, instance=profile)
        if can_apply
        else None
    )
    if request.method == "POST":
        if form is None:
            raise PermissionDenied("您的认证状态不允许重新申请。")
        if form.is_valid():
            try:
                lawyer_apply(user=request.user, **form.cleaned_data)
            except TransitionError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, "申请已提交，管理员审核执业信息后会开通回答权限。")
                return redirect("consult:lawyer-apply")
    return render(request, "consult/lawyer_apply.html", {"form": form, "profile": profile})


@login_required
@write_limited
def notification_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    if request.method == "POST":
        notification_services.mark_read(recipient=request.user)
        return redirect("consult:notification-list")
    notifications = (
        Notification.objects.filter(recipient=request.user)
        .visible()
        .select_related("question", "answer__lawyer", "follow_up")
    )
    page = Paginator(notifications, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "consult/notification_list.html", {"page": page})


@login_required
def notification_open(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    notification = get_object_or_404(
        Notification.objects.visible(),
        pk=pk,
        recipient=request.user,
    )
    if notification.read_at is None:
        notification_services.mark_read(recipient=request.user, pk=notification.pk)
    return redirect(notification.get_absolute_url())
