from django.urls import path

from consult import views

app_name = "consult"
urlpatterns = [
    path("", views.home, name="home"),
    path("categories/<slug:slug>/", views.category_detail, name="category-detail"),
    path("questions/<int:pk>/", views.question_detail, name="question-detail"),
    path("lawyers/<int:pk>/", views.lawyer_detail, name="lawyer-detail"),
]
