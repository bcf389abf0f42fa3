from django.urls import path

from . import public_views

app_name = "public_standards"

S = "units/<slug:slug>/services/<slug:service_slug>/"

urlpatterns = [
    path(S, public_views.service_detail, name="service"),
    path(S + "guide.pdf", public_views.service_guide, name="service-guide"),
    path(S + "versions/", public_views.service_history, name="service-history"),
    path(S + "versions/<int:number>/", public_views.service_version, name="service-version"),
    path(
        "units/<slug:slug>/standards.json",
        public_views.open_data,
        {"fmt": "json"},
        name="open-data-json",
    ),
    path(
        "units/<slug:slug>/standards.csv",
        public_views.open_data,
        {"fmt": "csv"},
        name="open-data-csv",
    ),
    path("units/<slug:slug>/maklumat/", public_views.maklumat, name="maklumat"),
    path(
        "units/<slug:slug>/maklumat/poster/", public_views.maklumat_poster, name="maklumat-poster"
    ),
    path("units/<slug:slug>/forums/<int:pk>/", public_views.forum, name="forum"),
]
