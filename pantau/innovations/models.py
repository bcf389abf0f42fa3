"""The innovation register (issue 21, "One Agency One Innovation"): what a unit does anew to serve
better, from the problem and the condition before it, through its stages (idea, action plan,
trial, implemented, institutionalised with a legal basis), with its budget, owner, team, evidence,
its effect on Pantau's figures, and, when it copies another unit's innovation, the original and
what was changed (ATM: amati, tiru, modifikasi). Public innovations form a catalogue other units
copy from; PEKPPP aspect VI reads the register as evidence."""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pantau.common.models import TimeStampedModel


class Stage(models.TextChoices):
    """The stages of an innovation, in order (the PEKPPP deck: rencana aksi → implementasi →
    monev; institutionalised: a programme with a budget and a legal basis)."""

    IDEA = "idea", _("Idea")
    ACTION_PLAN = "action_plan", _("Action plan")
    TRIAL = "trial", _("Trial")
    IMPLEMENTED = "implemented", _("Implemented")
    INSTITUTIONALISED = "institutionalised", _("Institutionalised")


STAGES: tuple[str, ...] = tuple(Stage.values)
# The date each stage was reached, by stage.
STAGE_DATES: dict[str, str] = {
    Stage.IDEA: "idea_on",
    Stage.ACTION_PLAN: "action_plan_on",
    Stage.TRIAL: "trial_on",
    Stage.IMPLEMENTED: "implemented_on",
    Stage.INSTITUTIONALISED: "institutionalised_on",
}
# Stages at which the innovation serves people for real.
RUNNING = (Stage.IMPLEMENTED, Stage.INSTITUTIONALISED)


def stage_index(stage: str) -> int:
    return STAGES.index(stage)


class BudgetSource(models.TextChoices):
    APBN = "apbn", _("State budget (APBN)")
    APBD = "apbd", _("Regional budget (APBD)")
    APBDES = "apbdes", _("Village budget (APBDes)")
    BLUD = "blud", _("Public service agency revenue (BLU/BLUD)")
    PARTNER = "partner", _("Partner or CSR contribution")
    OTHER = "other", _("Other source")


class LegalBasisKind(models.TextChoices):
    """The legal bases the PEKPPP deck names (Perda, Perbup/Perwali), and the decrees below them."""

    REGIONAL_REGULATION = "perda", _("Regional regulation (Perda)")
    HEAD_REGULATION = "perkada", _("Regulation of the regional head (Pergub, Perbup, Perwali)")
    DECREE = "decree", _("Decree (Keputusan / SK)")
    CIRCULAR = "circular", _("Circular (Surat Edaran)")
    OTHER = "other", _("Other legal basis")


class CompetitionResult(models.TextChoices):
    """An innovation entered in a competition such as the KIPP (PermenPANRB 91/2021)."""

    ENTERED = "entered", _("Entered")
    WON = "won", _("Won (at any level)")


# The figures an innovation may say it moved: Pantau's built-in measures (``pantau.kpis``'s
# ``BUILT_IN_KEYS``, which a test holds this list to; the register does not import the KPIs,
# which read the PEKPPP results that read this register). True: a lower value is better.
FIGURES: dict[str, bool] = {
    "skm.ikm": False,
    "complaints.on_time_share": False,
    "complaints.median_days_to_answer": True,
    "complaints.rating": False,
    "standards.in_force_share": False,
    "standards.reviewed_share": False,
    "pekppp.ipp": False,
}
FIGURE_LABELS = {
    "skm.ikm": _("IKM (satisfaction index)"),
    "complaints.on_time_share": _("Complaints resolved within the deadline (%)"),
    "complaints.median_days_to_answer": _("Median days to answer a complaint"),
    "complaints.rating": _("Reporters' rating of the answers (1–5)"),
    "standards.in_force_share": _("Services with a standard in force (%)"),
    "standards.reviewed_share": _("Standards reviewed within their interval (%)"),
    "pekppp.ipp": _("PEKPPP IPP (0–5)"),
}


