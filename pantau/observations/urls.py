from django.urls import path

from . import views

app_name = "observations"

urlpatterns = [
    path("observasi/", views.programme, name="programme"),
    path("observasi/tugas/", views.assigned, name="assigned"),
    path("observasi/jadwal/", views.schedule, name="visit-create"),
    path("observasi/bandingkan/", views.comparison, name="comparison"),
    path("observasi/<int:pk>/", views.visit_detail, name="visit-detail"),
    path("observasi/<int:pk>/isi/", views.visit_enter, name="visit-enter"),
    path("observasi/<int:pk>/batal/", views.visit_cancel, name="visit-cancel"),
    path("observasi/<int:pk>/foto/<int:note_pk>/", views.photo, name="photo"),
    path("observasi/<int:pk>/aksi/<slug:key>/", views.plan_action, name="plan-action"),
    path("units/<slug:slug>/observasi/", views.unit_results, name="unit-results"),
]
