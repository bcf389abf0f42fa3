from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Events below the domains (issue 18): a domain service emits an event (``emit``); the
    units' webhook endpoints receive it, signed, through ``tasks.deliver_webhook``. No domain
    imports an interface (``pantau.api``) to say that something happened."""

    name = "pantau.events"
    label = "events"
    verbose_name = _("Events and webhooks")
