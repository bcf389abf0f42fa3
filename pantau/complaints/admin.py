from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Category, Complaint, DayOff, DeadlinePolicy


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "agency", "position", "is_active"]
    list_filter = ["is_active", "agency"]
    search_fields = ["name", "code"]
    autocomplete_fields = ["agency"]


@admin.register(DeadlinePolicy)
class DeadlinePolicyAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "service",
        "verify_working_days",
        "response_working_days",
        "resolution_days",
        "requires_disposal",
    ]
    autocomplete_fields = ["agency"]
    raw_id_fields = ["service"]


@admin.register(DayOff)
class DayOffAdmin(admin.ModelAdmin):
    list_display = ["day", "name", "agency"]
    list_filter = ["agency"]
    autocomplete_fields = ["agency"]


@admin.register(Complaint)
class ComplaintAdmin(SimpleHistoryAdmin):
    list_display = ["tracking_number", "kind", "unit", "status", "created_at"]
    list_filter = ["status", "kind", "channel"]
    search_fields = ["tracking_number", "subject"]
    exclude = ["access_code_hash", "submission_token"]
    readonly_fields = ["tracking_number"]
    raw_id_fields = ["unit", "service", "agency", "assigned_to", "entered_by"]
