"""Complaints, aspirations and information requests (SP4N-LAPOR! style), from any channel."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager

from pantau.common.models import TimeStampedModel


class Status(models.TextChoices):
    RECEIVED = "received", _("Received, not yet verified")
    VERIFIED = "verified", _("Verified")
    ASSIGNED = "assigned", _("Assigned to a unit")
    IN_PROGRESS = "in_progress", _("In follow-up")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")
    POSTPONED = "postponed", _("Postponed: waiting for the reporter")
    ARCHIVED = "archived", _("Archived")


OPEN_STATUSES = (
    Status.RECEIVED,
    Status.VERIFIED,
    Status.ASSIGNED,
    Status.IN_PROGRESS,
    Status.POSTPONED,
)


class DeadlinePolicy(models.Model):
    """Deadlines of one agency (or the default, without agency). Domain spec 3.2 and 3.4."""

    agency = models.OneToOneField(
        "organisations.Agency",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="complaint_policy",
    )
    service = models.OneToOneField(
        "organisations.Service",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="complaint_policy",
        help_text=_("A service's own deadlines win over its agency's."),
    )
    verify_working_days = models.PositiveSmallIntegerField(
        _("verify within (working days)"), default=3
    )
    response_working_days = models.PositiveSmallIntegerField(
        _("first response within (working days)"), default=5
    )
    resolution_days = models.PositiveSmallIntegerField(_("resolution within (days)"), default=60)
    requires_disposal = models.BooleanField(
        _("officers wait for the unit head's disposition"),
        default=False,
        help_text=_(
            "When ticked, an officer starts follow-up on a verified report only after the unit "
            "head (or a coordinator) has assigned it; otherwise officers may start at once."
        ),
    )

    class Meta:
        verbose_name = _("deadline policy")
        verbose_name_plural = _("deadline policies")
        constraints = [
            models.UniqueConstraint(
                fields=["agency"],
                condition=Q(agency__isnull=True, service__isnull=True),
                name="complaints_one_default_policy",
            ),
            models.CheckConstraint(
                condition=Q(agency__isnull=True) | Q(service__isnull=True),
                name="complaints_policy_agency_or_service",
            ),
        ]

    def __str__(self) -> str:
        return str(self.agency or _("Default"))


class DayOff(models.Model):
    """An agency's own day off (cuti bersama) on top of the national holidays."""

    agency = models.ForeignKey(
        "organisations.Agency", on_delete=models.CASCADE, related_name="days_off"
    )
    day = models.DateField(_("day"))
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        verbose_name = _("day off")
        verbose_name_plural = _("days off")
        constraints = [
            models.UniqueConstraint(fields=["agency", "day"], name="complaints_day_off_once")
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.name}"


