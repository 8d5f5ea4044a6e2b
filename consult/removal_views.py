"""The asker takes a question down: the confirmation page and the delete itself."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from consult import permissions
from consult.forms import QuestionDeleteForm
from consult.models import Question
from consult.services import questions as question_services
from portal.http import AuthenticatedHttpRequest
from portal.limits import write_limited


@login_required
@write_limited
def question_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    question = get_object_or_404(Question.objects.select_related("category"), pk=pk)
    if question.is_deleted:
        raise Http404("该问题已删除")
    if not permissions.can_delete_question(request.user, question):
        raise PermissionDenied(permissions.DELETE_QUESTION_DENIED)
    form = QuestionDeleteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        question_services.question_delete(
            question=question, by=request.user, reason=form.cleaned_data["reason"]
        )
        messages.success(request, f"问题“{question.title}”已删除，其他人已无法看到。")
        return redirect("accounts:account")
    return render(
        request, "consult/question_confirm_delete.html", {"form": form, "question": question}
    )
