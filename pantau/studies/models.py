"""New Public Service perception studies: an instrument answered by respondent groups of a unit."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pantau.common.models import TimeStampedModel


class Study(TimeStampedModel):
    """A perception study of one service unit over a period, answered by respondent groups."""

    unit = models.ForeignKey(
        "organisations.ServiceUnit",
        on_delete=models.CASCADE,
        related_name="studies",
        verbose_name=_("service unit"),
    )
    title = models.CharField(_("title"), max_length=200)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("created by"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("perception study")
        verbose_name_plural = _("perception studies")
        ordering = ["-starts_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="studies_study_period_order",
            )
        ]

    def __str__(self) -> str:
        return self.title


class RespondentGroup(models.Model):
    """One group answering a study (recipients, providers) in one of its units, through its own
    collection: each unit has its own link and QR code, and its officers answer into its group.
    Results pool a role's groups, or read one unit's."""

    class Role(models.TextChoices):
        RECIPIENT = "recipient", _("Service recipients")
        PROVIDER = "provider", _("Service providers")

    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="groups")
    role = models.CharField(_("group"), max_length=10, choices=Role.choices)
    unit = models.ForeignKey(
        "organisations.ServiceUnit",
        on_delete=models.CASCADE,
        related_name="study_groups",
        verbose_name=_("service unit"),
    )
    collection = models.OneToOneField(
        "surveys.Collection",
        on_delete=models.PROTECT,
        related_name="study_group",
        verbose_name=_("collection"),
    )
    target_sample = models.PositiveIntegerField(_("target sample"))

    class Meta:
        ordering = ["study", "role", "unit__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["study", "role", "unit"], name="studies_group_unique_role_unit"
            )
        ]

    def __str__(self) -> str:
        return f"{self.study} · {self.get_role_display()} · {self.unit}"


class ProviderParticipation(models.Model):
    """That an officer answered (not what: the answers stay anonymous), so each answers once."""

    group = models.ForeignKey(
        RespondentGroup, on_delete=models.CASCADE, related_name="participations"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    answered_at = models.DateTimeField(_("answered at"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="studies_one_answer_per_officer")
        ]

    def __str__(self) -> str:
        return f"{self.group_id}/{self.user_id}"


def _invitation_token() -> str:
    import secrets

    return secrets.token_urlsafe(18)


class ProviderInvitation(models.Model):
    """A one-time link for one officer to answer the providers' form without signing in."""

    group = models.ForeignKey(RespondentGroup, on_delete=models.CASCADE, related_name="invitations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("officer"),
    )
    token = models.CharField(max_length=40, unique=True, default=_invitation_token)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["group", "user"], name="studies_one_invitation_per_officer"
            )
        ]

    def __str__(self) -> str:
        return f"{self.group_id}/{self.user_id}"
