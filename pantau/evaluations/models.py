"""PEKPPP: instruments as data, evaluation rounds, the units evaluated (lokus), self-assessment with
evidence (F-01), evaluator scores (F-02), results (IPP) and recommendations with follow-up."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from pantau.common.models import TimeStampedModel

SCORE_VALIDATORS = [MinValueValidator(0), MaxValueValidator(5)]


class Method(models.TextChoices):
    """How indicator scores make an aspect score (domain spec 2.7; the official one is not confirmed)."""

    WEIGHTED = "weighted", _("Weighted mean of indicators (default)")
    MEAN = "mean", _("Unweighted mean of indicators")


# --- Instruments as data ---------------------------------------------------------------------


class EvaluationInstrument(TimeStampedModel):
    """One version of a PEKPPP instrument: aspects, indicators, criteria, blend and grade table.

    Once a round beyond its draft uses a version, changes go into a new version (``number`` + 1),
    so every result states the version it was computed with.
    """

    code = models.SlugField(_("code"), max_length=60)
    number = models.PositiveSmallIntegerField(_("version"), default=1)
    name = models.CharField(_("name"), max_length=200)
    regulation = models.CharField(_("legal basis"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    evaluator_share = models.DecimalField(
        _("share of the evaluator form (F-02)"),
        max_digits=4,
        decimal_places=3,
        default="0.750",
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("The citizen form (F-03) takes the rest."),
    )
    evaluator_share_confirmed = models.BooleanField(_("blend confirmed"), default=False)
    default_method = models.CharField(
        _("aggregation method"), max_length=10, choices=Method.choices, default=Method.WEIGHTED
    )
    method_confirmed = models.BooleanField(_("aggregation confirmed"), default=False)
    indicators_available = models.BooleanField(
        _("indicator detail available"),
        default=True,
        help_text=_("False when the source lists only aspects and indicator counts."),
    )
    citizen_version = models.ForeignKey(
        "surveys.InstrumentVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("citizen form (F-03)"),
    )
    source_note = models.TextField(_("sources"), blank=True)

    class Meta:
        verbose_name = _("evaluation instrument")
        verbose_name_plural = _("evaluation instruments")
        ordering = ["code", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "number"], name="evaluations_instrument_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} v{self.number}"

    @property
    def usable(self) -> bool:
        return self.indicators_available


class Aspect(models.Model):
    instrument = models.ForeignKey(
        EvaluationInstrument, on_delete=models.CASCADE, related_name="aspects"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=120)
    weight = models.DecimalField(_("weight"), max_digits=5, decimal_places=4)
    weight_confirmed = models.BooleanField(_("weight confirmed"), default=True)
    expected_indicators = models.PositiveSmallIntegerField(
        _("indicators in the source"), null=True, blank=True
    )
    expected_citizen_items = models.PositiveSmallIntegerField(
        _("citizen items in the source"), null=True, blank=True
    )

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["instrument", "number"], name="evaluations_aspect_num")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"

    @property
    def code(self) -> str:
        return f"A{self.number}"


class Indicator(models.Model):
    class Principle(models.TextChoices):
        # Letters inferred from the codes (domain spec 2.4 and 8.13).
        AKUNTABEL = "Ak", "Akuntabel"
        PARTISIPATIF = "P", "Partisipatif"
        TRANSPARAN = "T", "Transparan"
        KEBERLANJUTAN = "K", "Keberlanjutan"
        BERKELANJUTAN = "B", "Berkelanjutan/inovasi"
        AKSESIBEL = "As", "Aksesibel"

    class Scoring(models.TextChoices):
        LEVELS = "levels", _("One description per score")
        CUMULATIVE = "cumulative", _("Cumulative checklist: each step adds one")
        SUMMARY = "summary", _("Summary only (per-score detail not available)")

    aspect = models.ForeignKey(Aspect, on_delete=models.CASCADE, related_name="indicators")
    number = models.PositiveSmallIntegerField(_("number"))
    code = models.CharField(_("code"), max_length=20)
    principle = models.CharField(_("principle"), max_length=2, choices=Principle.choices)
    name = models.CharField(_("name"), max_length=200)
    weight = models.DecimalField(_("weight within the aspect"), max_digits=5, decimal_places=4)
    weight_confirmed = models.BooleanField(_("weight confirmed"), default=True)
    scoring = models.CharField(_("scoring"), max_length=10, choices=Scoring.choices)
    summary = models.TextField(_("criteria in the source"), blank=True)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["aspect", "number"], name="evaluations_indicator_num")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"


class Criterion(models.Model):
    """What earns one score of an indicator (or, for a cumulative checklist, the step that adds it)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="criteria")
    score = models.PositiveSmallIntegerField(_("score"), validators=SCORE_VALIDATORS)
    text = models.CharField(_("criterion"), max_length=400)

    class Meta:
        ordering = ["score"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "score"], name="evaluations_criterion_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.score}: {self.text}"


