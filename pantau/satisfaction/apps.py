from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SatisfactionConfig(AppConfig):
    name = "pantau.satisfaction"
    label = "satisfaction"
    verbose_name = _("Satisfaction surveys (SKM)")

    def ready(self) -> None:
        from pantau.common import audit

        from .models import SurveyPeriod

        audit.register(SurveyPeriod, unit_lookup="unit_id")
        from pantau.surveys.models import ImportBatch

        # Every file imported (and undone) shows in the unit's audit trail (issue 16).
        audit.register(ImportBatch, unit_lookup="collection__unit_id")
