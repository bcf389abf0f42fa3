from django.urls import path

from . import annual_views, views

app_name = "improvements"

urlpatterns = [
    path("perbaikan/", views.overview, name="overview"),
    path("units/<slug:slug>/perbaikan/", views.action_list, name="action-list"),
    path("units/<slug:slug>/perbaikan/new/", views.action_create, name="action-create"),
    path("units/<slug:slug>/perbaikan/<int:pk>/", views.action_detail, name="action-detail"),
    path("units/<slug:slug>/perbaikan/<int:pk>/edit/", views.action_edit, name="action-edit"),
    path(
        "units/<slug:slug>/perbaikan/<int:pk>/progress/",
        views.action_progress,
        name="action-progress",
    ),
    path("units/<slug:slug>/perbaikan/<int:pk>/drop/", views.action_drop, name="action-drop"),
    path(
        "units/<slug:slug>/perbaikan/<int:pk>/files/<int:file_pk>/",
        views.evidence_file,
        name="evidence-file",
    ),
    # The annual plan and its realisation report (issue 21 item 6), of a unit or an agency.
    path(
        "units/<slug:slug>/perbaikan/rencana/<int:year>/",
        annual_views.unit_document,
        {"kind": "plan"},
        name="plan-unit",
    ),
    path(
        "units/<slug:slug>/perbaikan/rencana/<int:year>/<str:fmt>/",
        annual_views.unit_document,
        {"kind": "plan"},
        name="plan-unit-file",
    ),
    path(
        "units/<slug:slug>/perbaikan/realisasi/<int:year>/",
        annual_views.unit_document,
        {"kind": "report"},
        name="report-unit",
    ),
    path(
        "units/<slug:slug>/perbaikan/realisasi/<int:year>/<str:fmt>/",
        annual_views.unit_document,
        {"kind": "report"},
        name="report-unit-file",
    ),
    path(
        "agencies/<slug:slug>/perbaikan/rencana/<int:year>/",
        annual_views.agency_document,
        {"kind": "plan"},
        name="plan-agency",
    ),
    path(
        "agencies/<slug:slug>/perbaikan/rencana/<int:year>/<str:fmt>/",
        annual_views.agency_document,
        {"kind": "plan"},
        name="plan-agency-file",
    ),
    path(
        "agencies/<slug:slug>/perbaikan/realisasi/<int:year>/",
        annual_views.agency_document,
        {"kind": "report"},
        name="report-agency",
    ),
    path(
        "agencies/<slug:slug>/perbaikan/realisasi/<int:year>/<str:fmt>/",
        annual_views.agency_document,
        {"kind": "report"},
        name="report-agency-file",
    ),
]
