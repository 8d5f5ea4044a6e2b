"""Template helpers of templates/includes/_meta.html and the pages' structured data."""

from __future__ import annotations

import json
from typing import Any

from django import template
from django.core.paginator import Page
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from seo.absolute import absolute_url
from seo.text import summary

register = template.Library()

# As django.utils.html.json_script: user text can never close the <script> element.
_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


register.filter("summary", summary)


@register.simple_tag(takes_context=True)
def canonical_url(context: template.Context) -> str:
    """The page's own path on SITE_URL. Query strings are dropped (filters, sorting, tracking
    parameters), except the page number of the list the page paginates (``page`` in the
    context), as the paginator settled it: ?page=1 and ?page=abc are the first page."""
    request = context.get("request")
    if request is None:  # a template rendered without a request has no page to name
        return ""
    page = context.get("page")
    number = page.number if isinstance(page, Page) else None
    return absolute_url(request.path, page=number)


@register.filter
def jsonld(data: dict[str, Any]) -> SafeString:
    """A ``<script type="application/ld+json">`` element, escaped like ``json_script``."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_JSON_SCRIPT_ESCAPES)),  # noqa: S308 (escaped just above)
    )


class CaptureNode(template.Node):
    def __init__(self, nodelist: template.NodeList, name: str) -> None:
        self.nodelist = nodelist
        self.name = name

    def render(self, context: template.Context) -> str:
        # Rendered unescaped and stored as plain text, so it is escaped once where it is output.
        autoescape, context.autoescape = context.autoescape, False
        try:
            # Slicing a SafeString gives a plain str (str() would keep it marked safe).
            context[self.name] = self.nodelist.render(context)[:]
        finally:
            context.autoescape = autoescape
        return ""


@register.tag
def capture(parser: template.base.Parser, token: template.base.Token) -> CaptureNode:
    """``{% capture description %}…{% endcapture %}``: render the body into a variable, so a page
    can compose its description once and hand it to the meta include."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("capture takes one variable name")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[1])
