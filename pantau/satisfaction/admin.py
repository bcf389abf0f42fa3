from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import SurveyPeriod


@admin.register(SurveyPeriod)
class SurveyPeriodAdmin(SimpleHistoryAdmin):
    list_display = ["unit", "kind", "year", "number", "population", "published_at"]
    list_filter = ["kind", "year"]
    search_fields = ["unit__name"]
    raw_id_fields = ["collection"]
