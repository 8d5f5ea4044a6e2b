"""The one DRF router of the API, under /api/v1/.

Nested resources are plain prefixes on the same router: questions/{id}/answers/ and
laws/{slug}/articles/ need no second router.
"""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from consult.api.answers import AnswerViewSet
from consult.api.directory import CategoryViewSet, LawyerViewSet
from consult.api.follow_ups import FollowUpViewSet
from consult.api.me import MeExportView, MeView
from consult.api.questions import QuestionViewSet
from statutes.api import ArticleViewSet, LawArticleViewSet, LawViewSet

router = DefaultRouter()
router.register("questions", QuestionViewSet, basename="question")
router.register(
    r"questions/(?P<question_pk>[0-9]+)/answers", AnswerViewSet, basename="question-answer"
)
router.register(
    r"answers/(?P<answer_pk>[0-9]+)/follow-ups", FollowUpViewSet, basename="answer-follow-up"
)
router.register("lawyers", LawyerViewSet, basename="lawyer")
router.register("categories", CategoryViewSet, basename="category")
router.register("laws", LawViewSet, basename="law")
router.register(
    r"laws/(?P<law_slug>[-a-zA-Z0-9_]+)/articles", LawArticleViewSet, basename="law-article"
)
router.register("articles", ArticleViewSet, basename="article")

app_name = "api"
urlpatterns = [
    path("me/", MeView.as_view(), name="me"),
    path("me/export/", MeExportView.as_view(), name="me-export"),
    path("", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's start-up script as a file: no inline script (CSP). Our
    # copy of its template declares lang="zh-Hans".
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api:schema", template_name="api/docs.html"),
        name="docs",
    ),
]
