"""The statute pages' URLs (namespace "statutes"). Their views are consult/statute_views.py: an
article's page lists the questions citing it and every statute page is cached under consult's
page scopes, so they sit above both apps."""

from django.urls import path, register_converter

from consult import statute_views as views
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
