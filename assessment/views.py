"""The assessment tool page, and the fragment its script asks for while the user types.

Privacy: facts arrive by POST only (never in a URL), are neither stored nor logged, are hidden
from error reports (``sensitive_post_parameters``) and the responses are never cached. They
leave the page only if the user presses "带着评估结果去提问".
"""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from assessment.context import assessment_context
from assessment.engine import Facts
from assessment.forms import AssessmentForm

# static/js/assessment.js sends this header to get only the result, not the whole page.
FRAGMENT_HEADER_VALUE = "fetch"


def result_context(facts: Facts) -> dict[str, Any]:
    """The result include's context, plus the facts for the "attach to a question" button
    (as the contract's input JSON)."""
    return {
        **assessment_context(facts),
        "attach_facts": json.dumps(facts.to_dict(), ensure_ascii=False),
    }


# No CSRF token: the tool only computes. A forged cross-site POST would store, change or send
# nothing, and its answer is unreadable to the forging site. Without a token the form can be
# embedded in question pages that the anonymous page cache shares between visitors.
@csrf_exempt
@sensitive_post_parameters()
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
# Generous: the page's script posts as the user types (debounced), but a flood is still cut off.
@ratelimit(key="ip", rate="120/m", method="POST", block=True)
def pi_crime_assessment(request: HttpRequest) -> HttpResponse:
    form = AssessmentForm(request.POST if request.method == "POST" else None)
    context: dict[str, Any] = {"assessment_form": form}
    if form.is_bound and form.is_valid():
        assert form.facts is not None  # set by a valid form's clean()
        context |= result_context(form.facts)
    status = 400 if form.is_bound and form.errors else 200
    fragment = request.headers.get("X-Requested-With") == FRAGMENT_HEADER_VALUE
    if fragment and form.is_bound:
        return render(request, "statutes/_assessment_result.html", context, status=status)
    return render(request, "statutes/assessment_tool.html", context, status=status)
