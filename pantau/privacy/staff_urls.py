from django.urls import path

from . import staff_views

app_name = "privacy_staff"

urlpatterns = [
    path("units/<slug:slug>/privasi/akses/", staff_views.unit_access_log, name="access-log"),
]
