"""Account actions: two-factor sign-in set-up and removal."""

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice


@transaction.atomic
def start_totp_setup(*, actor) -> TOTPDevice:
    """An unconfirmed TOTP device for the user (reused until confirmed)."""
    device = TOTPDevice.objects.filter(user=actor, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=actor, name="Pantau", confirmed=False)
    return device


@transaction.atomic
def confirm_totp_device(*, actor, device: TOTPDevice) -> TOTPDevice:
    TOTPDevice.objects.filter(user=actor).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return device


@transaction.atomic
def disable_totp(*, actor) -> None:
    TOTPDevice.objects.filter(user=actor).delete()
