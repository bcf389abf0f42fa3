"""Short messages to a citizen's contact: e-mail, SMS or WhatsApp, through a pluggable sender.

An address with "@" goes by e-mail (Django's ``EMAIL_BACKEND``). A telephone number goes through
``PANTAU_TEXT_BACKEND``, in the manner of Django's e-mail backends:

- ``pantau.common.notify.ConsoleText`` (the default, and the demo's): writes the message to the
  log, and keeps it in ``notify.outbox`` for tests, like Django's locmem e-mail backend;
- ``pantau.common.notify.HttpText``: POSTs ``{"to", "text", "channel"}`` as JSON to
  ``PANTAU_TEXT_URL`` with ``Authorization: Bearer PANTAU_TEXT_TOKEN``: the shape of the SMS and
  WhatsApp gateways Indonesian governments contract (a provider needing another shape gets a
  backend class of its own, named in the setting).

``channel`` is "sms" or "whatsapp"; a gateway that sends only one ignores it.
"""

from __future__ import annotations

import json
import logging
import re
import urllib.request
from typing import Protocol

from django.conf import settings
from django.core.mail import send_mail
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

outbox: list[dict[str, str]] = []  # what ConsoleText sent, for tests


class TextBackend(Protocol):
    def send(self, *, to: str, text: str, channel: str) -> None: ...


class ConsoleText:
    def send(self, *, to: str, text: str, channel: str) -> None:
        outbox.append({"to": to, "text": text, "channel": channel})
        logger.info("%s to %s: %s", channel, to, text)


class HttpText:
    def send(self, *, to: str, text: str, channel: str) -> None:
        request = urllib.request.Request(  # noqa: S310 - an https URL from the settings
            settings.PANTAU_TEXT_URL,
            data=json.dumps({"to": to, "text": text, "channel": channel}).encode(),
            headers={
                "Authorization": f"Bearer {settings.PANTAU_TEXT_TOKEN}",
                "Content-Type": "application/json",
            },
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=10):  # noqa: S310 - raises on 4xx/5xx
            pass


def phone_digits(number: str) -> str:
    """An Indonesian number in one form (62…): 0812-3456-7890, +62 812 3456 7890 and
    6281234567890 are the same telephone."""
    digits = re.sub(r"\D", "", number)
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    return digits


def send(*, to: str, subject: str, text: str, channel: str = "sms") -> None:
    """Send ``text`` to an e-mail address or a telephone number."""
    if "@" in to:
        send_mail(subject=subject, message=text, from_email=None, recipient_list=[to])
        return
    backend: TextBackend = import_string(settings.PANTAU_TEXT_BACKEND)()
    backend.send(to=phone_digits(to), text=text, channel=channel)
