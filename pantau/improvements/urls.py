from django.urls import path

from . import views

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
]
