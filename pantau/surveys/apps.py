from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    """The one questionnaire engine: instruments, versions, sections, items, options, collections
    of responses and their answers. SKM, perception studies, the PEKPPP citizen form and checklists
    all use it; each module brings its own scoring."""

    name = "pantau.surveys"
    label = "surveys"
    verbose_name = _("Questionnaires")
