from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Indicator, Measurement, Target


class TargetInline(admin.TabularInline):  # type: ignore[type-arg]  # not subscriptable at run time
    model = Target
    extra = 0
    fields = ["starts_on", "ends_on", "value", "note", "set_by"]
    raw_id_fields = ["set_by"]


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "unit", "agency", "metric", "frequency", "direction", "is_active"]
    list_filter = ["metric", "frequency", "is_active"]
    search_fields = ["name", "unit__name", "agency__name"]
    raw_id_fields = ["unit", "agency", "service", "created_by"]
    inlines = [TargetInline]


@admin.register(Measurement)
class MeasurementAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "unit", "starts_on", "value", "entered_by"]
    search_fields = ["indicator__name", "unit__name"]
    raw_id_fields = ["indicator", "unit", "entered_by"]
    readonly_fields = ["evidence_name", "evidence_type", "evidence_size", "evidence_sha256"]
