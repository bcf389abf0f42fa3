from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Action, EvidenceFile


class EvidenceFileInline(admin.TabularInline):  # type: ignore[type-arg]  # not subscriptable at run time
    model = EvidenceFile
    extra = 0
    fields = ("original_name", "content_type", "size", "sha256", "uploaded_by", "uploaded_at")
    readonly_fields = (
        "original_name",
        "content_type",
        "size",
        "sha256",
        "uploaded_by",
        "uploaded_at",
    )
    can_delete = False


@admin.register(Action)
class ActionAdmin(SimpleHistoryAdmin):
    list_display = ["title", "unit", "source", "due_on", "status", "is_public"]
    list_filter = ["status", "source", "is_public"]
    search_fields = ["title", "unit__name"]
    raw_id_fields = [
        "unit",
        "period",
        "category",
        "complaint",
        "recommendation",
        "agreement",
        "study",
        "owner",
        "planned_by",
    ]
    inlines = [EvidenceFileInline]
