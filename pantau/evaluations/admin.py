"""Administrators edit instrument data here. A version a round has used (beyond set-up) is read-only;
the "new version" action copies it for changes, so results always name the version used."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from . import services
from .models import Aspect, Criterion, EvaluationInstrument, GradeBand, Indicator, Lokus, Round


class _FrozenWhenUsed:
    """Read-only once the instrument version is in use."""

    def _instrument(self, obj):
        return obj if isinstance(obj, EvaluationInstrument) else getattr(obj, "instrument", None)

    def has_change_permission(self, request, obj=None):
        instrument = self._instrument(obj) if obj is not None else None
        if instrument is not None and services.instrument_in_use(instrument):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        instrument = self._instrument(obj) if obj is not None else None
        if instrument is not None and services.instrument_in_use(instrument):
            return False
        return super().has_delete_permission(request, obj)


class AspectInline(_FrozenWhenUsed, admin.TabularInline):
    model = Aspect
    extra = 0
    fields = ["number", "name", "weight", "weight_confirmed", "expected_indicators"]


class GradeInline(_FrozenWhenUsed, admin.TabularInline):
    model = GradeBand
    extra = 0


@admin.register(EvaluationInstrument)
class EvaluationInstrumentAdmin(_FrozenWhenUsed, admin.ModelAdmin):
    list_display = ["name", "code", "number", "regulation", "indicators_available"]
    inlines = [AspectInline, GradeInline]
    actions = ["new_version"]

    @admin.action(description=_("Create a new version to change"))
    def new_version(self, request, queryset):
        for instrument in queryset:
            copy = services.revise_instrument(actor=request.user, instrument=instrument)
            self.message_user(
                request, _("Created %(version)s.") % {"version": copy}, messages.SUCCESS
            )


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0

    def has_change_permission(self, request, obj=None):
        if obj is not None and services.instrument_in_use(obj.aspect.instrument):
            return False
        return super().has_change_permission(request, obj)


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "aspect", "weight", "weight_confirmed", "scoring"]
    list_filter = ["aspect__instrument"]
    inlines = [CriterionInline]

    def has_change_permission(self, request, obj=None):
        if obj is not None and services.instrument_in_use(obj.aspect.instrument):
            return False
        return super().has_change_permission(request, obj)


@admin.register(Round)
class RoundAdmin(SimpleHistoryAdmin):
    list_display = ["name", "body", "year", "status", "instrument", "mode"]
    list_filter = ["status", "mode", "year"]
    search_fields = ["name", "body__name"]


@admin.register(Lokus)
class LokusAdmin(admin.ModelAdmin):
    list_display = ["unit", "round", "service_class", "ipp", "grade", "rank"]
    list_filter = ["round"]
    search_fields = ["unit__name"]
    raw_id_fields = ["unit", "citizen_collection"]
    filter_horizontal = ["evaluators"]
