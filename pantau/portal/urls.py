from django.urls import path

from pantau.common.httpcache import public_page

from . import followup, open_data, views

# Pages that show no report keep their copy while citizens report (pantau.common.httpcache).
NO_REPORTS = ("public",)

app_name = "portal"

urlpatterns = [
    path("", public_page(views.home, topics=NO_REPORTS), name="home"),
    path("hak-warga/", public_page(views.rights, topics=NO_REPORTS), name="rights"),
    path(
        "aksesibilitas/", public_page(views.accessibility, topics=NO_REPORTS), name="accessibility"
    ),
    path("units/", public_page(views.unit_list, topics=NO_REPORTS), name="unit-list"),
    path("mpp/<slug:slug>/", public_page(views.mall_detail, topics=NO_REPORTS), name="mall-detail"),
    path(
        "units/<slug:slug>/", public_page(views.unit_detail, topics=NO_REPORTS), name="unit-detail"
    ),
    path("units/<slug:slug>/jemput-bola/", views.home_visit, name="home-visit"),
    path("units/<slug:slug>/skm/", public_page(views.unit_skm, topics=NO_REPORTS), name="unit-skm"),
    path(
        "units/<slug:slug>/tindak-lanjut/",
        public_page(followup.unit_followup),
        name="unit-followup",
    ),
    path(
        "units/<slug:slug>/tindak-lanjut/<str:month>/",
        public_page(followup.unit_followup),
        name="unit-followup-month",
    ),
    path(
        "units/<slug:slug>/report-card/",
        public_page(views.unit_report_card),
        name="unit-report-card",
    ),
    path("units/<slug:slug>/skm/poster/", views.unit_poster, name="unit-poster"),
    path(
        "units/<slug:slug>/data/skm.<str:fmt>",
        public_page(open_data.skm, cors=True, topics=NO_REPORTS),
        name="open-data-skm",
    ),
    path(
        "units/<slug:slug>/data/complaints-<int:year>.<str:fmt>",
        public_page(open_data.complaint_statistics, cors=True),
        name="open-data-complaints",
    ),
]