class GradeBand(models.Model):
    instrument = models.ForeignKey(
        EvaluationInstrument, on_delete=models.CASCADE, related_name="grades"
    )
    grade = models.CharField(_("grade"), max_length=3)
    label = models.CharField(_("label"), max_length=60)
    low = models.DecimalField(_("from"), max_digits=3, decimal_places=2)
    high = models.DecimalField(_("to"), max_digits=3, decimal_places=2)
    confirmed = models.BooleanField(_("confirmed"), default=True)

    class Meta:
        ordering = ["-low"]
        constraints = [
            models.UniqueConstraint(fields=["instrument", "grade"], name="evaluations_grade")
        ]

    def __str__(self) -> str:
        return f"{self.grade} {self.label}"


# --- Rounds ----------------------------------------------------------------------------------


class Round(TimeStampedModel):
    """One evaluation round of an evaluating body over its units (lokus)."""

    class Mode(models.TextChoices):
        EXTERNAL = "external", _("Evaluation by the evaluating body")
        SELF = "self", _("Self-evaluation (PEKPPP Mandiri)")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Set-up")
        SELF_ASSESSMENT = "self_assessment", _("Self-assessment (F-01)")
        SCORING = "scoring", _("Evaluator scoring (F-02)")
        VERIFICATION = "verification", _("Verification")
        RESULTS = "results", _("Results")
        FOLLOW_UP = "follow_up", _("Follow-up")
        CLOSED = "closed", _("Closed")

    body = models.ForeignKey(
        "organisations.Agency",
        on_delete=models.PROTECT,
        related_name="evaluation_rounds",
        verbose_name=_("evaluating body"),
    )
    name = models.CharField(_("name"), max_length=200)
    year = models.PositiveSmallIntegerField(_("year"))
    instrument = models.ForeignKey(
        EvaluationInstrument,
        on_delete=models.PROTECT,
        related_name="rounds",
        verbose_name=_("instrument version"),
    )
    method = models.CharField(
        _("aggregation method"), max_length=10, choices=Method.choices, default=Method.WEIGHTED
    )
    mode = models.CharField(_("kind"), max_length=10, choices=Mode.choices, default=Mode.EXTERNAL)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    self_assessment_opens = models.DateField(_("self-assessment opens"))
    self_assessment_closes = models.DateField(_("self-assessment closes"))
    citizen_opens = models.DateField(_("citizen form opens"))
    citizen_closes = models.DateField(_("citizen form closes"))
    scoring_opens = models.DateField(_("desk scoring opens"))
    scoring_closes = models.DateField(_("desk scoring closes"))
    verification_opens = models.DateField(_("field verification opens"))
    verification_closes = models.DateField(_("field verification closes"))
    results_on = models.DateField(_("results announced on"))
    follow_up_due = models.DateField(_("follow-up deadline"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evaluation round")
        verbose_name_plural = _("evaluation rounds")
        ordering = ["-year", "name"]

    def __str__(self) -> str:
        return self.name


class Lokus(TimeStampedModel):
    """A unit evaluated in a round, with its evaluators and, once computed, its result."""

    class ServiceClass(models.TextChoices):
        # Kelompok layanan of the lokus (domain spec 2.9): barang, jasa, administratif.
        GOODS = "goods", pgettext_lazy("class of service", "Goods")
        SERVICES = "services", pgettext_lazy("class of service", "Services")
        ADMINISTRATIVE = "administrative", pgettext_lazy("class of service", "Administrative")

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="lokus")
    unit = models.ForeignKey(
        "organisations.ServiceUnit",
        on_delete=models.PROTECT,
        related_name="evaluations",
        verbose_name=_("service unit"),
    )
    service_class = models.CharField(
        _("class of service"), max_length=20, choices=ServiceClass.choices
    )
    evaluators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="evaluation_assignments",
        verbose_name=_("evaluators"),
    )
    citizen_collection = models.OneToOneField(
        "surveys.Collection",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pekppp_lokus",
    )
    self_assessment_submitted_at = models.DateTimeField(null=True, blank=True)
    ipp = models.DecimalField(_("IPP"), max_digits=3, decimal_places=2, null=True, blank=True)
    grade = models.CharField(_("grade"), max_length=3, blank=True)
    label = models.CharField(_("label"), max_length=60, blank=True)
    rank = models.PositiveIntegerField(_("rank"), null=True, blank=True)
    result = models.JSONField(_("result"), null=True, blank=True)
    computed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("evaluated unit (lokus)")
        verbose_name_plural = _("evaluated units (lokus)")
        ordering = ["unit__name"]
        constraints = [
            models.UniqueConstraint(fields=["round", "unit"], name="evaluations_lokus_once")
        ]
        indexes = [models.Index(fields=["round", "-ipp"], name="evaluations_lokus_rank")]

    def __str__(self) -> str:
        return f"{self.unit} · {self.round}"


