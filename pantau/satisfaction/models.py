from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pantau.analytics.ikm import WEIGHT_MODES
from pantau.common.models import TimeStampedModel

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


class Medium(models.TextChoices):
    """Where results are published (the PEKPPP indicator counts these; domain spec 1.7)."""

    NOTICE_BOARD = "notice_board", _("Notice board or print")
    ELECTRONIC = "electronic", _("Electronic display")
    SOCIAL_MEDIA = "social_media", _("Social media")
    WEBSITE = "website", _("Website")
    APP = "app", _("Application")
    BILLBOARD = "billboard", _("Billboard")


class SurveyPeriod(TimeStampedModel):
    """One SKM round of a unit: a month, quarter (triwulan), semester or year."""

    class Kind(models.TextChoices):
        MONTH = "month", _("Month")
        QUARTER = "quarter", _("Quarter (triwulan)")
        SEMESTER = "semester", _("Semester")
        YEAR = "year", _("Year")

    class WeightMode(models.TextChoices):
        EXACT = "exact", _("Exactly 1/n (recommended)")
        ROUNDED = "0.111", _("Rounded 0,111 (to reproduce old reports)")

    unit = models.ForeignKey(
        "organisations.ServiceUnit",
        on_delete=models.CASCADE,
        related_name="skm_periods",
        verbose_name=_("service unit"),
    )
    collection = models.OneToOneField(
        "surveys.Collection",
        on_delete=models.PROTECT,
        related_name="skm_period",
        verbose_name=_("collection"),
    )
    kind = models.CharField(_("period"), max_length=10, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveSmallIntegerField(_("number in the year"), default=1)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    population = models.PositiveIntegerField(
        _("service users in the period"),
        help_text=_("The population from which the sample is drawn."),
    )
    services = models.ManyToManyField(
        "organisations.Service", related_name="skm_periods", verbose_name=_("services")
    )
    weight_mode = models.CharField(
        _("element weight"), max_length=6, choices=WeightMode.choices, default=WeightMode.EXACT
    )
    requires_code = models.BooleanField(
        _("require a one-time code"),
        default=False,
        help_text=_("Respondents must enter a code handed out with their service transaction."),
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )
    published_media = models.JSONField(_("published on"), default=list, blank=True)
    publish_reason = models.TextField(_("why published below the required sample"), blank=True)
    correction_reason = models.TextField(_("reason for the correction"), blank=True)
    correction_started_at = models.DateTimeField(_("correction started at"), null=True, blank=True)
    correction_started_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("correction started by"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("SKM period")
        verbose_name_plural = _("SKM periods")
        ordering = ["-year", "-starts_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "kind", "year", "number"], name="satisfaction_period_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(weight_mode__in=WEIGHT_MODES),
                name="satisfaction_weight_mode_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} · {self.label}"

    @property
    def label(self) -> str:
        from django.utils.formats import date_format
        from django.utils.translation import gettext

        if self.kind == self.Kind.QUARTER:
            return gettext("Quarter %(roman)s %(year)s") % {
                "roman": ROMAN[self.number],
                "year": self.year,
            }
        if self.kind == self.Kind.SEMESTER:
            return gettext("Semester %(roman)s %(year)s") % {
                "roman": ROMAN[self.number],
                "year": self.year,
            }
        if self.kind == self.Kind.MONTH:
            return date_format(date(self.year, self.number, 1), "F Y")
        return gettext("Year %(year)s") % {"year": self.year}


class PublishedResult(models.Model):
    """What was published, each time it was: the figures as the public read them then. A
    correction republishes and adds a row with its note; earlier rows are never changed."""

    period = models.ForeignKey(SurveyPeriod, on_delete=models.CASCADE, related_name="publications")
    published_at = models.DateTimeField(_("published at"))
    published_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="+", verbose_name=_("published by")
    )
    ikm = models.DecimalField(_("IKM"), max_digits=5, decimal_places=2)
    grade = models.CharField(_("grade"), max_length=2)
    respondents = models.PositiveIntegerField(_("respondents"))
    required = models.PositiveIntegerField(_("required sample"))
    margin = models.DecimalField(
        _("margin of error at 95 %"), max_digits=5, decimal_places=4, null=True, blank=True
    )
    reason = models.TextField(_("why published below the required sample"), blank=True)
    correction = models.TextField(_("correction note"), blank=True)

    class Meta:
        verbose_name = _("published result")
        verbose_name_plural = _("published results")
        ordering = ["-published_at", "-id"]

    def __str__(self) -> str:
        return f"{self.period} · {self.ikm}"


class SuggestionTheme(models.Model):
    """A theme an officer gives a citizen's suggestion: the element it is about, or "other"."""

    OTHER = "lainnya"

    answer = models.ForeignKey("surveys.Answer", on_delete=models.CASCADE, related_name="themes")
    theme = models.SlugField(_("theme"), max_length=60)
    tagged_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("suggestion theme")
        verbose_name_plural = _("suggestion themes")
        constraints = [
            models.UniqueConstraint(fields=["answer", "theme"], name="satisfaction_theme_once")
        ]

    def __str__(self) -> str:
        return self.theme