def _stage_dates_fit() -> Q:
    """The current stage has its date (an innovation that runs, its implementation date), and no
    later stage has one."""
    fits = Q(stage__in=STAGES)
    for index, stage in enumerate(STAGES):
        fits &= ~Q(stage=stage) | Q(**{f"{STAGE_DATES[stage]}__isnull": False})
        for later in STAGES[index + 1 :]:
            fits &= ~Q(stage=stage) | Q(**{f"{STAGE_DATES[later]}__isnull": True})
    return fits & (~Q(stage__in=RUNNING) | Q(implemented_on__isnull=False))


def _decree_path(instance: "Innovation", filename: str) -> str:
    return f"innovations/{instance.unit_id}/decrees/{filename}"


class Innovation(TimeStampedModel):
    """One innovation of one unit."""

    unit = models.ForeignKey(
        "organisations.ServiceUnit",
        on_delete=models.CASCADE,
        related_name="innovations",
        verbose_name=_("service unit"),
    )
    title = models.CharField(_("innovation"), max_length=200)
    description = models.TextField(_("what it is"), blank=True)
    problem = models.TextField(_("problem it answers"))
    before = models.TextField(_("condition before the innovation"))
    after = models.TextField(_("condition after the innovation"), blank=True)
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices, default=Stage.IDEA)
    idea_on = models.DateField(_("idea on"), null=True, blank=True)
    action_plan_on = models.DateField(_("action plan on"), null=True, blank=True)
    trial_on = models.DateField(_("trial started on"), null=True, blank=True)
    implemented_on = models.DateField(_("implemented on"), null=True, blank=True)
    institutionalised_on = models.DateField(_("institutionalised on"), null=True, blank=True)
    legal_basis_kind = models.CharField(
        _("kind of legal basis"), max_length=10, choices=LegalBasisKind.choices, blank=True
    )
    legal_basis_title = models.CharField(
        _("legal basis"),
        max_length=300,
        blank=True,
        help_text=_("Its title; without a number and date it is a draft."),
    )
    decree_number = models.CharField(_("legal basis number"), max_length=120, blank=True)
    decree_date = models.DateField(_("legal basis date"), null=True, blank=True)
    decree_file = models.FileField(_("signed legal basis"), upload_to=_decree_path, blank=True)
    budget = models.BigIntegerField(_("budget (Rupiah)"), null=True, blank=True)
    budget_source = models.CharField(
        _("source of the budget"), max_length=10, choices=BudgetSource.choices, blank=True
    )
    facilities = models.TextField(_("facilities and infrastructure"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("owner"),
    )
    team = models.TextField(_("team"), blank=True)
    replicates = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replications",
        verbose_name=_("replicates"),
    )
    modification = models.TextField(_("what was modified"), blank=True)
    effect = models.TextField(_("effect"), blank=True)
    competition = models.CharField(_("competition"), max_length=200, blank=True)
    competition_result = models.CharField(
        _("competition result"), max_length=10, choices=CompetitionResult.choices, blank=True
    )
    is_public = models.BooleanField(_("in the public catalogue"), default=False)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registered by"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("innovation")
        verbose_name_plural = _("innovations")
        ordering = ["-updated_at", "-id"]
        indexes = [
            models.Index(fields=["unit", "stage"], name="innovations_unit_stage"),
            models.Index(fields=["is_public", "stage"], name="innovations_public_stage"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=_stage_dates_fit(),
                name="innovations_stage_dates_fit",
                violation_error_message=_("The stage and its dates do not fit together."),
            ),
            models.CheckConstraint(
                condition=~Q(stage=Stage.INSTITUTIONALISED)
                | (~Q(decree_number="") & Q(decree_date__isnull=False)),
                name="innovations_institutionalised_has_legal_basis",
                violation_error_message=_(
                    "An institutionalised innovation needs its legal basis: number and date."
                ),
            ),
            models.CheckConstraint(
                condition=Q(decree_number="", decree_date__isnull=True)
                | (~Q(decree_number="") & Q(decree_date__isnull=False)),
                name="innovations_legal_basis_number_and_date",
                violation_error_message=_("Give the legal basis's number and its date together."),
            ),
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | Q(budget__gte=0),
                name="innovations_budget_not_negative",
                violation_error_message=_("The budget cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | Q(budget=0) | ~Q(budget_source=""),
                name="innovations_budget_has_source",
                violation_error_message=_("Say where the budget comes from."),
            ),
            models.CheckConstraint(
                condition=Q(competition_result="") | ~Q(competition=""),
                name="innovations_result_names_competition",
                violation_error_message=_("Name the competition."),
            ),
            models.CheckConstraint(
                condition=Q(replicates__isnull=True) | ~Q(replicates=F("id")),
                name="innovations_not_its_own_original",
                violation_error_message=_("An innovation cannot replicate itself."),
            ),
            models.UniqueConstraint(
                fields=["unit", "replicates"],
                condition=Q(replicates__isnull=False),
                name="innovations_one_replication_per_unit",
                violation_error_message=_("The unit already replicates this innovation."),
            ),
        ]

    def __str__(self) -> str:
        return self.title[:60]

    @property
    def stage_date(self) -> date | None:
        value: date | None = getattr(self, STAGE_DATES[self.stage])
        return value

    @property
    def is_running(self) -> bool:
        return self.stage in RUNNING

    @property
    def has_legal_basis(self) -> bool:
        return bool(self.decree_number) and self.decree_date is not None

    @property
    def has_draft_legal_basis(self) -> bool:
        return bool(self.legal_basis_title) and not self.has_legal_basis

    @property
    def stages_reached(self) -> list[tuple[str, str, date | None]]:
        """(stage, label, date) of every stage up to the current one; a skipped stage has no date."""
        last = stage_index(self.stage)
        return [
            (stage, str(label), getattr(self, STAGE_DATES[stage]))
            for stage, label in Stage.choices[: last + 1]
        ]


