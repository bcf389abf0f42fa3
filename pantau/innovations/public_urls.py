from django.urls import path

from pantau.common.httpcache import public_page

from . import public_views

app_name = "public_innovations"

urlpatterns = [
    path("inovasi/", public_page(public_views.catalogue, topics=("public",)), name="catalogue"),
    path(
        "inovasi/<int:pk>/",
        public_page(public_views.innovation, topics=("public",)),
        name="innovation",
    ),
]
