"""The assessment embedded in a question page about 侵犯公民个人信息罪, evaluated in place.

Without JavaScript the embed's form posts here and gets the question page back with the result
under the form; the embed's script posts the same form and gets the result alone. Like the tool
page (assessment.views), the facts arrive by POST only, are neither stored nor logged,
and no response is cached.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters
from django_ratelimit.decorators import ratelimit

from assessment.forms import AssessmentForm
from assessment.views import FRAGMENT_HEADER_VALUE, result_context
from consult import views
from consult.models import Question


# No CSRF token, as on the tool page: this only computes, and the embed lives on question pages
# that the anonymous page cache shares between visitors.
@csrf_exempt
@sensitive_post_parameters()
@never_cache
@ratelimit(key="ip", rate="120/m", method="POST", block=True)
def question_assessment(request: HttpRequest, pk: int) -> HttpResponse:
    if request.method != "POST":
        return redirect("consult:question-detail", pk=pk)
    questions = Question.objects.all() if request.user.is_staff else Question.objects.visible()
    if not questions.filter(pk=pk).exists():
        raise Http404("没有这个问题")
    form = AssessmentForm(request.POST)
    result: dict[str, Any] = {}
    if form.is_valid():
        assert form.facts is not None  # set by a valid form's clean()
        result = result_context(form.facts)
    status = 200 if form.is_valid() else 400
    if request.headers.get("X-Requested-With") == FRAGMENT_HEADER_VALUE:
        context = {"assessment_form": form, **result}
        return render(request, "statutes/_assessment_result.html", context, status=status)
    embed = {"embed_form": form, **{f"embed_{key}": value for key, value in result.items()}}
    response = views.question_detail(request, pk, embed=embed)
    response.status_code = status
    return response
