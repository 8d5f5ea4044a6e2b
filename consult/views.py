"""Q&A pages. Views parse the request, call a selector or service and render."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from consult import selectors
from consult.models import Category, LawyerProfile, Question

PAGE_SIZE = 20


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


def category_detail(request: HttpRequest, slug: str) -> HttpResponse:
    category = get_object_or_404(Category, slug=slug)
    paginator = Paginator(selectors.question_list().filter(category=category), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "consult/category_detail.html",
        {"category": category, "page": page, "categories": selectors.categories()},
    )


def question_detail(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_object_or_404(
        Question.objects.select_related("category", "author").prefetch_related(
            "cited_articles__version__law"
        ),
        pk=pk,
    )
    if question.is_hidden and not request.user.is_staff:
        raise Http404("该问题已被隐藏")
    return render(
        request,
        "consult/question_detail.html",
        {
            "question": question,
            "answers": selectors.visible_answers(question),
            "related": selectors.related_questions(question),
            "recommended": selectors.recommended_questions(exclude=question),
        },
    )


def lawyer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        lawyer = selectors.lawyer_with_helped_count(pk)
    except LawyerProfile.DoesNotExist:
        raise Http404("没有这位律师") from None
    answers = (
        lawyer.answers.visible()
        .filter(question__is_hidden=False)
        .select_related("question__category")
        .order_by("-created_at")[:50]
    )
    return render(request, "consult/lawyer_detail.html", {"lawyer": lawyer, "answers": answers})
