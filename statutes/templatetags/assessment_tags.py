"""Template helpers of the assessment: provision links, and the form for embedding.

The result include takes the contract's plain dicts (``Result.to_dict()``), where a provision is
a string such as "解释第五条第一款第三项"; this tag turns it into a link to the article page,
anchored at the 款 (``p1``) or 项 (``p1-i3``) that the article page gives the same ids.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from assessment.engine import parse_provision
from assessment.forms import AssessmentForm

register = template.Library()


@register.filter
def provision_url(provision: str) -> str:
    """ "解释第五条第一款第三项" → "/statutes/pi-crime-interpretation-2017/5/#p1-i3"; "" when the
    string names no provision the statute pages have."""
    try:
        ref = parse_provision(provision)
    except ValueError:
        return ""
    url = reverse(
        "statutes:article-detail", kwargs={"law": ref.document, "article": ref.article_slug}
    )
    if ref.anchor is None:
        return url
    return f"{url}#{ref.anchor}" + (f"-i{ref.item}" if ref.item is not None else "")


@register.simple_tag
def provision_link(provision: str) -> SafeString:
    """The provision as a link to its article page, or as plain text if it has none."""
    url = provision_url(provision)
    if not url:
        return format_html("{}", provision)
    return format_html('<a href="{}" class="provision">{}</a>', url, provision)


@register.simple_tag
def new_assessment_form() -> AssessmentForm:
    """An empty assessment form, for pages whose views know nothing of the assessment (the
    question page embeds the form through ``statutes/_assessment_embed.html``)."""
    return AssessmentForm()


@register.filter
def bar_groups(bars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The bars by stage, 情节严重 first: [{"stage": "serious", "bars": [...]}, ...]; a stage
    without bars (解释第六条 has no tenfold standard) is left out."""
    return [
        {"stage": stage, "bars": [bar for bar in bars if bar["stage"] == stage]}
        for stage in ("serious", "especially_serious")
        if any(bar["stage"] == stage for bar in bars)
    ]
