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
