from django.urls import path, register_converter

from statutes import views
from statutes.converters import ArticleNumberConverter

register_converter(ArticleNumberConverter, "article")

app_name = "statutes"
urlpatterns = [
    path("", views.law_list, name="law-list"),
    path("<slug:law>/", views.law_detail, name="law-detail"),
    path("<slug:law>/<article:article>/", views.article_detail, name="article-detail"),
    path("<slug:law>/versions/<slug:version>/", views.law_detail, name="version-detail"),
    path(
        "<slug:law>/versions/<slug:version>/<article:article>/",
        views.article_detail,
        name="version-article-detail",
    ),
]
