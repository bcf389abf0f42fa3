import secrets

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from pantau.common.models import TimeStampedModel


class User(AbstractUser):
    """A staff member. Citizens need no account.

    ``is_superuser`` marks the system administrator; every other role is a Membership.
    """

    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("telephone"), max_length=32, blank=True)
    # Part of every session's check value (with the password hash): a new stamp ends every
    # session of the user at once, e.g. when two-factor sign-in is turned on or off.
    session_stamp = models.CharField(max_length=32, blank=True, editable=False)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                condition=~Q(email=""),
                name="accounts_user_email_unique_ci",
                violation_error_message=_("Another user already has this e-mail address."),
            )
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def _get_session_auth_hash(self, secret=None):
        if not self.session_stamp:  # as Django computes it: sessions from before stay valid
            return super()._get_session_auth_hash(secret=secret)
        return salted_hmac(
            "pantau.accounts.User.session_auth_hash",
            f"{self.password}${self.session_stamp}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()

    def new_session_stamp(self) -> None:
        """Change the stamp (the caller saves): every existing session of the user ends."""
        self.session_stamp = secrets.token_hex(16)


class Role(models.TextChoices):
    EVALUATOR = "evaluator", _("Evaluator")
    AGENCY_HEAD = "agency_head", _("Agency head")
    UNIT_HEAD = "unit_head", _("Unit head")
    UNIT_OFFICER = "unit_officer", _("Unit officer")
    COORDINATOR = "coordinator", _("Complaint coordinator")
    INSPECTOR = "inspector", _("Internal supervisor (APIP / Inspektorat)")


UNIT_ROLES = (Role.UNIT_HEAD, Role.UNIT_OFFICER)
AGENCY_ROLES = (Role.EVALUATOR, Role.AGENCY_HEAD, Role.COORDINATOR, Role.INSPECTOR)


class Membership(TimeStampedModel):
    """A role a user holds in one service unit or over one agency's tree.

    Unit roles (unit head, officer) name a unit. Agency roles name an agency and reach every
    unit of that agency and of the agencies below it. An evaluator or complaint coordinator
    membership without an agency has national scope (the ministry's team, the national
    SP4N-LAPOR! desk that receives what no regional coordinator can). An inspector (APIP /
    Inspektorat) receives the integrity reports of the agency's tree.
    """

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    unit = models.ForeignKey(
        "organisations.ServiceUnit",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("service unit"),
    )
    agency = models.ForeignKey(
        "organisations.Agency",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("agency"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        role__in=[r.value for r in UNIT_ROLES],
                        unit__isnull=False,
                        agency__isnull=True,
                    )
                    | Q(
                        role__in=[Role.AGENCY_HEAD, Role.INSPECTOR],
                        agency__isnull=False,
                        unit__isnull=True,
                    )
                    | Q(role__in=[Role.EVALUATOR, Role.COORDINATOR], unit__isnull=True)
                ),
                name="accounts_membership_scope_matches_role",
                violation_error_message=_(
                    "Unit roles need a service unit; agency heads and inspectors need an agency; "
                    "evaluators and coordinators need an agency or none for national scope."
                ),
            ),
            models.UniqueConstraint(
                fields=["user", "role", "unit"],
                condition=Q(unit__isnull=False),
                name="accounts_membership_unique_unit_role",
            ),
            models.UniqueConstraint(
                fields=["user", "role", "agency"],
                condition=Q(agency__isnull=False),
                name="accounts_membership_unique_agency_role",
            ),
        ]

    def __str__(self) -> str:
        scope = self.unit or self.agency or _("national")
        return f"{self.user} · {self.get_role_display()} · {scope}"
