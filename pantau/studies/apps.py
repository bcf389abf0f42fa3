from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StudiesConfig(AppConfig):
    name = "pantau.studies"
    label = "studies"
    verbose_name = _("Perception studies")

    def ready(self) -> None:
        from pantau.common import audit

        from .models import Study

        audit.register(Study, unit_lookup="unit_id")
