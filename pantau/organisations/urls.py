from django.urls import path

from . import views

app_name = "organisations"

urlpatterns = [
    path("units/", views.unit_list, name="unit-list"),
    path("units/<slug:slug>/", views.unit_detail, name="unit-detail"),
    path("units/<slug:slug>/edit/", views.unit_edit, name="unit-edit"),
    path("units/<slug:slug>/hours/", views.hours_edit, name="hours-edit"),
    path("units/<slug:slug>/channels/", views.channels_edit, name="channels-edit"),
    path("units/<slug:slug>/services/new/", views.service_create, name="service-create"),
    path("units/<slug:slug>/services/<int:pk>/edit/", views.service_edit, name="service-edit"),
    path("units/<slug:slug>/audit/", views.unit_audit, name="unit-audit"),
    path("units/<slug:slug>/jemput-bola/", views.home_visits, name="home-visits"),
]