class SelfAssessment(TimeStampedModel):
    """The unit's F-01 answer for one indicator: the score it claims and its explanation."""

    lokus = models.ForeignKey(Lokus, on_delete=models.CASCADE, related_name="self_assessments")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+")
    claimed_score = models.PositiveSmallIntegerField(
        _("score the unit claims"), validators=SCORE_VALIDATORS
    )
    answer = models.TextField(_("explanation"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["lokus", "indicator"], name="evaluations_self_once")
        ]

    def __str__(self) -> str:
        return f"{self.lokus_id}/{self.indicator_id}: {self.claimed_score}"


def _evidence_path(instance, filename: str) -> str:
    return f"evaluations/{instance.lokus_id}/{instance.sha256[:16]}-{filename}"


class Evidence(models.Model):
    """A supporting document (bukti dukung): stored privately, served only through a checked view.

    A file uploaded again under the same name for the same indicator becomes its next version;
    earlier versions stay.
    """

    lokus = models.ForeignKey(Lokus, on_delete=models.CASCADE, related_name="evidence")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+")
    file = models.FileField(upload_to=_evidence_path)
    original_name = models.CharField(_("file name"), max_length=200)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["indicator__number", "original_name", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["lokus", "indicator", "original_name", "version"],
                name="evaluations_evidence_version",
            )
        ]

    def __str__(self) -> str:
        return f"{self.original_name} v{self.version}"


class Score(TimeStampedModel):
    """One evaluator's F-02 score of one indicator of one lokus."""

    class Mode(models.TextChoices):
        DESK = "desk", _("Desk evaluation")
        FIELD = "field", _("Field visit")

    lokus = models.ForeignKey(Lokus, on_delete=models.CASCADE, related_name="scores")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+")
    evaluator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    score = models.PositiveSmallIntegerField(_("score"), validators=SCORE_VALIDATORS)
    note = models.TextField(_("note"))
    mode = models.CharField(_("mode"), max_length=5, choices=Mode.choices, default=Mode.DESK)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["lokus", "indicator", "evaluator"], name="evaluations_score_once"
            ),
            models.CheckConstraint(condition=Q(score__lte=5), name="evaluations_score_0_5"),
        ]

    def __str__(self) -> str:
        return f"{self.lokus_id}/{self.indicator_id}: {self.score}"


class Verification(TimeStampedModel):
    """Per indicator: the agreed (reconciled) score, the unit's response and the evaluator's answer."""

    lokus = models.ForeignKey(Lokus, on_delete=models.CASCADE, related_name="verifications")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+")
    agreed_score = models.PositiveSmallIntegerField(
        _("agreed score"), null=True, blank=True, validators=SCORE_VALIDATORS
    )
    agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    unit_response = models.TextField(_("the unit's response"), blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    evaluator_reply = models.TextField(_("the evaluator's reply"), blank=True)
    replied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["lokus", "indicator"], name="evaluations_verify_once")
        ]

    def __str__(self) -> str:
        return f"{self.lokus_id}/{self.indicator_id}"


class Recommendation(TimeStampedModel):
    """An evaluator's recommendation on one aspect; the unit answers with an action plan and progress."""

    class Status(models.TextChoices):
        OPEN = "open", _("Awaiting an action plan")
        PLANNED = "planned", _("Action plan filed")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Followed up")
        ACCEPTED = "accepted", _("Follow-up accepted by the evaluator")
        RETURNED = "returned", _("Returned to the unit")

    lokus = models.ForeignKey(Lokus, on_delete=models.CASCADE, related_name="recommendations")
    aspect = models.ForeignKey(Aspect, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("recommendation"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.OPEN
    )
    action_plan = models.TextField(_("action plan"), blank=True)
    plan_due = models.DateField(_("planned completion"), null=True, blank=True)
    progress = models.TextField(_("progress"), blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(_("the evaluator's note on the follow-up"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["aspect__number", "id"]

    def __str__(self) -> str:
        return self.text[:60]


def _follow_up_path(instance, filename: str) -> str:
    return f"evaluations/{instance.recommendation.lokus_id}/tl/{instance.sha256[:16]}-{filename}"


class FollowUpDocument(models.Model):
    """Evidence of a recommendation's follow-up: private, served through a checked view."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="documents"
    )
    file = models.FileField(upload_to=_follow_up_path)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name
