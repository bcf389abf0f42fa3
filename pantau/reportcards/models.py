"""Report cards (Citizen Report Card, issue 21 item 4): a unit's public scorecard for one calendar
year, combining what citizens said (SKM, complaints), what observers found (mystery shopping),
what the unit promised (standards, Maklumat) and what it did (the improvement register), beside
its peers. The figures are computed when the card is prepared and kept in ``figures``; a
published card is never changed (docs/decisions/0043-report-cards-are-snapshots.md)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pantau.common.models import TimeStampedModel

# The years a card may cover.
FIRST_YEAR = 2000
LAST_YEAR = 2100


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class ReportCard(TimeStampedModel):
    unit = models.ForeignKey(
        "organisations.ServiceUnit",
        on_delete=models.CASCADE,
        related_name="report_cards",
        verbose_name=_("service unit"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    # The card's figures as computed at ``computed_at`` (selectors.card_figures): what the
    # screen, the print version, the PDF and the API all show. Frozen once published.
    figures = models.JSONField(_("figures"), default=dict)
    computed_at = models.DateTimeField(_("figures computed at"))
    # Headline figures, copied from ``figures`` for lists and the API's filters.
    ikm = models.DecimalField(_("IKM"), max_digits=5, decimal_places=2, null=True, blank=True)
    grade = models.CharField(_("grade"), max_length=2, blank=True)
    message = models.TextField(
        _("the unit's word"),
        blank=True,
        help_text=_(
            "What the unit head says to the public about this year: what went well, what did "
            "not, and what comes next."
        ),
    )
    prepared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("prepared by"),
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("report card")
        verbose_name_plural = _("report cards")
        ordering = ["-year", "unit__name"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="reportcards_one_per_unit_year"),
            models.CheckConstraint(
                condition=Q(year__gte=FIRST_YEAR, year__lte=LAST_YEAR),
                name="reportcards_year_in_range",
            ),
            models.CheckConstraint(
                condition=Q(status__in=[s.value for s in Status]),
                name="reportcards_status_known",
            ),
            models.CheckConstraint(
                condition=(
                    Q(status=Status.DRAFT, published_at__isnull=True, published_by__isnull=True)
                    | Q(
                        status=Status.PUBLISHED,
                        published_at__isnull=False,
                        published_by__isnull=False,
                    )
                ),
                name="reportcards_published_has_who_and_when",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} · {self.year}"

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED
