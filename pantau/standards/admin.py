from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Forum, Maklumat, Publication, StandardVersion


@admin.register(StandardVersion)
class StandardVersionAdmin(SimpleHistoryAdmin):
    list_display = ["service", "number", "status", "decree_number", "decree_date"]
    list_filter = ["status"]
    search_fields = ["service__name", "decree_number"]
    raw_id_fields = ["service", "forum", "set_by", "created_by"]

    def get_readonly_fields(self, request, obj=None):
        # A set version is immutable here too: the administrator reads it, never changes it.
        if obj is not None and not obj.is_editable:
            return [field.name for field in obj._meta.fields]
        return super().get_readonly_fields(request, obj)

    def has_delete_permission(self, request, obj=None):
        return obj is None or obj.is_editable


@admin.register(Maklumat)
class MaklumatAdmin(SimpleHistoryAdmin):
    list_display = ["unit", "number", "status", "set_on"]
    raw_id_fields = ["unit", "published_by"]


@admin.register(Forum)
class ForumAdmin(SimpleHistoryAdmin):
    list_display = ["title", "unit", "held_on", "status"]
    raw_id_fields = ["unit"]


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin):
    list_display = ["unit", "subject", "medium", "published_on"]
    list_filter = ["subject", "medium"]
    raw_id_fields = ["unit", "standard", "maklumat", "skm_period", "recorded_by"]
