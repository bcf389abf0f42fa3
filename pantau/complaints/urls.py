from django.urls import path

from pantau.common.httpcache import public_page

from . import views

app_name = "complaints"

urlpatterns = [
    path("lapor/", views.new, name="new"),
    path("lapor/diterima/<str:number>/", views.received, name="received"),
    path("lapor/lacak/", views.track, name="track"),
    path("lapor/kode-hilang/", views.code_lost, name="code-lost"),
    path("lapor/kode-hilang/<str:number>/", views.code_confirm, name="code-confirm"),
    path("lapor/status/<str:number>/", views.status, name="status"),
    path("lapor/register/", public_page(views.register), name="register"),
    path("lapor/laporan/<str:number>/", public_page(views.public_report), name="public-report"),
    path("lapor/laporan/<str:number>/ikuti/", views.follow, name="follow"),
    path(
        "lapor/laporan/<str:number>/ikuti/<str:token>/",
        views.follow_confirm,
        name="follow-confirm",
    ),
    path("lapor/laporan/<str:number>/berhenti/<str:token>/", views.unfollow, name="unfollow"),
    path("lapor/statistik/<slug:slug>/", public_page(views.statistics), name="statistics"),
    path("manage/complaints/", views.queue, name="queue"),
    path("manage/complaints/new/", views.entry, name="entry"),
    path("manage/complaints/recap/", views.recap, name="recap"),
    path("manage/complaints/<str:number>/", views.detail, name="detail"),
    path("manage/complaints/<str:number>/act/", views.act, name="act"),
    path("manage/complaints/<str:number>/note/", views.note, name="note"),
    path("manage/complaints/<str:number>/summary/", views.summary, name="summary"),
    path("manage/complaints/<str:number>/answer/", views.public_answer, name="public-answer"),
    path("manage/complaints/<str:number>/categorise/", views.categorise, name="categorise"),
    path("manage/complaints/<str:number>/files/<int:pk>/", views.attachment, name="attachment"),
]
