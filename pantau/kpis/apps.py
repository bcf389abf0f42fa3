from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KpisConfig(AppConfig):
    name = "pantau.kpis"
    label = "kpis"
    verbose_name = _("Unit KPIs")

    def ready(self) -> None:
        from pantau.common import audit

        from .models import Indicator, Measurement, Target

        audit.register(Indicator, unit_lookup="unit_id")
        audit.register(Target, unit_lookup="indicator__unit_id")
        audit.register(Measurement, unit_lookup="unit_id")
