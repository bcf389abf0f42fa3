from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PersonalDataAccess(models.Model):
    """One look by staff at a person's identity or contact, or one export of personal data
    (UU 27/2022: the controller can show who processed what). Written by
    ``services.log_personal_data_access``; read by the unit head."""

    class Kind(models.TextChoices):
        VIEW = "view", _("Viewed")
        EXPORT = "export", _("Exported")

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    unit = models.ForeignKey(
        "organisations.ServiceUnit",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("unit"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    record = models.CharField(_("record"), max_length=80)  # e.g. a tracking number
    purpose = models.CharField(_("purpose"), max_length=200)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["unit", "-at"])]
        verbose_name = _("access to personal data")
        verbose_name_plural = _("accesses to personal data")

    def __str__(self) -> str:
        return f"{self.record} ({self.kind})"


BREACH_NOTICE_HOURS = 72  # UU 27/2022 Pasal 46: written notice within 3 × 24 hours


class Breach(models.Model):
    """A personal data breach and its notifications (UU 27/2022 Pasal 46): the subjects and the
    authority are told in writing within 3 × 24 hours of the breach being known."""

    detected_at = models.DateTimeField(_("known since"))
    description = models.TextField(_("what happened"))
    data_affected = models.TextField(_("personal data affected"))
    subjects = models.PositiveIntegerField(_("people affected (estimate)"), default=0)
    units = models.ManyToManyField(
        "organisations.ServiceUnit", blank=True, related_name="+", verbose_name=_("units")
    )
    measures = models.TextField(_("measures taken"), blank=True)
    subjects_notified_at = models.DateTimeField(_("people notified at"), null=True, blank=True)
    authority_notified_at = models.DateTimeField(_("authority notified at"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        ordering = ["-detected_at"]
        verbose_name = _("personal data breach")
        verbose_name_plural = _("personal data breaches")

    def __str__(self) -> str:
        return f"{self.detected_at:%Y-%m-%d %H:%M}: {self.description[:60]}"

    @property
    def notify_by(self):
        from datetime import timedelta

        return self.detected_at + timedelta(hours=BREACH_NOTICE_HOURS)

    def is_overdue(self, now=None) -> bool:
        """A notification still missing after the deadline."""
        from django.utils import timezone

        now = now or timezone.now()
        missing = self.subjects_notified_at is None or self.authority_notified_at is None
        return missing and now > self.notify_by


class SubjectRequest(models.Model):
    """A person's request about their own data (UU 27/2022 Pasal 5 to 13): to see it, have it
    corrected or erased. Handled on the administration site, with a due date."""

    class Kind(models.TextChoices):
        ACCESS = "access", _("Access (a copy of my data)")
        CORRECTION = "correction", _("Correction")
        ERASURE = "erasure", _("Erasure")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")
        REFUSED = "refused", _("Refused, with the reason")

    kind = models.CharField(_("request"), max_length=12, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telephone"), max_length=32, blank=True)
    details = models.TextField(_("what the person asks"), blank=True)
    received_at = models.DateTimeField(_("received"))
    due_at = models.DateTimeField(_("answer due"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    outcome = models.TextField(_("what was done"), blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("handled by"),
    )

    class Meta:
        ordering = ["status", "due_at"]
        verbose_name = _("data subject request")
        verbose_name_plural = _("data subject requests")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.name or self.email or self.phone}"

    def save(self, *args, **kwargs):
        if not self.due_at:
            from datetime import timedelta

            self.due_at = self.received_at + timedelta(days=settings.PANTAU_SUBJECT_REQUEST_DAYS)
        super().save(*args, **kwargs)
