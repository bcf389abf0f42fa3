from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pantau.events.models import WebhookDelivery, WebhookEndpoint

from .models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "user",
        "prefix",
        "can_write",
        "created_at",
        "last_used_at",
        "revoked_at",
    ]
    list_filter = ["can_write", ("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["name", "prefix", "user__username"]
    readonly_fields = ["user", "prefix", "key_hash", "created_at", "last_used_at"]
    filter_horizontal = ["units"]
    actions = ["revoke"]

    def has_add_permission(self, request) -> bool:
        return False  # tokens are made by their owners, who see the secret once

    @admin.action(description=_("Revoke the chosen tokens"))
    def revoke(self, request, queryset):
        queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(admin.ModelAdmin):
    list_display = ["url", "unit", "is_active", "created_by", "created_at"]
    list_filter = ["is_active"]
    search_fields = ["url", "unit__name"]
    exclude = ["secret"]
    readonly_fields = ["created_by"]


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "event", "endpoint", "status", "attempts", "response_code"]
    list_filter = ["status", "event__type"]
    readonly_fields = [f.name for f in WebhookDelivery._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False
