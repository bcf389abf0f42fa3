from django.urls import path

from pantau.common.httpcache import public_page

from . import public_views

app_name = "public_standards"

S = "units/<slug:slug>/services/<slug:service_slug>/"

urlpatterns = [
    path(S, public_page(public_views.service_detail), name="service"),
    path(S + "guide.pdf", public_views.service_guide, name="service-guide"),
    path(S + "versions/", public_page(public_views.service_history), name="service-history"),
    path(
        S + "versions/<int:number>/",
        public_page(public_views.service_version),
        name="service-version",
    ),
    path(
        "units/<slug:slug>/standards.json",
        public_page(public_views.open_data, cors=True),
        {"fmt": "json"},
        name="open-data-json",
    ),
    path(
        "units/<slug:slug>/standards.csv",
        public_page(public_views.open_data, cors=True),
        {"fmt": "csv"},
        name="open-data-csv",
    ),
    path("units/<slug:slug>/maklumat/", public_page(public_views.maklumat), name="maklumat"),
    path(
        "units/<slug:slug>/maklumat/poster/", public_views.maklumat_poster, name="maklumat-poster"
    ),
    path("units/<slug:slug>/forums/<int:pk>/", public_page(public_views.forum), name="forum"),
]
