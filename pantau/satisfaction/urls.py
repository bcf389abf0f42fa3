from django.urls import path

from . import views

app_name = "satisfaction"

urlpatterns = [
    path("skm/", views.overview, name="overview"),
    path("units/<slug:slug>/skm/", views.period_list, name="period-list"),
    path("units/<slug:slug>/skm/new/", views.period_create, name="period-create"),
    path("units/<slug:slug>/skm/elements/", views.unit_elements, name="unit-elements"),
    path("units/<slug:slug>/skm/<int:pk>/", views.period_detail, name="period-detail"),
    path(
        "units/<slug:slug>/skm/<int:pk>/<str:action>/status/",
        views.period_status,
        name="period-status",
    ),
    path("units/<slug:slug>/skm/<int:pk>/publish/", views.period_publish, name="period-publish"),
    path(
        "units/<slug:slug>/skm/<int:pk>/correction/",
        views.period_correction,
        name="period-correction",
    ),
    path(
        "units/<slug:slug>/skm/<int:pk>/import/<int:batch>/undo/",
        views.import_undo,
        name="import-undo",
    ),
    path("units/<slug:slug>/skm/<int:pk>/report/", views.period_report, name="report"),
    path(
        "units/<slug:slug>/skm/<int:pk>/report.pdf",
        views.period_report,
        {"fmt": "pdf"},
        name="report-pdf",
    ),
    path(
        "units/<slug:slug>/skm/<int:pk>/report.xlsx",
        views.period_report,
        {"fmt": "xlsx"},
        name="report-xlsx",
    ),
    path("units/<slug:slug>/skm/<int:pk>/entry/", views.paper_entry, name="paper-entry"),
    path("units/<slug:slug>/skm/<int:pk>/codes/", views.access_codes, name="access-codes"),
    path("units/<slug:slug>/skm/<int:pk>/import/", views.import_file, name="import"),
    path("units/<slug:slug>/skm/<int:pk>/held/", views.held_answers, name="held"),
    path(
        "units/<slug:slug>/skm/<int:pk>/import/template.csv",
        views.import_template,
        name="import-template",
    ),
    path(
        "units/<slug:slug>/skm/<int:pk>/suggestions/tag/",
        views.suggestion_tag,
        name="suggestion-tag",
    ),
    path("units/<slug:slug>/skm/<int:pk>/plan/new/", views.action_form, name="action-create"),
    path(
        "units/<slug:slug>/skm/<int:pk>/plan/<int:action_pk>/",
        views.action_form,
        name="action-edit",
    ),
]
