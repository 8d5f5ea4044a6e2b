""" "发布时将隐去：…" on the ask and edit pages: what publishing would mask in the text being typed.

Privacy: the text arrives by POST only (never in a URL), is masked in memory and dropped — not
stored, not logged, hidden from error reports — and the answer, which holds only masked forms,
is never cached. The services mask again when the text is published; this only tells the
writer beforehand, with the same rule (consult.services.masking).
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Field
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from consult.models import Answer, Question
from consult.services.masking import Masked, masked


# The longest text a form takes: a question's title, and a body up to an answer's length (the
# lawyer's form may use this too).
def _max_length(model: type[Question] | type[Answer], name: str) -> int:
    field = model._meta.get_field(name)
    length = field.max_length if isinstance(field, Field) else None
    if length is None:  # a field without a limit would let the preview take any text
        raise ImproperlyConfigured(f"{model.__name__}.{name} has no max_length")
    return length


LIMITS = {"title": _max_length(Question, "title"), "body": _max_length(Answer, "body")}
# The page's script asks as the writer types (debounced), so more often than a form is sent.
PREVIEW_RATE = "60/m"


@sensitive_post_parameters()
@never_cache
@require_POST
@ratelimit(key="user_or_ip", rate=PREVIEW_RATE, method="POST", block=True)
def mask_preview(request: HttpRequest) -> JsonResponse:
    if not request.user.is_authenticated:
        return _json({"detail": "请先登录。"}, status=403)
    errors = {
        name: [f"最多 {limit} 个字。"]
        for name, limit in LIMITS.items()
        if len(request.POST.get(name, "")) > limit
    }
    if errors:
        return _json(errors, status=400)
    report: list[Masked] = []
    for name in LIMITS:
        masked(request.POST.get(name, ""), report)
    return _json({"masked": [{"kind": item.kind, "masked": item.masked} for item in report]})


def _json(data: dict, *, status: int = 200) -> JsonResponse:
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