class Effect(models.Model):
    """A figure the innovation moved, with its value before and after (as the unit measured it,
    or as Pantau published it), and when each was measured."""

    innovation = models.ForeignKey(Innovation, on_delete=models.CASCADE, related_name="effects")
    metric_key = models.CharField(
        _("figure"), max_length=40, choices=[(k, v) for k, v in FIGURE_LABELS.items()]
    )
    before = models.DecimalField(_("before"), max_digits=12, decimal_places=2)
    after = models.DecimalField(_("after"), max_digits=12, decimal_places=2)
    measured_before = models.CharField(_("measured before in"), max_length=40, blank=True)
    measured_after = models.CharField(_("measured after in"), max_length=40, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("effect on a figure")
        verbose_name_plural = _("effects on figures")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["innovation", "metric_key"],
                name="innovations_one_effect_per_figure",
                violation_error_message=_("This figure is already recorded; change it instead."),
            ),
            models.CheckConstraint(
                condition=Q(metric_key__in=list(FIGURES)),
                name="innovations_effect_figure_known",
                violation_error_message=_("This is not a figure Pantau knows."),
            ),
        ]

    def __str__(self) -> str:
        return self.metric_key

    @property
    def change(self) -> Decimal:
        return self.after - self.before

    @property
    def improved(self) -> bool | None:
        if self.after == self.before:
            return None
        lower_is_better = FIGURES.get(self.metric_key, False)
        return (self.after < self.before) if lower_is_better else (self.after > self.before)


def _evidence_path(instance: "EvidenceFile", filename: str) -> str:
    return f"innovations/{instance.innovation.unit_id}/{instance.sha256[:16]}-{filename}"


class EvidenceFile(models.Model):
    """Evidence of an innovation (a photo, a report, a budget document, a team decree): private,
    served through a view that checks access, kept with its size and SHA-256."""

    innovation = models.ForeignKey(Innovation, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(upload_to=_evidence_path)
    original_name = models.CharField(_("file name"), max_length=200)
    description = models.CharField(_("what it shows"), max_length=200, blank=True)
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
        constraints = [
            models.CheckConstraint(
                condition=Q(size__gte=0) & ~Q(sha256=""),
                name="innovations_evidence_fingerprinted",
            ),
        ]

    def __str__(self) -> str:
        return self.original_name
