from django.urls import path

from pantau.common.httpcache import public_page

from . import public_views

app_name = "public_reportcards"

# A card's SKM and standards figures and its comparison are what other apps' rows were when it
# was prepared, but the list and the card change only when a card is published: the "public"
# topic (every app but complaints), which a card's save moves.
NO_REPORTS = ("public",)

urlpatterns = [
    path(
        "units/<slug:slug>/rapor/",
        public_page(public_views.unit_cards, topics=NO_REPORTS),
        name="unit-cards",
    ),
    path(
        "units/<slug:slug>/rapor/<int:year>/",
        public_page(public_views.card, topics=NO_REPORTS),
        name="card",
    ),
    path(
        "units/<slug:slug>/rapor/<int:year>/pdf/",
        public_page(public_views.card_pdf, topics=NO_REPORTS),
        name="card-pdf",
    ),
]
