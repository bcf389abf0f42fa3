"""The questionnaire engine's data: what is asked (instrument versions) and what was answered."""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pantau.common.models import TimeStampedModel


def _in_language(indonesian: str, english: str) -> str:
    """Instrument content is written in Indonesian, optionally with an English version."""
    return english if english and get_language() == "en" else indonesian


class Instrument(TimeStampedModel):
    class Purpose(models.TextChoices):
        SKM = "skm", _("Satisfaction survey (SKM)")
        PERCEPTION = "perception", _("Perception study")
        PEKPPP_CITIZEN = "pekppp_citizen", _("PEKPPP citizen form")
        CHECKLIST = "checklist", _("Checklist")

    code = models.SlugField(_("code"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    description = models.TextField(_("description"), blank=True)
    owner_unit = models.ForeignKey(
        "organisations.ServiceUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="instruments",
        verbose_name=_("owner unit"),
        help_text=_("Empty for a national template."),
    )

    class Meta:
        verbose_name = _("instrument")
        verbose_name_plural = _("instruments")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class InstrumentVersion(TimeStampedModel):
    """A frozen set of questions. Once answers exist a change makes a new version, so results never
    mix versions."""

    instrument = models.ForeignKey(
        Instrument, on_delete=models.PROTECT, related_name="versions", verbose_name=_("instrument")
    )
    number = models.PositiveSmallIntegerField(_("version"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("instrument version")
        verbose_name_plural = _("instrument versions")
        ordering = ["instrument", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["instrument", "number"], name="surveys_version_unique_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.instrument} v{self.number}"

    @property
    def has_responses(self) -> bool:
        return Response.objects.filter(version=self).exists()


class Section(models.Model):
    class Kind(models.TextChoices):
        SCORED = "scored", _("Scored questions")
        DEMOGRAPHICS = "demographics", _("About the respondent")
        FEEDBACK = "feedback", _("Suggestions")

    version = models.ForeignKey(
        InstrumentVersion, on_delete=models.CASCADE, related_name="sections"
    )
    position = models.PositiveSmallIntegerField(_("position"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "position"], name="surveys_section_unique_position"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def shown_title(self) -> str:
        return _in_language(self.title, self.title_en)


class Item(models.Model):
    """One question. ``key`` is the stable identity (results and imports key on it, never on
    position); ``code`` is the label shown (U1…U9 in questionnaire order)."""

    class Kind(models.TextChoices):
        SCORED = "scored", _("Scored choice")
        CHOICE = "choice", _("Choice")
        NUMBER = "number", _("Number")
        TEXT = "text", _("Free text")
        YES_NO = "yes_no", _("Yes or no")
        # A checklist's item (issue 21): yes, no, or not applicable to what was observed.
        YES_NO_NA = "yes_no_na", _("Yes, no or not applicable")

    version = models.ForeignKey(InstrumentVersion, on_delete=models.CASCADE, related_name="items")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="items")
    key = models.SlugField(_("key"), max_length=60)
    code = models.CharField(_("code"), max_length=20)
    position = models.PositiveSmallIntegerField(_("position"))
    text = models.CharField(_("question"), max_length=500)
    text_en = models.CharField(_("question in English"), max_length=500, blank=True)
    short_label = models.CharField(_("short label"), max_length=100, blank=True)
    short_label_en = models.CharField(_("short label in English"), max_length=100, blank=True)
    help_text = models.CharField(_("help text"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    required = models.BooleanField(_("required"), default=True)
    reverse_scored = models.BooleanField(_("reverse-scored"), default=False)
    min_value = models.IntegerField(_("minimum"), null=True, blank=True)
    max_value = models.IntegerField(_("maximum"), null=True, blank=True)
    weight = models.PositiveSmallIntegerField(
        _("weight"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("How much the item counts in a checklist's score (1 to 100)."),
    )
    other_value = models.SmallIntegerField(
        _("value of 'other'"),
        null=True,
        blank=True,
        help_text=_("The option whose choice asks the respondent to write what it is."),
    )

    class Meta:
        ordering = ["section__position", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="surveys_item_unique_key"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.short_label or self.text}"

    @property
    def shown_text(self) -> str:
        return _in_language(self.text, self.text_en)

    @property
    def shown_label(self) -> str:
        return _in_language(self.short_label or self.text, self.short_label_en or self.text_en)


class CheckAnswer(models.IntegerChoices):
    """The values of a ``YES_NO_NA`` item's answer (a ``YES_NO`` item uses 1 and 0 too)."""

    YES = 1, _("Yes")
    NO = 0, _("No")
    NOT_APPLICABLE = -1, _("Not applicable")


class ItemOption(models.Model):
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="options")
    value = models.SmallIntegerField(_("value"))
    label = models.CharField(_("label"), max_length=200)
    label_en = models.CharField(_("label in English"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(_("position"))
    icon = models.CharField(_("pictogram"), max_length=30, blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["item", "value"], name="surveys_option_unique_value")
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def shown_label(self) -> str:
        return _in_language(self.label, self.label_en)


def _collection_token() -> str:
    return secrets.token_urlsafe(9)


class Collection(TimeStampedModel):
    """One round of answers to one instrument version for one unit (an SKM period, a study group)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    version = models.ForeignKey(
        InstrumentVersion,
        on_delete=models.PROTECT,
        related_name="collections",
        verbose_name=_("instrument version"),
    )
    unit = models.ForeignKey(
        "organisations.ServiceUnit",
        on_delete=models.CASCADE,
        related_name="collections",
        verbose_name=_("service unit"),
    )
    token = models.CharField(
        _("public code"), max_length=20, unique=True, default=_collection_token
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )

    class Meta:
        verbose_name = _("collection")
        verbose_name_plural = _("collections")

    def __str__(self) -> str:
        return f"{self.unit} · {self.version}"


class ImportBatch(models.Model):
    """One file imported into a collection: who, when, which file (SHA-256), how many rows, and
    whether it was undone. Every imported response points at its batch, so an import can be
    undone as a whole, and the same file cannot be imported twice (issue 16)."""

    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="imports")
    file_name = models.CharField(_("file"), max_length=200)
    sha256 = models.CharField(_("fingerprint (SHA-256)"), max_length=64)
    rows = models.PositiveIntegerField(_("rows"))
    created_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("imported by"),
    )
    undone_at = models.DateTimeField(_("undone at"), null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("undone by"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["collection", "sha256"],
                condition=models.Q(undone_at__isnull=True),
                name="surveys_import_file_once",
                violation_error_message=_("This file has already been imported."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.rows})"


class Response(models.Model):
    class Source(models.TextChoices):
        WEB = "web", _("Online")
        KIOSK = "kiosk", _("Kiosk")
        PAPER = "paper", _("Paper, entered by an officer")
        IMPORT = "import", _("Imported file")
        ASSISTED = "assisted", _("Online, helped by an officer")

    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="responses")
    version = models.ForeignKey(InstrumentVersion, on_delete=models.PROTECT, related_name="+")
    service = models.ForeignKey(
        "organisations.Service",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("service"),
    )
    number = models.CharField(_("receipt number"), max_length=20, unique=True)
    submitted_at = models.DateTimeField(_("submitted at"), db_index=True)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("entered by"),
    )
    submission_token = models.UUIDField(_("submission token"), unique=True)
    fingerprint = models.CharField(max_length=64, db_index=True, blank=True)
    batch = models.ForeignKey(
        ImportBatch,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="responses",
        verbose_name=_("import"),
    )

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        indexes = [models.Index(fields=["collection", "service"], name="surveys_resp_coll_service")]

    def __str__(self) -> str:
        return self.number

    held = False  # an answer counted in the results (a HeldResponse is not, yet)


class HeldResponse(models.Model):
    """A public answer kept aside for the unit to review instead of being refused (issue 19): the
    same answers from the same device within 24 hours. A family sharing a phone, or an officer
    helping citizens on one tablet, sends such answers; so does someone stuffing the ballot. It is
    not counted in any result until the unit confirms it (it then becomes a ``Response`` with the
    same receipt number and time); a discarded one stays in the record."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        CONFIRMED = "confirmed", _("Confirmed and counted")
        DISCARDED = "discarded", _("Discarded")

    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="held")
    service = models.ForeignKey(
        "organisations.Service",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("service"),
    )
    number = models.CharField(_("receipt number"), max_length=20, unique=True)
    submission_token = models.UUIDField(_("submission token"), unique=True)
    fingerprint = models.CharField(max_length=64, db_index=True)
    source = models.CharField(_("source"), max_length=10, choices=Response.Source.choices)
    submitted_at = models.DateTimeField(_("submitted at"))
    # [[item id, value or null, text], …] as the form gave them
    answers = models.JSONField(_("answers"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    response = models.OneToOneField(
        Response, on_delete=models.SET_NULL, null=True, blank=True, related_name="held_as"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("answer held for review")
        verbose_name_plural = _("answers held for review")
        ordering = ["submitted_at", "id"]
        indexes = [models.Index(fields=["collection", "status"], name="surveys_held_coll_status")]

    def __str__(self) -> str:
        return self.number

    @property
    def held(self) -> bool:
        return True


class Answer(models.Model):
    """One answer. ``collection`` and ``service`` repeat the response's so that results aggregate
    over this one table with an index-only scan."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="+")
    service = models.ForeignKey(
        "organisations.Service", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="answers")
    value_int = models.SmallIntegerField(null=True, blank=True)
    value_text = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["response", "item"], name="surveys_answer_one_per_item"
            ),
            models.CheckConstraint(
                condition=Q(value_int__isnull=False) | ~Q(value_text=""),
                name="surveys_answer_not_empty",
            ),
        ]
        indexes = [
            models.Index(fields=["collection", "item", "value_int"], name="surveys_answer_agg"),
            models.Index(
                fields=["collection", "service", "item", "value_int"], name="surveys_answer_agg_svc"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item_id}={self.value_int if self.value_int is not None else self.value_text[:30]}"


class AnswerTally(models.Model):
    """How many answers of a collection gave each value of each item, per service.

    Kept in step with Answer by the services that save answers (same transaction), so results
    read a few hundred tally rows instead of grouping millions of answers on every page view.
    ``service_key`` is the service's id, or 0 for answers without a service.
    """

    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="+")
    service_key = models.BigIntegerField()
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="+")
    value_int = models.SmallIntegerField()
    count = models.BigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["collection", "service_key", "item", "value_int"],
                name="surveys_tally_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.item_id}={self.value_int}: {self.count}"


class ResponseTally(models.Model):
    """How many responses a collection has per service (``service_key`` 0 = none)."""

    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="+")
    service_key = models.BigIntegerField()
    count = models.BigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["collection", "service_key"], name="surveys_response_tally_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.collection_id}/{self.service_key}: {self.count}"


class RefusedSubmission(models.Model):
    """A counted, never silently dropped, refusal of a public submission."""

    class Reason(models.TextChoices):
        RATE_LIMITED = "rate_limited", _("Too many submissions from one device")
        DUPLICATE = "duplicate", _("Duplicate of a recent submission")
        BAD_CODE = "bad_code", _("Missing, unknown or used one-time code")
        CLOSED = "closed", _("The survey was not open")

    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="refusals")
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("refused submission")
        verbose_name_plural = _("refused submissions")
        indexes = [models.Index(fields=["collection", "reason"], name="surveys_refusal_reason")]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} · {self.at:%Y-%m-%d %H:%M}"


class AccessCode(models.Model):
    """A one-time code the officer hands out with a service transaction (receipt or QR)."""

    collection = models.ForeignKey(
        Collection, on_delete=models.CASCADE, related_name="access_codes"
    )
    code = models.CharField(_("code"), max_length=12)
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)
    response = models.OneToOneField(
        Response, on_delete=models.SET_NULL, null=True, blank=True, related_name="access_code"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["collection", "code"], name="surveys_code_unique_in_collection"
            )
        ]

    def __str__(self) -> str:
        return self.code
