from django.urls import path

from consult import (
    browse_views,
    feeds,
    lawyer_views,
    privacy_views,
    question_assessment,
    removal_views,
    views,
)

app_name = "consult"
urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("search/suggestions/", views.search_suggestions, name="search-suggestions"),
    path("categories/<slug:slug>/", views.category_detail, name="category-detail"),
    path("categories/<slug:slug>/feed/", feeds.CategoryQuestionsFeed(), name="feed-category"),
    path("feeds/questions/", feeds.LatestQuestionsFeed(), name="feed-questions"),
    path("questions/", browse_views.question_browse, name="question-list"),
    path("questions/ask/", views.question_create, name="question-create"),
    path("questions/mask-preview/", privacy_views.mask_preview, name="mask-preview"),
    path("questions/<int:pk>/", views.question_detail, name="question-detail"),
    path(
        "questions/<int:pk>/assessment/",
        question_assessment.question_assessment,
        name="question-assessment",
    ),
    path("questions/<int:pk>/edit/", views.question_edit, name="question-edit"),
    path("questions/<int:pk>/delete/", removal_views.question_delete, name="question-delete"),
    path("questions/<int:pk>/answers/", views.answer_create, name="answer-create"),
    path("answers/<int:pk>/edit/", views.answer_edit, name="answer-edit"),
    path("answers/<int:pk>/accept/", views.answer_accept, name="answer-accept"),
    path("answers/<int:pk>/helpful/", views.answer_helpful, name="answer-helpful"),
    path("lawyers/apply/", views.lawyer_apply_view, name="lawyer-apply"),
    path("answers/<int:pk>/follow-ups/", lawyer_views.follow_up_create, name="follow-up-create"),
    path("lawyers/", lawyer_views.lawyer_list, name="lawyer-list"),
    path("lawyers/workspace/", lawyer_views.workspace, name="lawyer-workspace"),
    path(
        "lawyers/workspace/answers/",
        lawyer_views.workspace_answers,
        name="lawyer-workspace-answers",
    ),
    path(
        "lawyers/workspace/profile/",
        lawyer_views.workspace_profile,
        name="lawyer-workspace-profile",
    ),
    path("lawyers/<int:pk>/", lawyer_views.lawyer_detail, name="lawyer-detail"),
    path("lawyers/<int:pk>/feed/", feeds.LawyerAnswersFeed(), name="feed-lawyer"),
    path("notifications/", views.notification_list, name="notification-list"),
    path("notifications/<int:pk>/", views.notification_open, name="notification-open"),
]
