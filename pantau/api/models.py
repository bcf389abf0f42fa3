"""API tokens (per user, with scopes; or an agency's read-only integration token). Webhooks live
in pantau.events."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pantau.common.models import TimeStampedModel


class ApiToken(TimeStampedModel):
    """A personal key for the API. Only a SHA-256 hash of the secret is stored; the secret is
    shown once when the token is created. ``units`` empty = every unit the user reaches; the token
    never reaches more than its user does.

    An integration token (``kind`` integration, issue 20) belongs to an agency, or with no agency
    to the national level: a connector (SP4N-LAPOR!, SIPP) reads with it the complaints, SKM
    results and PEKPPP results of every unit in that agency's tree, without reporters' personal
    data, and nothing else (``pantau.api.integration``). ``user`` is then who issued it; it
    never writes and never acts as that user."""

    class Kind(models.TextChoices):
        PERSONAL = "personal", _("Personal")
        INTEGRATION = "integration", _("Integration (agency, read-only)")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.PERSONAL)
    agency = models.ForeignKey(
        "organisations.Agency",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="integration_tokens",
        verbose_name=_("agency"),
        help_text=_("An integration token's scope: this agency's tree; empty for national."),
    )
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
        constraints = [
            # A personal token has no agency; an integration token only reads.
            models.CheckConstraint(
                condition=Q(kind="personal", agency__isnull=True)
                | Q(kind="integration", can_write=False),
                name="api_token_kind_matches_scope",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    @property
    def is_integration(self) -> bool:
        return self.kind == self.Kind.INTEGRATION

    @property
    def scopes(self) -> list[str]:
        return ["read", "write"] if self.can_write else ["read"]


class IdempotentRequest(models.Model):
    """A write sent with an ``Idempotency-Key`` by a token, and the answer it got, so that the
    same key sent again within the window answers the same instead of acting twice
    (``pantau.api.idempotency``). ``status`` is null while the first request is running."""

    token = models.ForeignKey(ApiToken, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=200)
    request_hash = models.CharField(max_length=64)
    status = models.PositiveSmallIntegerField(null=True, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    body = models.BinaryField(blank=True)
    location = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["token", "key"], name="api_one_request_per_key")
        ]

    def __str__(self) -> str:
        return f"{self.token_id}:{self.key}"
