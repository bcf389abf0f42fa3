from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Agency, ContactChannel, OpeningHours, Service, ServiceMall, ServiceUnit


@admin.register(Agency)
class AgencyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "parent"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]


@admin.register(ServiceMall)
class ServiceMallAdmin(admin.ModelAdmin):
    list_display = ["name", "host_agency"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["host_agency"]


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0


class ContactChannelInline(admin.TabularInline):
    model = ContactChannel
    extra = 0


class ServiceInline(admin.TabularInline):
    model = Service
    extra = 0
    prepopulated_fields = {"slug": ["name"]}


@admin.register(ServiceUnit)
class ServiceUnitAdmin(SimpleHistoryAdmin):
    list_display = ["name", "agency", "mall", "city", "province", "is_active"]
    list_filter = ["is_active", "province"]
    search_fields = ["name", "agency__name", "city"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["agency", "mall"]
    inlines = [OpeningHoursInline, ContactChannelInline, ServiceInline]


@admin.register(Service)
class ServiceAdmin(SimpleHistoryAdmin):
    list_display = ["name", "unit", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "unit__name"]
    autocomplete_fields = ["unit"]
