from django.urls import path

from . import views

app_name = "reportcards"

urlpatterns = [
    path("units/<slug:slug>/rapor/", views.card_list, name="card-list"),
    path("units/<slug:slug>/rapor/<int:year>/", views.card_detail, name="card-detail"),
    path("units/<slug:slug>/rapor/<int:year>/publish/", views.card_publish, name="card-publish"),
]
