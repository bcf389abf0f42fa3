"""Account actions: two-factor sign-in set-up and removal, ending a user's other sessions."""

import logging

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

log = logging.getLogger("pantau.accounts")


@transaction.atomic
def start_totp_setup(*, actor) -> TOTPDevice:
    """An unconfirmed TOTP device for the user (reused until confirmed)."""
    device = TOTPDevice.objects.filter(user=actor, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=actor, name="Pantau", confirmed=False)
    return device


@transaction.atomic
def confirm_totp_device(*, actor, device: TOTPDevice) -> TOTPDevice:
    """Turn two-factor sign-in on with this device; every other session of the user ends (the
    caller keeps its own with ``update_session_auth_hash``)."""
    TOTPDevice.objects.filter(user=actor).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    end_sessions(actor=actor)
    log.warning("Two-factor sign-in turned on by user %s.", actor.pk)
    return device


@transaction.atomic
def disable_totp(*, actor) -> None:
    """Turn two-factor sign-in off; every other session of the user ends."""
    TOTPDevice.objects.filter(user=actor).delete()
    end_sessions(actor=actor)
    log.warning("Two-factor sign-in turned off by user %s.", actor.pk)


@transaction.atomic
def end_sessions(*, actor) -> None:
    """End every session of the user (a new session stamp)."""
    actor.new_session_stamp()
    actor.save(update_fields=["session_stamp"])
