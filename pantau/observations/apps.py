from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ObservationsConfig(AppConfig):
    name = "pantau.observations"
    label = "observations"
    verbose_name = _("Mystery shopping and observation checklists")
