from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("", views.notice_index, name="notice-index"),
    path("<slug:purpose>/", views.notice_detail, name="notice-detail"),
]
