"""Service standards (Standar Pelayanan, PermenPANRB 15/2014), service pledges (Maklumat Pelayanan),
public consultation forums (Forum Konsultasi Publik, PermenPANRB 16/2017) and publication records.

A standard is kept per service as numbered versions. A version is written while it is a draft,
discussed in a forum, set (ditetapkan) by the unit head with a decree, then published. From "set"
on it is immutable: changing the standard means starting a new version (services.py enforces it).
"""

import calendar
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pantau.common.models import TimeStampedModel


def default_review_months() -> int:
    """The review interval of new standards: PANTAU_STANDARD_REVIEW_MONTHS, yearly by default."""
    return settings.PANTAU_STANDARD_REVIEW_MONTHS


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clipped to the month's last day (31 Jan + 1 = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# The eight manufacturing components (komponen manufacturing), in the order of the regulation.
MANUFACTURING_COMPONENTS = [
    ("legal_basis", _("Legal basis (Dasar Hukum)")),
    ("facilities", _("Facilities and infrastructure (Sarana dan Prasarana, dan/atau Fasilitas)")),
    ("staff_competence", _("Staff competence (Kompetensi Pelaksana)")),
    ("internal_supervision", _("Internal supervision (Pengawasan Internal)")),
    ("staff_count", _("Number of staff (Jumlah Pelaksana)")),
    ("service_guarantee", _("Service guarantee (Jaminan Pelayanan)")),
    (
        "safety_guarantee",
        _("Security and safety guarantee (Jaminan Keamanan dan Keselamatan Pelayanan)"),
    ),
    ("staff_evaluation", _("Staff performance evaluation (Evaluasi Kinerja Pelaksana)")),
]
MANUFACTURING_KEYS = [key for key, _label in MANUFACTURING_COMPONENTS]


class Medium(models.TextChoices):
    """Where a standard, pledge or SKM result was published (PEKPPP indicators 3.a.T, 5.a.K, 7.a.T)."""

    NOTICE_BOARD = "notice_board", _("Notice board")
    LEAFLET = "leaflet", _("Leaflet or brochure")
    WEBSITE = "website", _("Website")
    SOCIAL_MEDIA = "social_media", _("Social media")
    APP = "app", _("Application")
    SIPPN = "sippn", _("SIPP Nasional (SIPPN)")


ELECTRONIC_MEDIA = {Medium.WEBSITE, Medium.SOCIAL_MEDIA, Medium.APP, Medium.SIPPN}


