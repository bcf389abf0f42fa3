"""Mystery shopping and observation checklists (issue 21): a visit to a unit, on a date, by an
observer who does not work there, answering a checklist of the questionnaire engine; once
submitted the visit holds its score and is locked.

The checklist itself is an ``InstrumentVersion`` of purpose ``checklist`` (items of kind
``yes_no_na`` with a weight); a visit's answers are one ``surveys.Response`` in the visit's own
``Collection``. What the engine does not hold is here: the visit, the note and photo an observer
adds to an item, and which published service standard a standard checklist was built from.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pantau.common.models import TimeStampedModel


class Kind(models.TextChoices):
    """Which checklist a visit uses."""

    STANDARD = "standard", _("The unit's published service standard")
    BEHAVIOUR = "behaviour", _("Service behaviour (SETIA)")


class Visit(TimeStampedModel):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        SUBMITTED = "submitted", _("Submitted and scored")
        CANCELLED = "cancelled", _("Cancelled")

    unit = models.ForeignKey(
        "organisations.ServiceUnit",
        on_delete=models.CASCADE,
        related_name="observation_visits",
        verbose_name=_("service unit"),
    )
    service = models.ForeignKey(
        "organisations.Service",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("service observed"),
    )
    kind = models.CharField(_("checklist"), max_length=10, choices=Kind.choices)
    collection = models.OneToOneField(
        "surveys.Collection",
        on_delete=models.PROTECT,
        related_name="observation_visit",
        verbose_name=_("answers"),
    )
    planned_on = models.DateField(_("date of the visit"))
    observer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="observation_visits",
        verbose_name=_("observer"),
    )
    scheduled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("scheduled by"),
    )
    scenario = models.TextField(
        _("scenario"),
        blank=True,
        help_text=_("What the observer asks for or does, as a citizen would (optional)."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SCHEDULED
    )
    response = models.OneToOneField(
        "surveys.Response",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="observation_visit",
        verbose_name=_("answers submitted"),
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    score = models.DecimalField(
        _("score"), max_digits=5, decimal_places=2, null=True, blank=True
    )  # 0..100, analytics.checklist; empty when no item applied
    applicable_items = models.PositiveSmallIntegerField(_("items that applied"), default=0)
    failed_items = models.PositiveSmallIntegerField(_("items failed"), default=0)
    cancel_reason = models.CharField(_("why it was cancelled"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("observation visit")
        verbose_name_plural = _("observation visits")
        ordering = ["-planned_on", "-id"]
        indexes = [models.Index(fields=["unit", "status", "planned_on"], name="obs_visit_unit")]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(status="submitted", response__isnull=False, submitted_at__isnull=False)
                    | (~Q(status="submitted") & Q(response__isnull=True, score__isnull=True))
                ),
                name="observations_submitted_has_answers",
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__gte=0, score__lte=100),
                name="observations_score_0_100",
            ),
            models.CheckConstraint(
                condition=~Q(kind="standard") | Q(service__isnull=False),
                name="observations_standard_names_service",
                violation_error_message=_("A standard checklist observes one service."),
            ),
            models.CheckConstraint(
                condition=~Q(status="cancelled") | ~Q(cancel_reason=""),
                name="observations_cancel_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} · {self.get_kind_display()} · {self.planned_on:%Y-%m-%d}"

    @property
    def is_locked(self) -> bool:
        return self.status != self.Status.SCHEDULED

    @property
    def version(self):
        return self.collection.version


def _photo_path(instance: "ItemNote", filename: str) -> str:
    return f"observations/{instance.visit.unit_id}/{instance.sha256[:16]}-{filename}"


class ItemNote(models.Model):
    """What an observer adds to one item of a visit: a note, a photo, or both. The photo is
    private (served through a view that checks access), kept with its size and SHA-256."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="notes")
    item = models.ForeignKey("surveys.Item", on_delete=models.PROTECT, related_name="+")
    note = models.CharField(_("note"), max_length=500, blank=True)
    photo = models.FileField(_("photo"), upload_to=_photo_path, blank=True)
    file_name = models.CharField(_("file name"), max_length=200, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("observer's note")
        verbose_name_plural = _("observers' notes")
        constraints = [
            models.UniqueConstraint(fields=["visit", "item"], name="observations_note_once"),
            models.CheckConstraint(
                condition=~Q(note="") | ~Q(photo=""), name="observations_note_not_empty"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.visit_id}/{self.item_id}"


class StandardChecklist(models.Model):
    """Which published standard version a standard checklist version was built from: one
    checklist version per standard version, built when the first visit needs it."""

    version = models.OneToOneField(
        "surveys.InstrumentVersion", on_delete=models.CASCADE, related_name="built_from"
    )
    standard = models.OneToOneField(
        "standards.StandardVersion", on_delete=models.PROTECT, related_name="checklist"
    )

    class Meta:
        verbose_name = _("checklist built from a standard")
        verbose_name_plural = _("checklists built from standards")

    def __str__(self) -> str:
        return f"{self.standard} → {self.version}"
