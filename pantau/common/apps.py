from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommonConfig(AppConfig):
    name = "pantau.common"
    label = "common"
    verbose_name = _("Common")

    def ready(self):
        from . import checks, httpcache, memo  # noqa: F401  (checks registers itself)

        memo.connect_signals()
        httpcache.connect_signals()
