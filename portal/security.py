"""Content-Security-Policy and Permissions-Policy on every response.

The policy itself is settings.CONTENT_SECURITY_POLICY (django-csp): scripts, styles, images,
fonts and connections from this site only, no plugins, no framing, forms posting only here.
The site's own templates have no inline script or style (tests/security/test_security_headers
checks every page); JSON-LD is a data block, which CSP doesn't govern.

Two pages that aren't ours need allowances, scoped to their paths rather than loosening the
site: Django's admin (and django-simple-history's history pages in it) writes an occasional
inline style; the API docs page (Swagger UI, self-hosted by drf-spectacular-sidecar) has an
inline <style> in its template, and draws its icons as data: images. Their scripts are files
(SpectacularSwaggerSplitView serves the start-up script as one), so no page runs inline script.
"""

from __future__ import annotations

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.http import HttpRequest, HttpResponseBase
from django.urls import reverse

# Browser features the site never uses, refused to every page and anything it might embed.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "browsing-topics",
    )
)

_ADMIN = {"style-src": [UNSAFE_INLINE]}
_API_DOCS = {"style-src": [UNSAFE_INLINE], "img-src": [SELF, "data:"]}


class SecurityHeadersMiddleware(CSPMiddleware):
    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        response = super().process_response(request, response)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if parts.update is None:
            if request.path_info.startswith(reverse("admin:index")):
                parts.update = _ADMIN
            elif request.path_info.startswith(reverse("api:docs")):
                parts.update = _API_DOCS
        return parts
