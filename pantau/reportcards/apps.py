from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportCardsConfig(AppConfig):
    name = "pantau.reportcards"
    label = "reportcards"
    verbose_name = _("Report cards")

    def ready(self) -> None:
        from pantau.common import audit

        from .models import ReportCard

        audit.register(ReportCard, unit_lookup="unit_id")
