from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Effect, EvidenceFile, Innovation


class EvidenceFileInline(admin.TabularInline):  # type: ignore[type-arg]  # not subscriptable at run time
    model = EvidenceFile
    extra = 0
    fields = ("original_name", "description", "content_type", "size", "sha256", "uploaded_by")
    readonly_fields = fields
    can_delete = False


class EffectInline(admin.TabularInline):  # type: ignore[type-arg]  # not subscriptable at run time
    model = Effect
    extra = 0


@admin.register(Innovation)
class InnovationAdmin(SimpleHistoryAdmin):
    list_display = ["title", "unit", "stage", "is_public", "replicates"]
    list_filter = ["stage", "is_public"]
    search_fields = ["title", "unit__name"]
    raw_id_fields = ["unit", "owner", "replicates", "registered_by"]
    inlines = [EffectInline, EvidenceFileInline]
