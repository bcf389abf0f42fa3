from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InnovationsConfig(AppConfig):
    name = "pantau.innovations"
    label = "innovations"
    verbose_name = _("Innovation register")

    def ready(self) -> None:
        from pantau.common import audit

        from .models import Effect, EvidenceFile, Innovation

        audit.register(Innovation, unit_lookup="unit_id")
        audit.register(Effect, unit_lookup="innovation__unit_id")
        audit.register(EvidenceFile, unit_lookup="innovation__unit_id")
