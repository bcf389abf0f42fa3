from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """Public pages. Owns no models; reads through the other apps' selectors."""

    name = "pantau.portal"
    label = "portal"
    verbose_name = _("Public portal")