class Category(models.Model):
    """What a report is about (e.g. "service fees", "officer conduct"). A category without agency
    applies everywhere; an agency's own categories apply to its tree. Open311 calls these services."""

    agency = models.ForeignKey(
        "organisations.Agency",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="complaint_categories",
        verbose_name=_("government or agency"),
    )
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=120)
    name_en = models.CharField(_("name in English"), max_length=120, blank=True)
    description = models.CharField(_("description"), max_length=300, blank=True)
    description_en = models.CharField(_("description in English"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("active"), default=True)
    integrity = models.BooleanField(
        _("integrity report"),
        default=False,
        help_text=_(
            "Reports in this category (bribery, extortion, misconduct of staff) go to the "
            "agency's internal supervisor (APIP / Inspektorat), never to the unit named."
        ),
    )

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "code"], name="complaints_category_code"),
            models.UniqueConstraint(
                fields=["code"],
                condition=Q(agency__isnull=True),
                name="complaints_category_code_everywhere",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        from django.utils.translation import get_language

        return self.name_en if get_language() == "en" and self.name_en else self.name


class Queue(models.TextChoices):
    """Whose queue a report sits in ("no wrong door", pantau.complaints.routing)."""

    UNIT = "unit", _("The service unit")
    COORDINATOR = "coordinator", _("The complaint coordinator")
    INSPECTOR = "inspector", _("The internal supervisor (APIP / Inspektorat)")
    NATIONAL = "national", _("The national complaint coordinator")


class Complaint(TimeStampedModel):
    class Kind(models.TextChoices):
        COMPLAINT = "complaint", _("Complaint")
        ASPIRATION = "aspiration", _("Aspiration or suggestion")
        INFORMATION = "information", _("Request for information")

    class Channel(models.TextChoices):
        WEB = "web", _("Web form")
        WHATSAPP = "whatsapp", _("WhatsApp")
        EMAIL = "email", _("E-mail")
        PHONE = "phone", _("Telephone")
        LETTER = "letter", _("Letter")
        SUGGESTION_BOX = "suggestion_box", _("Suggestion box")
        SOCIAL = "social", _("Social media")
        IN_PERSON = "in_person", _("In person")
        # Sent by another system rather than typed by the reporter on Pantau (issue 20).
        OPEN311 = "open311", _("Open311 (another system)")
        API = "api", _("REST API (another system)")

    class ArchiveReason(models.TextChoices):
        SPAM = "spam", _("Spam")
        DUPLICATE = "duplicate", _("Duplicate of another report")
        OUTSIDE_GOVERNMENT = "outside_government", _("Not about a government service")
        TOO_GENERAL = "too_general", _("Too general to follow up")
        NO_REPLY = "no_reply", _("The reporter did not send what was asked")

    tracking_number = models.CharField(_("tracking number"), max_length=20, unique=True)
    access_code_hash = models.CharField(max_length=128)
    submission_token = models.UUIDField(unique=True)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    channel = models.CharField(
        _("channel"), max_length=16, choices=Channel.choices, default=Channel.WEB
    )
    unit = models.ForeignKey(
        "organisations.ServiceUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="complaints",
        verbose_name=_("service unit"),
    )
    service = models.ForeignKey(
        "organisations.Service",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("service"),
    )
    agency = models.ForeignKey(
        "organisations.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="complaints",
        verbose_name=_("government or agency"),
        help_text=_("Where the report is routed when the reporter does not know the unit."),
    )
    category = models.ForeignKey(
        Category,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="complaints",
        verbose_name=_("category"),
    )
    subject = models.CharField(_("subject"), max_length=200)
    description = models.TextField(_("what happened"))
    happened_on = models.DateField(_("when it happened"), null=True, blank=True)
    remedy = models.TextField(_("what you ask for"), blank=True)
    late = models.BooleanField(_("about a service more than 30 days ago"), default=False)
    reporter_name = models.CharField(_("name"), max_length=120, blank=True)
    reporter_email = models.EmailField(_("e-mail"), blank=True)
    reporter_phone = models.CharField(_("telephone"), max_length=32, blank=True)
    anonymous = models.BooleanField(_("anonymous"), default=False)
    confidential = models.BooleanField(_("confidential"), default=False)
    original_message = models.TextField(_("original message"), blank=True)
    # Where the reporter says it happened (WGS84), when they gave a point: Open311's lat/long.
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    # The report's number in the system that sent it (e.g. SP4N-LAPOR!'s tracking id).
    external_reference = models.CharField(
        _("external reference"), max_length=100, blank=True, db_index=True
    )
    # What the public reads of the report (register, Open311, webhooks): written or approved by
    # staff, never the citizen's words as typed (pantau.complaints.public_text, issue 15).
    public_summary = models.CharField(_("public summary"), max_length=200, blank=True)
    public_summary_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("public summary approved by"),
    )
    public_summary_at = models.DateTimeField(_("public summary approved at"), null=True, blank=True)
    # What the public reads of the unit's answer, written or approved by staff (issue 19): the
    # answer to the reporter may name them; this never does.
    public_answer = models.TextField(_("public answer"), max_length=2000, blank=True)
    public_answer_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("public answer approved by"),
    )
    public_answer_at = models.DateTimeField(_("public answer approved at"), null=True, blank=True)
    integrity = models.BooleanField(
        _("about bribery, extortion or misconduct of staff"), default=False
    )
    queue = models.CharField(_("queue"), max_length=12, choices=Queue.choices, default=Queue.UNIT)
    queue_agency = models.ForeignKey(
        "organisations.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("queue of"),
        help_text=_("The agency whose coordinator or inspector holds the report."),
    )
    postponed_on = models.DateField(_("waiting for the reporter since"), null=True, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.RECEIVED
    )
    postponed_from = models.CharField(max_length=12, choices=Status.choices, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_complaints",
        verbose_name=_("officer"),
    )
    verify_due = models.DateField(_("verify by"), null=True, blank=True)
    response_due = models.DateField(_("first response by"), null=True, blank=True)
    resolution_due = models.DateField(_("resolve by"), null=True, blank=True)
    first_response_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    archive_reason = models.CharField(
        _("archive reason"), max_length=20, choices=ArchiveReason.choices, blank=True
    )
    rating = models.PositiveSmallIntegerField(_("rating"), null=True, blank=True)
    rating_comment = models.TextField(_("comment on the resolution"), blank=True)
    reopened = models.BooleanField(default=False)
    duplicate_of = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="duplicates",
        verbose_name=_("duplicate of"),
    )
    reminded_on = models.DateField(null=True, blank=True)
    tags = TaggableManager(
        _("tags"), blank=True, help_text=_("Internal labels, separated by commas.")
    )
    history = HistoricalRecords(excluded_fields=["access_code_hash"])

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["unit", "status", "-created_at"], name="complaints_unit_queue"),
            models.Index(fields=["unit", "-created_at"], name="complaints_unit_latest"),
            models.Index(fields=["status", "-created_at"], name="complaints_status_queue"),
            models.Index(fields=["confidential", "-created_at"], name="complaints_public_register"),
            models.Index(
                fields=["category", "confidential", "-created_at"], name="complaints_by_category"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5),
                name="complaints_rating_1_to_5",
            ),
            models.CheckConstraint(
                condition=Q(duplicate_of__isnull=True) | ~Q(duplicate_of=models.F("pk")),
                name="complaints_not_duplicate_of_itself",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(
                    latitude__isnull=False,
                    longitude__isnull=False,
                    latitude__gte=-90,
                    latitude__lte=90,
                    longitude__gte=-180,
                    longitude__lte=180,
                ),
                name="complaints_point_in_range",
                violation_error_message=_(
                    "Give both latitude (-90 to 90) and longitude (-180 to 180), or neither."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.tracking_number

    @property
    def reporter_shown(self) -> str:
        """What a unit user may see of the reporter: nothing when the report is anonymous."""
        return "" if self.anonymous else self.reporter_name


class ReportFollower(models.Model):
    """Someone following a public report by e-mail (issue 19, FixMyStreet's alerts): told when a
    public step is recorded or a public answer approved. Double opt-in: mail goes only to a
    follower who opened the link sent to the address (``confirmed_at``). The address is personal
    data (pantau.privacy.registry): staff see only how many follow, never who."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="followers")
    email = models.EmailField(_("e-mail"))  # stored in lower case: one follow per address
    # SHA-256 of the confirmation link's random token; the token itself is only in the mail.
    token_hash = models.CharField(max_length=64, unique=True)
    asked_at = models.DateTimeField(_("confirmation asked at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("follower of a report")
        verbose_name_plural = _("followers of reports")
        constraints = [
            models.UniqueConstraint(fields=["complaint", "email"], name="complaints_follow_once")
        ]

    def __str__(self) -> str:
        return f"{self.complaint_id} follower {self.pk}"


ACTION_LABELS = {
    "received": _("Received"),
    "verify": _("Verified"),
    "assign": _("Assigned"),
    "start": _("Follow-up started"),
    "answer": _("Answered"),
    "close": _("Closed"),
    "postpone": _("Postponed"),
    "reporter_reply": _("Reporter replied"),
    "resume": _("Resumed: the reporter answered"),
    "forward": _("Forwarded"),
    "archive": _("Archived"),
    "reopen": _("Reopened"),
    "note": _("Note"),
    "rated": _("Rated by the reporter"),
    "summarised": _("Public summary approved"),
    "categorised": _("Category set"),
    "reminded": _("Deadline reminder sent"),
}


class Event(models.Model):
    """One step in a report's life: who did what, when and why; public steps show on tracking."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    action = models.CharField(_("action"), max_length=20)
    from_status = models.CharField(max_length=12, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=Status.choices, blank=True)
    unit = models.ForeignKey(
        "organisations.ServiceUnit",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)
    public = models.BooleanField(_("shown to the reporter"), default=False)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.complaint_id} {self.action}"

    @property
    def action_label(self) -> str:
        return str(ACTION_LABELS.get(self.action, self.action))


def _attachment_path(instance, filename: str) -> str:
    return f"complaints/{instance.complaint.submission_token}/{instance.sha256[:16]}-{filename}"


class Attachment(models.Model):
    """A file sent with a report: stored privately, served only through a view that checks access."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=_attachment_path)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=60)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)

    def __str__(self) -> str:
        return self.original_name
