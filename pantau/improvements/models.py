"""The improvement register: one list per unit of what it does to get better, whatever asked for
it (an SKM element, complaints, a PEKPPP recommendation, a forum agreement, a finding, a study's
gap, its own idea), with an owner, a due date, a status with evidence and the figure it should
move (issue 21)."""

import re
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pantau.common.models import TimeStampedModel


class Source(models.TextChoices):
    """What asked for the action. Each kind names its own record (``REFERENCES``)."""

    SKM_ELEMENT = "skm_element", _("SKM element")
    COMPLAINT_PATTERN = "complaint_pattern", _("Complaints in one category")
    COMPLAINT = "complaint", _("A single complaint")
    RECOMMENDATION = "recommendation", _("PEKPPP recommendation")
    AGREEMENT = "agreement", _("Forum agreement")
    MYSTERY_SHOPPING = "mystery_shopping", _("Mystery-shopping finding")
    STUDY_GAP = "study_gap", _("Gap found by a perception study")
    OWN = "own", _("Own initiative")


# The record each kind of source names; every other reference stays empty (a check constraint).
REFERENCE_FIELDS = ("period", "category", "complaint", "recommendation", "agreement", "study")
REFERENCES: dict[str, tuple[str, ...]] = {
    Source.SKM_ELEMENT: ("period",),
    Source.COMPLAINT_PATTERN: ("category",),
    Source.COMPLAINT: ("complaint",),
    Source.RECOMMENDATION: ("recommendation",),
    Source.AGREEMENT: ("agreement",),
    Source.MYSTERY_SHOPPING: (),
    Source.STUDY_GAP: ("study",),
    Source.OWN: (),
}
# Shown to the public by default: what many people said; a single complaint's action is not.
PUBLIC_BY_DEFAULT = frozenset(
    {Source.SKM_ELEMENT, Source.COMPLAINT_PATTERN, Source.RECOMMENDATION, Source.AGREEMENT}
)


def _reference_fits() -> Q:
    """The references fit the kind: the kind's own are set, the others empty; an SKM action names
    its element, a study's may name a dimension, the others none; a finding says what was found."""
    fits = Q()
    for kind, needed in REFERENCES.items():
        condition = Q(source=kind)
        for name in REFERENCE_FIELDS:
            condition &= Q(**{f"{name}__isnull": name not in needed})
        if kind == Source.SKM_ELEMENT:
            condition &= ~Q(element_key="")
        elif kind != Source.STUDY_GAP:
            condition &= Q(element_key="")
        if kind == Source.MYSTERY_SHOPPING:
            condition &= ~Q(source_note="")
        fits |= condition
    return fits


class Status(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


OPEN_STATUSES = (Status.PLANNED, Status.IN_PROGRESS)

# The figure an action should move: Pantau's own records, read by ``improvements.figures``.
METRIC_PATTERN = re.compile(
    r"^(skm\.ikm|skm\.element:[a-z0-9_-]{1,60}|complaints\.on_time_share"
    r"|complaints\.category:[a-z0-9_-]{1,40})$"
)


class Action(TimeStampedModel):
    """One improvement action of one unit (rencana aksi / tindak lanjut)."""

    unit = models.ForeignKey(
        "organisations.ServiceUnit",
        on_delete=models.CASCADE,
        related_name="improvement_actions",
        verbose_name=_("service unit"),
    )
    title = models.CharField(_("action"), max_length=200)
    description = models.TextField(_("details"), blank=True)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    period = models.ForeignKey(
        "satisfaction.SurveyPeriod",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="improvement_actions",
        verbose_name=_("SKM period"),
    )
    element_key = models.SlugField(_("element"), max_length=60, blank=True)
    category = models.ForeignKey(
        "complaints.Category",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("complaint category"),
    )
    complaint = models.ForeignKey(
        "complaints.Complaint",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="improvement_actions",
        verbose_name=_("complaint"),
    )
    recommendation = models.ForeignKey(
        "evaluations.Recommendation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="improvement_actions",
        verbose_name=_("PEKPPP recommendation"),
    )
    agreement = models.ForeignKey(
        "standards.Agreement",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="improvement_actions",
        verbose_name=_("forum agreement"),
    )
    study = models.ForeignKey(
        "studies.Study",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="improvement_actions",
        verbose_name=_("perception study"),
    )
    source_note = models.CharField(_("what was found"), max_length=300, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    responsible = models.CharField(
        _("responsible"),
        max_length=120,
        blank=True,
        help_text=_("Who is responsible, in words (plans carried over from the SKM follow-up)."),
    )
    due_on = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED
    )
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    evidence_note = models.TextField(_("what was done"), blank=True)
    drop_reason = models.TextField(_("why it was dropped"), blank=True)
    metric_key = models.CharField(_("figure it should move"), max_length=80, blank=True)
    baseline = models.DecimalField(
        _("baseline"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    target = models.DecimalField(_("target"), max_digits=9, decimal_places=2, null=True, blank=True)
    budget = models.DecimalField(
        _("budget (Rp)"),
        max_digits=15,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("The money set aside for the action, if any (shown in the annual plan)."),
    )
    is_public = models.BooleanField(
        _("show on the public pages"),
        default=True,
        help_text=_(
            "The public sees the action, its source in general words, status and due date."
        ),
    )
    planned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("planned by"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("improvement action")
        verbose_name_plural = _("improvement actions")
        ordering = ["due_on", "id"]
        indexes = [
            models.Index(fields=["unit", "status", "due_on"], name="improvements_unit_status")
        ]
        constraints = [
            models.CheckConstraint(
                condition=_reference_fits(),
                name="improvements_reference_fits_source",
                violation_error_message=_("The action's source does not name the right record."),
            ),
            models.CheckConstraint(
                condition=Q(owner__isnull=False) | ~Q(responsible=""),
                name="improvements_has_owner",
                violation_error_message=_("Name who is responsible for the action."),
            ),
            models.CheckConstraint(
                condition=~Q(status="done") | Q(completed_on__isnull=False),
                name="improvements_done_has_date",
                violation_error_message=_("A done action needs the date it was completed."),
            ),
            models.CheckConstraint(
                condition=Q(target__isnull=True) | ~Q(metric_key=""),
                name="improvements_target_names_figure",
                violation_error_message=_("A target needs the figure it is for."),
            ),
        ]

    def __str__(self) -> str:
        return self.title[:60]

    def clean(self) -> None:
        if self.metric_key and not METRIC_PATTERN.match(self.metric_key):
            raise ValidationError({"metric_key": _("This is not a figure Pantau knows.")})

    @property
    def owner_label(self) -> str:
        if self.owner_id is not None and self.owner is not None:
            return str(self.owner)
        return self.responsible

    @property
    def plan_text(self) -> str:
        """The action in one text, as the SKM follow-up plan wrote it: a long text carried over
        keeps its shortened first words as the title and its whole self as the details."""
        stem = self.title.removesuffix("…")
        if self.title.endswith("…") and self.description.startswith(stem):
            return self.description
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.due_on < timezone.localdate()

    @property
    def shows_target(self) -> bool:
        return self.metric_key != "" and self.target is not None

    @property
    def change_needed(self) -> Decimal | None:
        if self.baseline is None or self.target is None:
            return None
        return self.target - self.baseline


def _evidence_path(instance: "EvidenceFile", filename: str) -> str:
    return f"improvements/{instance.action.unit_id}/{instance.sha256[:16]}-{filename}"


class EvidenceFile(models.Model):
    """Evidence of an action (a photo, a decree, minutes): private, served through a view that
    checks access, kept with its size and SHA-256."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(upload_to=_evidence_path)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name
