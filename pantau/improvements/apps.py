from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImprovementsConfig(AppConfig):
    name = "pantau.improvements"
    label = "improvements"
    verbose_name = _("Improvement register")

    def ready(self) -> None:
        from pantau.common import audit

        from .models import Action, EvidenceFile

        audit.register(Action, unit_lookup="unit_id")
        audit.register(EvidenceFile, unit_lookup="action__unit_id")
