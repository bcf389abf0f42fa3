from django.urls import path

from . import followup, open_data, views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("hak-warga/", views.rights, name="rights"),
    path("aksesibilitas/", views.accessibility, name="accessibility"),
    path("units/", views.unit_list, name="unit-list"),
    path("mpp/<slug:slug>/", views.mall_detail, name="mall-detail"),
    path("units/<slug:slug>/", views.unit_detail, name="unit-detail"),
    path("units/<slug:slug>/jemput-bola/", views.home_visit, name="home-visit"),
    path("units/<slug:slug>/skm/", views.unit_skm, name="unit-skm"),
    path("units/<slug:slug>/tindak-lanjut/", followup.unit_followup, name="unit-followup"),
    path(
        "units/<slug:slug>/tindak-lanjut/<str:month>/",
        followup.unit_followup,
        name="unit-followup-month",
    ),
    path("units/<slug:slug>/report-card/", views.unit_report_card, name="unit-report-card"),
    path("units/<slug:slug>/skm/poster/", views.unit_poster, name="unit-poster"),
    path(
        "units/<slug:slug>/data/skm.<str:fmt>",
        open_data.skm,
        name="open-data-skm",
    ),
    path(
        "units/<slug:slug>/data/complaints-<int:year>.<str:fmt>",
        open_data.complaint_statistics,
        name="open-data-complaints",
    ),
]
