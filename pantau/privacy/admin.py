from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Breach, PersonalDataAccess


@admin.register(Breach)
class BreachAdmin(admin.ModelAdmin):
    """The breach register: the system administrator records a breach and its notifications;
    the list shows each one's 3 × 24 hour deadline and whether a notification is overdue."""

    list_display = ["detected_at", "description", "subjects", "notify_by", "overdue"]
    list_filter = ["detected_at"]
    filter_horizontal = ["units"]
    readonly_fields = ["notify_by", "recorded_by"]
    fields = [
        "detected_at",
        "notify_by",
        "description",
        "data_affected",
        "subjects",
        "units",
        "measures",
        "subjects_notified_at",
        "authority_notified_at",
        "recorded_by",
    ]

    @admin.display(description=_("notify by"))
    def notify_by(self, obj):
        return obj.notify_by if obj and obj.detected_at else "—"

    @admin.display(boolean=True, description=_("notification overdue"))
    def overdue(self, obj):
        return obj.is_overdue()

    def save_model(self, request, obj, form, change):
        if not change:
            obj.recorded_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(PersonalDataAccess)
class PersonalDataAccessAdmin(admin.ModelAdmin):
    list_display = ["at", "actor", "unit", "kind", "record", "purpose"]
    list_filter = ["kind", "at"]
    search_fields = ["record", "actor__username"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # a log is not edited

    def has_delete_permission(self, request, obj=None):
        return False
