from django.urls import path

from . import public_views

app_name = "survey"

urlpatterns = [
    path("unit/<slug:unit_slug>/", public_views.unit_survey, name="unit"),
    path("<str:token>/", public_views.survey.answer, name="form"),
    path("<str:token>/kiosk/<str:signature>/", public_views.survey.answer_at_kiosk, name="kiosk"),
    path(
        "<str:token>/kiosk/<str:signature>/keluar/",
        public_views.survey.kiosk_exit,
        name="kiosk-exit",
    ),
    path(
        "<str:token>/dibantu/<str:signature>/",
        public_views.survey.answer_assisted,
        name="assisted",
    ),
    path("<str:token>/terima-kasih/<str:number>/", public_views.survey.thanks, name="thanks"),
    path("<str:token>/qr.svg", public_views.survey.qr, name="qr"),
]
