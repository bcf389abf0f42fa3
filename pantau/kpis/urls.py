from django.urls import path

from . import export_views, views

app_name = "kpis"

urlpatterns = [
    path("kpis/", views.index, name="index"),
    path("kpis/<int:pk>/edit/", views.indicator_edit, name="indicator-edit"),
    path("kpis/<int:pk>/targets/", views.targets, name="targets"),
    path(
        "kpis/<int:pk>/targets/<int:target_pk>/remove/",
        views.target_remove,
        name="target-remove",
    ),
    path("kpis/agencies/<slug:slug>/", views.agency, name="agency"),
    path("kpis/agencies/<slug:slug>/new/", views.agency_define, name="agency-define"),
    path(
        "kpis/agencies/<slug:slug>/export.<str:fmt>",
        export_views.agency_export,
        name="agency-export",
    ),
    path("units/<slug:slug>/kpis/", views.unit_dashboard, name="unit"),
    path("units/<slug:slug>/kpis/new/", views.unit_define, name="unit-define"),
    path("units/<slug:slug>/kpis/export.<str:fmt>", export_views.unit_export, name="unit-export"),
    path("units/<slug:slug>/kpis/<int:pk>/", views.indicator_detail, name="indicator"),
    path(
        "units/<slug:slug>/kpis/<int:pk>/measurements/new/",
        views.measurement_record,
        name="measurement-record",
    ),
    path(
        "units/<slug:slug>/kpis/<int:pk>/measurements/<int:measurement_pk>/evidence/",
        views.measurement_evidence,
        name="measurement-evidence",
    ),
]
