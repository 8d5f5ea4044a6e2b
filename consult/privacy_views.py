""" "发布时将隐去：…" on the ask and edit pages: what publishing would mask in the text being typed.

Privacy: the text arrives by POST only (never in a URL), is masked in memory and dropped — not
stored, not logged, hidden from error reports — and the answer, which holds only masked forms,
is never cached. The services mask again when the text is published; this only tells the
writer beforehand, with the same rule (consult.services.masking).
"""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from consult.models import Answer, Question
from consult.services.masking import Masked, masked

# The longest text a form takes: a question's title, and a body up to an answer's length (the
# lawyer's form may use this too).
LIMITS = {
    "title": Question._meta.get_field("title").max_length,
    "body": Answer._meta.get_field("body").max_length,
}
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
