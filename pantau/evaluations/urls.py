from django.urls import path

from . import public_views, views

app_name = "evaluations"

LOKUS = "manage/evaluasi/<int:round_pk>/lokus/<int:pk>/"

urlpatterns = [
    path("penilaian-warga/<str:token>/", public_views.citizen.answer, name="citizen-form"),
    path(
        "penilaian-warga/<str:token>/terima-kasih/<str:number>/",
        public_views.citizen.thanks,
        name="citizen-thanks",
    ),
    path("penilaian-warga/<str:token>/qr.svg", public_views.citizen.qr, name="citizen-qr"),
    path("manage/evaluasi/", views.round_list, name="round-list"),
    path("manage/evaluasi/baru/", views.round_create, name="round-create"),
    path("manage/evaluasi/instrumen/", views.instrument_list, name="instrument-list"),
    path("manage/evaluasi/instrumen/<int:pk>/", views.instrument_detail, name="instrument-detail"),
    path("manage/evaluasi/<int:pk>/", views.round_detail, name="round-detail"),
    path("manage/evaluasi/<int:pk>/lokus/baru/", views.lokus_add, name="lokus-add"),
    path("manage/evaluasi/<int:pk>/ubah/", views.round_edit, name="round-edit"),
    path("manage/evaluasi/<int:pk>/hapus/", views.round_delete, name="round-delete"),
    path("manage/evaluasi/<int:pk>/<str:action>/status/", views.round_status, name="round-status"),
    path("manage/evaluasi/<int:pk>/peringkat.xlsx", views.round_ranking, name="round-ranking"),
    path("manage/evaluasi/<int:pk>/ringkasan.pdf", views.round_summary_pdf, name="round-summary"),
    path(LOKUS, views.lokus_detail, name="lokus-detail"),
    path(LOKUS + "f03-ditahan/", views.citizen_held, name="citizen-held"),
    path(LOKUS + "laporan.pdf", views.lokus_report, {"fmt": "pdf"}, name="lokus-report-pdf"),
    path(LOKUS + "laporan.xlsx", views.lokus_report, {"fmt": "xlsx"}, name="lokus-report-xlsx"),
    path(LOKUS + "piagam.pdf", views.lokus_certificate, name="lokus-certificate"),
    path(LOKUS + "kirim/", views.self_assessment_submit, name="self-assessment-submit"),
    path(
        LOKUS + "f01/<int:indicator_pk>/",
        views.self_assessment_edit,
        name="self-assessment-edit",
    ),
    path(LOKUS + "bukti/<int:evidence_pk>/", views.evidence_download, name="evidence-download"),
    path(LOKUS + "f02/<int:indicator_pk>/", views.score_edit, name="score-edit"),
    path(LOKUS + "verifikasi/<int:indicator_pk>/", views.score_respond, name="score-respond"),
    path(LOKUS + "rekomendasi/", views.recommendation_add, name="recommendation-add"),
    path(
        LOKUS + "rekomendasi/<int:recommendation_pk>/telaah/",
        views.follow_up_review,
        name="follow-up-review",
    ),
    path(
        LOKUS + "tindak-lanjut/<int:document_pk>/",
        views.follow_up_document,
        name="follow-up-document",
    ),
    path(
        LOKUS + "rekomendasi/<int:recommendation_pk>/",
        views.follow_up_edit,
        name="follow-up-edit",
    ),
]
