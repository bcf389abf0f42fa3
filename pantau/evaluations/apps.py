from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationsConfig(AppConfig):
    name = "pantau.evaluations"
    label = "evaluations"
    verbose_name = _("Performance evaluation (PEKPPP)")

    def ready(self) -> None:
        from pantau.common import audit

        from .models import Recommendation, Score, SelfAssessment

        audit.register(SelfAssessment, unit_lookup="lokus__unit_id")
        audit.register(Score, unit_lookup="lokus__unit_id")
        audit.register(Recommendation, unit_lookup="lokus__unit_id")
