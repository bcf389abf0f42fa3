from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StandardsConfig(AppConfig):
    name = "pantau.standards"
    label = "standards"
    verbose_name = _("Service standards, pledges and forums")

    def ready(self) -> None:
        from pantau.common import audit

        from .models import Forum, Maklumat, StandardVersion

        audit.register(StandardVersion, unit_lookup="service__unit_id")
        audit.register(Maklumat, unit_lookup="unit_id")
        audit.register(Forum, unit_lookup="unit_id")
