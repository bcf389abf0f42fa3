from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "pantau.complaints"
    label = "complaints"
    verbose_name = _("Complaints and information requests")

    def ready(self) -> None:
        from pantau.common import audit

        from .models import Complaint

        audit.register(Complaint, unit_lookup="unit_id")
