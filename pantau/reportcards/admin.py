from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import ReportCard


@admin.register(ReportCard)
class ReportCardAdmin(SimpleHistoryAdmin):
    list_display = ("unit", "year", "status", "ikm", "grade", "published_at")
    list_filter = ("status", "year")
    search_fields = ("unit__name",)
    # A published card is final (decision 0043): the admin shows it, never changes it.
    readonly_fields = ("figures", "computed_at", "published_at", "published_by", "prepared_by")

    def has_change_permission(self, request, obj=None) -> bool:
        if obj is not None and obj.is_published:
            return False
        return super().has_change_permission(request, obj)
