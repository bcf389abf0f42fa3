from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from django.views.i18n import set_language

from pantau.common.views import choose_language, healthz, security_txt

admin.site.site_header = "Pantau"
admin.site.site_title = "Pantau"

urlpatterns = [
    path("", include("pantau.portal.urls")),
    path("accounts/", include("pantau.accounts.urls")),
    path("manage/", include("pantau.organisations.urls")),
    path("manage/", include("pantau.satisfaction.urls")),
    path("", include("pantau.evaluations.urls")),
    path("survei/", include("pantau.satisfaction.public_urls")),
    path("manage/", include("pantau.studies.urls")),
    path("studi/", include("pantau.studies.public_urls")),
    path("", include("pantau.complaints.urls")),
    path("manage/", include("pantau.standards.urls")),
    path("", include("pantau.standards.public_urls")),
    path("api/v1/", include("pantau.api.urls")),
    path("manage/", include("pantau.api.web_urls")),
    path("open311/v2/", include("pantau.open311.urls")),
    path("privasi/", include("pantau.privacy.urls")),
    path("manage/", include("pantau.privacy.staff_urls")),
    path("manage/", include("pantau.improvements.urls")),
    path("", include("pantau.improvements.public_urls")),
    path("manage/", include("pantau.kpis.urls")),
    path("manage/", include("pantau.innovations.urls")),
    path("manage/", include("pantau.observations.urls")),
    path("", include("pantau.innovations.public_urls")),
    path("manage/", include("pantau.reportcards.urls")),
    path("", include("pantau.reportcards.public_urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("bahasa/<str:code>/", choose_language, name="choose-language"),
    path("healthz", healthz, name="healthz"),
    path(".well-known/security.txt", security_txt, name="security-txt"),
    # The admin signs in through Pantau's own form (throttled, two-factor aware).
    path("admin/login/", RedirectView.as_view(pattern_name="accounts:login", query_string=True)),
    path("admin/", admin.site.urls),
]
