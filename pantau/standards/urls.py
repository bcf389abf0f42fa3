from django.urls import path

from . import forum_views, pledge_views, transfer_views, views

app_name = "standards"

V = "units/<slug:slug>/standards/<int:service_pk>/v<int:number>/"

urlpatterns = [
    path("standards/", views.overview, name="overview"),
    path("units/<slug:slug>/standards/", views.unit_standards, name="unit-standards"),
    path("units/<slug:slug>/standards/<int:service_pk>/", views.service_standard, name="service"),
    path(
        "units/<slug:slug>/standards/<int:service_pk>/new/",
        views.version_start,
        name="version-start",
    ),
    path(V, views.version_detail, name="version"),
    path(V + "edit/", views.version_edit, name="version-edit"),
    path(V + "files/", views.component_file_add, name="file-add"),
    path(V + "files/<int:pk>/", views.component_file, name="file"),
    path(V + "files/<int:pk>/remove/", views.component_file_remove, name="file-remove"),
    path(V + "decree/", views.decree_file, name="decree"),
    path(V + "<str:action>/", views.version_action, name="version-action"),
    path("units/<slug:slug>/maklumat/", pledge_views.maklumat, name="maklumat"),
    path(
        "units/<slug:slug>/maklumat/publish/",
        pledge_views.maklumat_publish,
        name="maklumat-publish",
    ),
    path("units/<slug:slug>/publications/", pledge_views.publications, name="publications"),
    path(
        "units/<slug:slug>/publications/<int:pk>/evidence/",
        pledge_views.publication_evidence,
        name="publication-evidence",
    ),
    path(
        "units/<slug:slug>/publications/<int:pk>/delete/",
        pledge_views.publication_delete,
        name="publication-delete",
    ),
    path("units/<slug:slug>/forums/", forum_views.forum_list, name="forum-list"),
    path("units/<slug:slug>/forums/new/", forum_views.forum_form, name="forum-create"),
    path("units/<slug:slug>/forums/<int:pk>/", forum_views.forum_detail, name="forum"),
    path("units/<slug:slug>/forums/<int:pk>/edit/", forum_views.forum_form, name="forum-edit"),
    path(
        "units/<slug:slug>/forums/<int:pk>/participants/",
        forum_views.participant_add,
        name="participant-add",
    ),
    path(
        "units/<slug:slug>/forums/<int:pk>/attendance/",
        forum_views.attendance,
        name="attendance",
    ),
    path("units/<slug:slug>/forums/<int:pk>/held/", forum_views.forum_held, name="forum-held"),
    path(
        "units/<slug:slug>/forums/<int:pk>/agreements/new/",
        forum_views.agreement_form,
        name="agreement-create",
    ),
    path(
        "units/<slug:slug>/forums/<int:pk>/agreements/<int:agreement_pk>/",
        forum_views.agreement_form,
        name="agreement-edit",
    ),
    path(
        "units/<slug:slug>/forums/<int:pk>/files/",
        forum_views.forum_file_add,
        name="forum-file-add",
    ),
    path(
        "units/<slug:slug>/forums/<int:pk>/files/<int:file_pk>/",
        forum_views.forum_file,
        name="forum-file",
    ),
    path(
        "units/<slug:slug>/forums/<int:pk>/attendance-list/",
        forum_views.attendance_sheet,
        name="attendance-sheet",
    ),
    path(
        "units/<slug:slug>/forums/<int:pk>/berita-acara/",
        forum_views.berita_acara,
        name="berita-acara",
    ),
    path("units/<slug:slug>/standards/export.json", transfer_views.export_json, name="export-json"),
    path("units/<slug:slug>/standards/export.csv", transfer_views.export_csv, name="export-csv"),
    path("units/<slug:slug>/standards/import/", transfer_views.import_file, name="import"),
]
