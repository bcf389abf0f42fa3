from django.urls import path

from . import views

app_name = "innovations"

UNIT = "units/<slug:slug>/inovasi/"
ONE = UNIT + "<int:pk>/"

urlpatterns = [
    path("inovasi/", views.overview, name="overview"),
    path("inovasi/<int:pk>/tiru/", views.replicate, name="replicate"),
    path(UNIT, views.innovation_list, name="innovation-list"),
    path(UNIT + "new/", views.innovation_create, name="innovation-create"),
    path(ONE, views.innovation_detail, name="innovation-detail"),
    path(ONE + "edit/", views.innovation_edit, name="innovation-edit"),
    path(ONE + "stage/", views.innovation_stage, name="innovation-stage"),
    path(ONE + "legal-basis/", views.legal_basis_edit, name="legal-basis"),
    path(ONE + "legal-basis/file/", views.legal_basis_file, name="legal-basis-file"),
    path(ONE + "evidence/", views.evidence_upload, name="evidence-upload"),
    path(ONE + "files/<int:file_pk>/", views.evidence_file, name="evidence-file"),
    path(ONE + "effects/", views.effect_add, name="effect-add"),
    path(ONE + "effects/<int:effect_pk>/remove/", views.effect_remove, name="effect-remove"),
]
