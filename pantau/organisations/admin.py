from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Agency, ContactChannel, OpeningHours, Service, ServiceMall, ServiceUnit
from .services import refresh_search_documents

# The directory's search documents hold names from units, agencies, malls and services: a change
# made here refreshes the documents it touches, as the services do for the pages' changes.


@admin.register(Agency)
class AgencyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "parent", "region_code"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name", "region_code"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        refresh_search_documents(agency_ids=[obj.pk])


@admin.register(ServiceMall)
class ServiceMallAdmin(admin.ModelAdmin):
    list_display = ["name", "host_agency"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["host_agency"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        refresh_search_documents(mall_ids=[obj.pk])


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
    list_display = ["name", "agency", "mall", "city", "province", "sipp_code", "is_active"]
    list_filter = ["is_active", "province"]
    search_fields = ["name", "agency__name", "city", "sipp_code"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["agency", "mall"]
    inlines = [OpeningHoursInline, ContactChannelInline, ServiceInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        refresh_search_documents(unit_ids=[form.instance.pk])


@admin.register(Service)
class ServiceAdmin(SimpleHistoryAdmin):
    list_display = ["name", "unit", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "unit__name"]
    autocomplete_fields = ["unit"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        moved_from = form.initial.get("unit") if change else None  # a service moved to another unit
        refresh_search_documents(unit_ids={obj.unit_id, *([moved_from] if moved_from else [])})

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        refresh_search_documents(unit_ids=[obj.unit_id])

    def delete_queryset(self, request, queryset):
        unit_ids = set(queryset.values_list("unit_id", flat=True))
        super().delete_queryset(request, queryset)
        refresh_search_documents(unit_ids=unit_ids)