class Forum(TimeStampedModel):
    """A public consultation forum (Forum Konsultasi Publik, FKP) held by a unit."""

    class Topic(models.TextChoices):
        DRAFTING = "drafting", _("Drafting a service standard")
        REVIEWING = "reviewing", _("Reviewing a service standard")
        OTHER = "other", _("Another service issue")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        HELD = "held", _("Held")

    unit = models.ForeignKey(
        "organisations.ServiceUnit",
        on_delete=models.CASCADE,
        related_name="forums",
        verbose_name=_("service unit"),
    )
    topic = models.CharField(_("topic"), max_length=12, choices=Topic.choices)
    title = models.CharField(_("title"), max_length=200)
    held_on = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.PLANNED
    )
    minutes = models.TextField(_("minutes (notulen)"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("public consultation forum")
        verbose_name_plural = _("public consultation forums")
        ordering = ["-held_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(place="") | ~Q(online_link=""),
                name="standards_forum_place_or_link",
                violation_error_message=_("Give the place or the online link of the forum."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.held_on:%d-%m-%Y})"


class Participant(models.Model):
    """Someone invited to a forum, by the type of party they represent (domain spec section 4)."""

    class Kind(models.TextChoices):
        SERVICE_USER = "service_user", _("Service user")
        EXPERT = "expert", _("Expert, practitioner or academic")
        RELATED_AGENCY = "related_agency", _("Related agency")
        CIVIL_SOCIETY = "civil_society", _("Civil society organisation")
        MEDIA = "media", _("Mass media")
        PROVIDER = "provider", _("The service unit")

    forum = models.ForeignKey(
        Forum, on_delete=models.CASCADE, related_name="participants", verbose_name=_("forum")
    )
    name = models.CharField(_("name"), max_length=120)
    organisation = models.CharField(_("organisation"), max_length=160, blank=True)
    kind = models.CharField(_("represents"), max_length=16, choices=Kind.choices)
    attended = models.BooleanField(_("attended"), default=False)

    class Meta:
        verbose_name = _("forum participant")
        verbose_name_plural = _("forum participants")
        ordering = ["kind", "name", "id"]

    def __str__(self) -> str:
        return self.name


# The participant types PEKPPP indicator 2.a.P counts (the unit itself does not count).
COUNTED_PARTICIPANT_KINDS = [
    Participant.Kind.SERVICE_USER,
    Participant.Kind.EXPERT,
    Participant.Kind.RELATED_AGENCY,
    Participant.Kind.CIVIL_SOCIETY,
    Participant.Kind.MEDIA,
]


class StandardVersion(TimeStampedModel):
    """One version of the service standard of one service, with its 14 components."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        DISCUSSED = "discussed", _("Discussed in a consultation forum")
        SET = "set", _("Set by the unit head")
        PUBLISHED = "published", _("Published, in force")
        SUPERSEDED = "superseded", _("Replaced by a newer version")

    class TimeUnit(models.TextChoices):
        MINUTES = "minutes", _("minutes")
        HOURS = "hours", _("hours")
        WORKING_DAYS = "working_days", _("working days")
        DAYS = "days", _("calendar days")

    service = models.ForeignKey(
        "organisations.Service",
        on_delete=models.CASCADE,
        related_name="standard_versions",
        verbose_name=_("service"),
    )
    number = models.PositiveSmallIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    # Service delivery: time limit, fee, product, complaints (requirements and steps are rows).
    time_limit_value = models.PositiveIntegerField(_("time limit"), null=True, blank=True)
    time_limit_unit = models.CharField(
        _("time unit"), max_length=12, choices=TimeUnit.choices, blank=True
    )
    time_limit_note = models.CharField(_("note on the time limit"), max_length=200, blank=True)
    fee_is_free = models.BooleanField(_("free of charge"), default=True)
    fee_amount = models.PositiveBigIntegerField(_("fee (rupiah)"), null=True, blank=True)
    fee_legal_basis = models.CharField(_("legal basis of the fee"), max_length=300, blank=True)
    fee_note = models.CharField(_("note on the fee"), max_length=300, blank=True)
    product = models.TextField(_("service product"), blank=True)
    complaint_handling = models.TextField(
        _("complaints, suggestions and feedback"),
        blank=True,
        help_text=_(
            "How complaints are handled. Pantau's complaint desk and the unit's contact channels "
            "are listed with it automatically."
        ),
    )
    # Manufacturing components (internal), as text.
    legal_basis = models.TextField(_("legal basis"), blank=True)
    facilities = models.TextField(_("facilities and infrastructure"), blank=True)
    staff_competence = models.TextField(_("staff competence"), blank=True)
    internal_supervision = models.TextField(_("internal supervision"), blank=True)
    staff_count = models.TextField(_("number of staff"), blank=True)
    service_guarantee = models.TextField(_("service guarantee"), blank=True)
    safety_guarantee = models.TextField(_("security and safety guarantee"), blank=True)
    staff_evaluation = models.TextField(_("staff performance evaluation"), blank=True)
    change_note = models.CharField(_("what changed"), max_length=300, blank=True)
    # Workflow.
    forum = models.ForeignKey(
        Forum,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="standard_versions",
        verbose_name=_("consultation forum"),
    )
    decree_number = models.CharField(_("decree number"), max_length=120, blank=True)
    decree_date = models.DateField(_("decree date"), null=True, blank=True)
    decree_file = models.FileField(_("signed decree"), upload_to="standards/decrees/", blank=True)
    set_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("set by"),
    )
    set_at = models.DateTimeField(_("set at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    superseded_at = models.DateTimeField(_("replaced at"), null=True, blank=True)
    review_months = models.PositiveSmallIntegerField(
        _("review every (months)"),
        default=default_review_months,
        help_text=_(
            "PP 96/2012 Article 33: standards are reviewed periodically; yearly by default."
        ),
    )
    review_reminded_on = models.DateField(_("review reminder sent on"), null=True, blank=True)
    created_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("service standard version")
        verbose_name_plural = _("service standard versions")
        ordering = ["service", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["service", "number"], name="standards_version_number_once"
            ),
            models.UniqueConstraint(
                fields=["service"],
                condition=Q(status__in=["draft", "discussed", "set"]),
                name="standards_one_version_in_progress",
                violation_error_message=_("This service already has a version in progress."),
            ),
            models.UniqueConstraint(
                fields=["service"],
                condition=Q(status="published"),
                name="standards_one_version_in_force",
            ),
            models.CheckConstraint(
                condition=Q(fee_is_free=True, fee_amount__isnull=True)
                | Q(fee_is_free=False, fee_amount__isnull=False, fee_amount__gt=0),
                name="standards_fee_free_or_amount",
                violation_error_message=_(
                    "A service is either free or has a fee above zero, not both."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.service} v{self.number}"

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.DISCUSSED)

    @property
    def review_due_on(self) -> date | None:
        """The date by which the standard in force must be reviewed (decree date + interval)."""
        if self.decree_date is None:
            return None
        return add_months(self.decree_date, self.review_months)

    def review_is_due(self, today: date) -> bool:
        due = self.review_due_on
        return self.status == self.Status.PUBLISHED and due is not None and due <= today

    def manufacturing(self) -> list[tuple[str, str, str]]:
        """(key, label, text) of the eight manufacturing components."""
        return [(key, str(label), getattr(self, key)) for key, label in MANUFACTURING_COMPONENTS]


class Requirement(models.Model):
    """One document or condition the citizen must bring (Persyaratan), as a checklist row."""

    version = models.ForeignKey(
        StandardVersion, on_delete=models.CASCADE, related_name="requirements"
    )
    position = models.PositiveSmallIntegerField(_("position"))
    text = models.CharField(_("requirement"), max_length=300)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("requirement")
        verbose_name_plural = _("requirements")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text


class ProcedureStep(models.Model):
    """One step of the procedure (Sistem, Mekanisme, dan Prosedur), in order."""

    version = models.ForeignKey(StandardVersion, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField(_("position"))
    text = models.CharField(_("step"), max_length=300)
    actor = models.CharField(_("who does it"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("procedure step")
        verbose_name_plural = _("procedure steps")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text


def _component_file_path(instance, filename: str) -> str:
    return f"standards/components/{instance.version_id}/{instance.sha256[:16]}-{filename}"


class ComponentFile(models.Model):
    """A document attached to a manufacturing component (e.g. the staff competence matrix)."""

    version = models.ForeignKey(StandardVersion, on_delete=models.CASCADE, related_name="files")
    component = models.CharField(_("component"), max_length=24, choices=MANUFACTURING_COMPONENTS)
    file = models.FileField(upload_to=_component_file_path)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=60)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)

    class Meta:
        ordering = ["component", "id"]

    def __str__(self) -> str:
        return self.original_name


class Maklumat(TimeStampedModel):
    """A unit's service pledge (Maklumat Pelayanan) with its three required statements."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Set and published")
        SUPERSEDED = "superseded", _("Replaced")

    unit = models.ForeignKey(
        "organisations.ServiceUnit",
        on_delete=models.CASCADE,
        related_name="maklumat",
        verbose_name=_("service unit"),
    )
    number = models.PositiveSmallIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    promise = models.TextField(_("1. Promise to serve according to the service standard"))
    improvement = models.TextField(_("2. Promise of continuous improvement"))
    sanction = models.TextField(
        _("3. Readiness to accept sanctions or pay compensation when the service deviates")
    )
    signatory_name = models.CharField(_("signed by (name)"), max_length=120)
    signatory_title = models.CharField(_("title of the signatory"), max_length=160)
    set_on = models.DateField(_("set on"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("service pledge (maklumat)")
        verbose_name_plural = _("service pledges (maklumat)")
        ordering = ["unit", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "number"], name="standards_maklumat_once"),
            models.UniqueConstraint(
                fields=["unit"],
                condition=Q(status="draft"),
                name="standards_one_maklumat_draft",
                violation_error_message=_("This unit already has a draft pledge."),
            ),
            models.UniqueConstraint(
                fields=["unit"],
                condition=Q(status="published"),
                name="standards_one_maklumat_in_force",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} maklumat v{self.number}"


def _evidence_path(instance, filename: str) -> str:
    return f"standards/publications/{instance.unit_id}/{instance.sha256[:16]}-{filename}"


class Publication(models.Model):
    """A record that a standard, a pledge or an SKM result was published on one medium."""

    class Subject(models.TextChoices):
        STANDARD = "standard", _("Service standard")
        MAKLUMAT = "maklumat", _("Service pledge (maklumat)")
        SKM = "skm", _("SKM result")

    unit = models.ForeignKey(
        "organisations.ServiceUnit",
        on_delete=models.CASCADE,
        related_name="publications",
        verbose_name=_("service unit"),
    )
    subject = models.CharField(_("what was published"), max_length=10, choices=Subject.choices)
    standard = models.ForeignKey(
        StandardVersion,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="publications",
        verbose_name=_("service standard"),
    )
    maklumat = models.ForeignKey(
        Maklumat,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="publications",
        verbose_name=_("service pledge"),
    )
    skm_period = models.ForeignKey(
        "satisfaction.SurveyPeriod",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="publication_records",
        verbose_name=_("SKM period"),
    )
    medium = models.CharField(_("medium"), max_length=14, choices=Medium.choices)
    published_on = models.DateField(_("published on"))
    url = models.URLField(_("link"), blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    evidence = models.FileField(_("evidence"), upload_to=_evidence_path, blank=True)
    evidence_name = models.CharField(max_length=200, blank=True)
    evidence_type = models.CharField(max_length=60, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("publication record")
        verbose_name_plural = _("publication records")
        ordering = ["-published_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        subject="standard",
                        standard__isnull=False,
                        maklumat__isnull=True,
                        skm_period__isnull=True,
                    )
                    | Q(
                        subject="maklumat",
                        standard__isnull=True,
                        maklumat__isnull=False,
                        skm_period__isnull=True,
                    )
                    | Q(
                        subject="skm",
                        standard__isnull=True,
                        maklumat__isnull=True,
                        skm_period__isnull=False,
                    )
                ),
                name="standards_publication_one_subject",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_subject_display()} · {self.get_medium_display()} · {self.published_on}"


class Agreement(models.Model):
    """An agreement reached in a forum (mufakat), linked to the standard or action it changes."""

    class Outcome(models.TextChoices):
        PENDING = "pending", _("Not yet carried out")
        DONE = "done", _("Carried out")
        DROPPED = "dropped", _("Not carried out")

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="agreements")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    text = models.TextField(_("agreement"))
    standard = models.ForeignKey(
        StandardVersion,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agreements",
        verbose_name=_("standard it changes"),
    )
    action = models.CharField(_("action it leads to"), max_length=300, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=8, choices=Outcome.choices, default=Outcome.PENDING
    )
    outcome_note = models.CharField(_("what happened"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("forum agreement")
        verbose_name_plural = _("forum agreements")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text[:60]


def _forum_file_path(instance, filename: str) -> str:
    return f"standards/forums/{instance.forum_id}/{instance.sha256[:16]}-{filename}"


class ForumFile(models.Model):
    """The signed minutes (berita acara), the invitation or a photo of a forum."""

    class Kind(models.TextChoices):
        BERITA_ACARA = "berita_acara", _("Signed minutes (berita acara)")
        INVITATION = "invitation", _("Invitation")
        ATTENDANCE = "attendance", _("Signed attendance list")
        PHOTO = "photo", _("Photo")

    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(_("kind"), max_length=14, choices=Kind.choices)
    file = models.FileField(upload_to=_forum_file_path)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=60)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)

    class Meta:
        ordering = ["kind", "id"]

    def __str__(self) -> str:
        return self.original_name
