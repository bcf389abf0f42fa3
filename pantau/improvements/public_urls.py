from django.urls import path

from pantau.common.httpcache import public_page

from . import public_views

app_name = "public_improvements"

urlpatterns = [
    # Reports per month before and after an action are read from the reports: both topics.
    path(
        "units/<slug:slug>/perbaikan/",
        public_page(public_views.unit_actions),
        name="unit-actions",
    ),
]
