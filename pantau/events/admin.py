from django.contrib import admin

from .models import Event


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    """Stored events, read only: they are what happened (issue 20)."""

    list_display = ["created_at", "type", "unit", "uuid"]
    list_filter = ["type"]
    search_fields = ["uuid", "unit__slug"]
    readonly_fields = [f.name for f in Event._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
