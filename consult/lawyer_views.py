"""Lawyers' pages: the 找律师 directory, the profile, the workspace (待回答, 我的回答, editing
the profile) and 追问 under answers."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from accounts.models import User
from consult import page_scopes, permissions, selectors
from consult.filters import LawyerFilter
from consult.forms import FollowUpForm, LawyerProfileEditForm, WorkspaceFilterForm
from consult.models import Answer, LawyerProfile
from consult.search import RELEVANCE_ORDER, search_questions
from consult.services import follow_ups as follow_up_services
from consult.services.lawyers import TransitionError, lawyer_update_profile
from consult.services.masking import Masked, describe
from portal.limits import write_limited
from portal.page_cache import cached_page
from search.query import parse_query

PAGE_SIZE = 20
RECENT_ANSWERS = 20
# Writes are rate-limited per user (or per IP for visitors), as on the other pages.


@cached_page(page_scopes.lists, params=("page", "practice_area"))
def lawyer_list(request: HttpRequest) -> HttpResponse:
    """找律师: verified lawyers by region and practice area, most people helped first."""
    filters = LawyerFilter(request.GET, queryset=selectors.lawyer_directory())
    lawyers = filters.qs if filters.is_valid() else LawyerProfile.objects.none()
    page = Paginator(lawyers, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "consult/lawyer_list.html",
        {
            "filters": filters,
            "page": page,
            "categories": selectors.categories(),
        },
    )


@cached_page(page_scopes.lists)
def lawyer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        lawyer = selectors.public_lawyer(pk)
    except LawyerProfile.DoesNotExist:
        raise Http404("没有这位律师") from None
    return render(
        request,
        "consult/lawyer_detail.html",
        {
            "lawyer": lawyer,
            "answers": selectors.lawyer_answers(lawyer)[:50],
            "stats": selectors.lawyer_stats(lawyer),
        },
    )


def _workspace_lawyer(request: HttpRequest) -> LawyerProfile:
    lawyer = permissions.verified_lawyer(request.user)
    if lawyer is None:
        raise PermissionDenied(permissions.WORKSPACE_DENIED)
    return lawyer


@login_required
def workspace(request: HttpRequest) -> HttpResponse:
    """待回答: unanswered questions, those asked of the lawyer and in their areas first."""
    lawyer = _workspace_lawyer(request)
    form = WorkspaceFilterForm(request.GET)
    page = None
    if form.is_valid():
        questions = selectors.unanswered_for(lawyer, category=form.cleaned_data["category"])
        if form.search_text:
            questions = search_questions(questions, parse_query(form.search_text))
            # Asked of me and in my areas still first; relevance within each.
            questions = questions.order_by(*selectors.WORKSPACE_PRIORITY, *RELEVANCE_ORDER)
        page = Paginator(questions, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "consult/lawyer_workspace.html",
        {
            "lawyer": lawyer,
            "form": form,
            "page": page,
            "stats": selectors.lawyer_stats(lawyer),
            "tab": "unanswered",
        },
    )


@login_required
def workspace_answers(request: HttpRequest) -> HttpResponse:
    """我的回答, with their 采纳 and 有帮助."""
    lawyer = _workspace_lawyer(request)
    page = Paginator(selectors.lawyer_answers(lawyer), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "consult/lawyer_workspace_answers.html",
        {"lawyer": lawyer, "page": page, "stats": selectors.lawyer_stats(lawyer), "tab": "mine"},
    )


@login_required
@write_limited
def workspace_profile(request: HttpRequest) -> HttpResponse:
    """Editing the profile; a changed name or licence number goes back into review."""
    lawyer = _workspace_lawyer(request)
    form = LawyerProfileEditForm(
        request.POST if request.method == "POST" else None, instance=lawyer
    )
    if request.method == "POST" and form.is_valid():
        try:
            profile = lawyer_update_profile(profile=lawyer, by=lawyer.user, **form.cleaned_data)
        except TransitionError as error:
            messages.error(request, str(error))
        else:
            if profile.is_verified:
                messages.success(request, "执业资料已更新。")
                return redirect("consult:lawyer-workspace-profile")
            messages.info(
                request, "您修改了姓名或执业证号，资料已提交重新审核；审核通过前不能回答问题。"
            )
            return redirect("consult:lawyer-apply")
    return render(
        request,
        "consult/lawyer_workspace_profile.html",
        {"lawyer": lawyer, "form": form, "tab": "profile"},
    )


@require_POST
@login_required
@write_limited
def follow_up_create(request: HttpRequest, pk: int) -> HttpResponse:
    """追问 (the asker) or a reply (the answering lawyer) under an answer."""
    answer = get_object_or_404(
        Answer.objects.select_related("question"),
        pk=pk,
        is_hidden=False,
        question__is_hidden=False,
    )
    user = request.user
    if not isinstance(user, User) or not permissions.can_follow_up(user, answer):
        raise PermissionDenied(permissions.FOLLOW_UP_DENIED)
    form = FollowUpForm(request.POST)
    if not form.is_valid():
        messages.error(request, str(form.errors["body"][0]))
        return redirect(answer)
    report: list[Masked] = []
    try:
        follow_up = follow_up_services.follow_up_create(
            answer=answer, by=user, body=form.cleaned_data["body"], masked_report=report
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect(answer)
    messages.success(request, "已发布。")
    if report:
        messages.info(request, f"为保护个人信息，发布时已隐去：{describe(report)}。")
    return redirect(follow_up)
