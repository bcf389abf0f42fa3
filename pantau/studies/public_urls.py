from django.urls import path

from . import public_views

app_name = "study"

urlpatterns = [
    path("petugas/<str:token>/", public_views.invited_form, name="invited"),
    path("<str:token>/", public_views.recipients.answer, name="form"),
    path(
        "<str:token>/kiosk/<str:signature>/", public_views.recipients.answer_at_kiosk, name="kiosk"
    ),
    path(
        "<str:token>/kiosk/<str:signature>/keluar/",
        public_views.recipients.kiosk_exit,
        name="kiosk-exit",
    ),
    path("<str:token>/terima-kasih/<str:number>/", public_views.recipients.thanks, name="thanks"),
    path("<str:token>/qr.svg", public_views.recipients.qr, name="qr"),
]
