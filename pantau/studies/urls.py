from django.urls import path

from . import views

app_name = "studies"

urlpatterns = [
    path("studies/", views.study_list, name="study-list"),
    path("studies/instruments/", views.instrument_list, name="instrument-list"),
    path(
        "studies/instruments/<slug:code>/<slug:key>/",
        views.item_revise,
        name="item-revise",
    ),
    path("units/<slug:slug>/studies/new/", views.study_create, name="study-create"),
    path("studies/<int:pk>/", views.study_detail, name="study-detail"),
    path("studies/<int:pk>/<str:action>/status/", views.study_status, name="study-status"),
    path("studies/<int:pk>/answer/", views.provider_answer, name="provider-answer"),
    path("studies/<int:pk>/entry/", views.paper_entry, name="paper-entry"),
    path("studies/<int:pk>/import/", views.import_file, name="import"),
    path(
        "studies/<int:pk>/import/<int:group>/template.csv",
        views.import_template,
        name="import-template",
    ),
    path("studies/<int:pk>/import/<int:batch>/undo/", views.import_undo, name="import-undo"),
    path("studies/<int:pk>/held/<int:group>/", views.held_answers, name="held"),
    path("studies/<int:pk>/invitations/", views.invitations, name="invitations"),
    path("studies/<int:pk>/results/", views.study_results, name="study-results"),
    path("studies/<int:pk>/export/raw.csv", views.export_raw, {"fmt": "csv"}, name="raw-csv"),
    path("studies/<int:pk>/export/raw.xlsx", views.export_raw, {"fmt": "xlsx"}, name="raw-xlsx"),
    path("studies/<int:pk>/export/raw.sav", views.export_raw, {"fmt": "sav"}, name="raw-sav"),
    path("studies/<int:pk>/export/results.xlsx", views.export_results, name="results-xlsx"),
    path(
        "studies/<int:pk>/export/report.pdf",
        views.export_results,
        {"fmt": "pdf"},
        name="report-pdf",
    ),
    path(
        "studies/<int:pk>/export/results.csv",
        views.export_results,
        {"fmt": "csv"},
        name="results-csv",
    ),
]
