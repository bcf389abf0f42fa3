from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalyticsConfig(AppConfig):
    """Pure computations (IKM, sample sizes, later IPP and Likert statistics). No models."""

    name = "pantau.analytics"
    label = "analytics"
    verbose_name = _("Analytics")
