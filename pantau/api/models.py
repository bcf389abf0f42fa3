"""API tokens (per user, with scopes). Webhooks live in pantau.events."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from pantau.common.models import TimeStampedModel


class ApiToken(TimeStampedModel):
    """A personal key for the API. Only a SHA-256 hash of the secret is stored; the secret is
    shown once when the token is created. ``units`` empty = every unit the user reaches; the token
    never reaches more than its user does."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(max_length=12, unique=True)
    key_hash = models.CharField(max_length=64, unique=True)
    can_write = models.BooleanField(_("write"), default=False)
    units = models.ManyToManyField(
        "organisations.ServiceUnit", blank=True, related_name="+", verbose_name=_("units")
    )
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    @property
    def scopes(self) -> list[str]:
        return ["read", "write"] if self.can_write else ["read"]
