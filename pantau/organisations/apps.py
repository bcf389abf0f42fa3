from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "pantau.organisations"
    label = "organisations"
    verbose_name = _("Organisations")

    def ready(self) -> None:
        from pantau.common import audit

        from .models import ContactChannel, OpeningHours, Service, ServiceUnit

        audit.register(ServiceUnit, unit_lookup="id")
        audit.register(Service, unit_lookup="unit_id")
        audit.register(OpeningHours, unit_lookup="unit_id")
        audit.register(ContactChannel, unit_lookup="unit_id")
