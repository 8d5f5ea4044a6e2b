from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import TemplateView

from assessment.api import AssessmentView
from consult.sitemaps import CategorySitemap, LawyerSitemap, QuestionSitemap
from portal import views
from seo.robots import robots_txt
from seo.sitemaps import sitemap_index, sitemap_section
from statutes.sitemaps import ArticleSitemap, LawSitemap

SITEMAPS = {
    "questions": QuestionSitemap,
    "lawyers": LawyerSitemap,
    "categories": CategorySitemap,
    "laws": LawSitemap,
    "articles": ArticleSitemap,
}
seo_patterns = (
    [
        path("robots.txt", robots_txt, name="robots-txt"),
        path(
            "sitemap.xml",
            sitemap_index,
            {"sitemaps": SITEMAPS, "section_url_name": "seo:sitemap-section"},
            name="sitemap-index",
        ),
        # One section, chunk ?p=N.
        path(
            "sitemap-<slug:section>.xml",
            sitemap_section,
            {"sitemaps": SITEMAPS},
            name="sitemap-section",
        ),
    ],
    "seo",
)

# 隐私政策 and 用户协议: prose only, linked from every page's footer and the sign-up form.
page_patterns = (
    [
        path("privacy/", TemplateView.as_view(template_name="pages/privacy.html"), name="privacy"),
        path("terms/", TemplateView.as_view(template_name="pages/terms.html"), name="terms"),
    ],
    "pages",
)

urlpatterns = [
    path("", include(seo_patterns)),
    path("", include(page_patterns)),
    path("", include("consult.urls")),
    path("accounts/", include("consult.account_urls")),
    path("statutes/", include("consult.statute_urls")),
    path("tools/", include("assessment.urls")),
    path("api/v1/assessments/", AssessmentView.as_view(), name="api-assessment"),
    path("api/v1/", include("portal.api_urls")),
    # Anything else under /api/ is a JSON 404, with DEBUG on as well (handler404 only serves
    # with DEBUG off).
    re_path(r"^api/", views.api_not_found, name="api-not-found"),
    path("admin/", admin.site.urls),
    path("healthz/", views.healthz, name="healthz"),
]

if settings.BENCH_BARE_VIEW:
    # Only for bench/load.py: the same middleware as every page, no database, no template.
    urlpatterns.append(path("bench/bare/", views.bench_bare, name="bench-bare"))

handler400 = "portal.views.bad_request"
handler403 = "portal.views.permission_denied"
handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
