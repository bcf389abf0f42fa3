from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import ItemNote, Visit


class ItemNoteInline(admin.TabularInline):  # type: ignore[type-arg]  # not subscriptable at run time
    model = ItemNote
    extra = 0
    fields = ("item", "note", "file_name", "content_type", "size", "sha256")
    readonly_fields = fields
    can_delete = False


@admin.register(Visit)
class VisitAdmin(SimpleHistoryAdmin):
    """Read-mostly: a submitted visit's answers are locked; visits are scheduled and entered on
    the staff pages, where the rules are checked."""

    list_display = ["unit", "kind", "planned_on", "status", "score", "observer"]
    list_filter = ["status", "kind"]
    search_fields = ["unit__name", "observer__username"]
    raw_id_fields = ["unit", "service", "collection", "observer", "scheduled_by", "response"]
    readonly_fields = ["score", "applicable_items", "failed_items", "submitted_at", "response"]
    inlines = [ItemNoteInline]
