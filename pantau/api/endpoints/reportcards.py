"""``/api/v1/reportcards/``: report cards (issue 21 item 4). The published cards are public:
each with the figures stored when it was prepared (the same the card's page and PDF show,
never changed after publication, decision 0043). A token reads the drafts of the units its
user reaches (``reportcards.selectors.visible_cards``, narrowed to the token's units). Cards
are prepared and published on the web page, where the unit head sees the figures first."""

import django_filters
from django.urls import path, reverse
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import generics, permissions, serializers
from rest_framework.response import Response

from pantau.organisations.models import ServiceUnit
from pantau.reportcards import selectors
from pantau.reportcards.models import FIRST_YEAR, LAST_YEAR, ReportCard, Status

from ..filters import IntegerFilter, KnownValueFilter
from ..permissions import ReadScope, narrow_by_unit
from ..schema import errors


class ReportCardSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    figures = serializers.SerializerMethodField()
    page = serializers.SerializerMethodField()
    pdf = serializers.SerializerMethodField()

    class Meta:
        model = ReportCard
        fields = [
            "id",
            "unit",
            "unit_name",
            "year",
            "status",
            "ikm",
            "grade",
            "message",
            "computed_at",
            "published_at",
            "figures",
            "page",
            "pdf",
        ]

    @extend_schema_field(
        {
            "type": "object",
            "description": (
                "The card's figures as computed at computed_at: skm (null without a published "
                "result: ikm, grade, periods, weakest elements), complaints (received, answered, "
                "on_time_share, median_days, rating), observations (null without mystery "
                "shopping), standards (shares and the Maklumat), actions (done, overdue, open, "
                "highlights) and peers (group, units, and each figure's value, median and rank). "
                "Numbers are decimal strings, null when there is no figure."
            ),
        }
    )
    def get_figures(self, card: ReportCard) -> dict:
        return card.figures

    def _url(self, name: str, card: ReportCard) -> str | None:
        if not card.is_published:
            return None
        request = self.context.get("request")
        url = reverse(name, args=[card.unit.slug, card.year])
        return request.build_absolute_uri(url) if request else url

    def get_page(self, card: ReportCard) -> str | None:
        """The card's public page (null for a draft)."""
        return self._url("public_reportcards:card", card)

    def get_pdf(self, card: ReportCard) -> str | None:
        """The card's A4 PDF (null for a draft)."""
        return self._url("public_reportcards:card-pdf", card)


class ReportCardFilter(django_filters.FilterSet):
    unit = KnownValueFilter(field_name="unit__slug", model=ServiceUnit, help_text="Unit slug.")
    year = IntegerFilter(
        min_value=FIRST_YEAR, max_value=LAST_YEAR, help_text="The year the card covers."
    )

    class Meta:
        model = ReportCard
        fields: list[str] = []


class PublishedCards(generics.ListAPIView):
    """The published report cards, newest first (public)."""

    permission_classes = [permissions.AllowAny]
    serializer_class = ReportCardSerializer
    queryset = ReportCard.objects.none()
    filterset_class = ReportCardFilter
    cursor_ordering = "-id"

    def get_queryset(self):
        return selectors.published_cards()


class PublishedCard(generics.GenericAPIView):
    permission_classes = [permissions.AllowAny]
    serializer_class = ReportCardSerializer
    queryset = ReportCard.objects.none()

    @extend_schema(responses={200: ReportCardSerializer, **errors(404)})
    def get(self, request, pk: int):
        """One published report card (public)."""
        card = generics.get_object_or_404(selectors.published_cards(), pk=pk)
        return Response(ReportCardSerializer(card, context={"request": request}).data)


class DraftCards(generics.ListAPIView):
    """The draft report cards of the units you reach (token): what a unit head prepared and
    has not published yet."""

    permission_classes = [ReadScope]
    serializer_class = ReportCardSerializer
    queryset = ReportCard.objects.none()
    filterset_class = ReportCardFilter
    cursor_ordering = "-id"

    def get_queryset(self):
        return narrow_by_unit(
            self.request, selectors.visible_cards(self.request.user).filter(status=Status.DRAFT)
        )


urlpatterns = [
    path("reportcards/", PublishedCards.as_view(), name="reportcard-list"),
    path("reportcards/drafts/", DraftCards.as_view(), name="reportcard-drafts"),
    path("reportcards/<int:pk>/", PublishedCard.as_view(), name="reportcard-detail"),
]
