from django.contrib import admin

from .models import (
    Collection,
    Instrument,
    InstrumentVersion,
    Item,
    ItemOption,
    RefusedSubmission,
    Section,
)


class ItemOptionInline(admin.TabularInline):
    model = ItemOption
    extra = 0


@admin.register(Item)
class ItemAdmin(admin.ModelAdmin):
    list_display = ["code", "key", "short_label", "kind", "version"]
    list_filter = ["kind"]
    search_fields = ["key", "text"]
    inlines = [ItemOptionInline]


class SectionInline(admin.TabularInline):
    model = Section
    extra = 0


@admin.register(InstrumentVersion)
class InstrumentVersionAdmin(admin.ModelAdmin):
    list_display = ["instrument", "number", "created_at"]
    inlines = [SectionInline]


@admin.register(Instrument)
class InstrumentAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "purpose", "owner_unit"]
    list_filter = ["purpose"]


@admin.register(Collection)
class CollectionAdmin(admin.ModelAdmin):
    list_display = ["unit", "version", "status", "token"]
    list_filter = ["status"]
    readonly_fields = ["token"]


@admin.register(RefusedSubmission)
class RefusedSubmissionAdmin(admin.ModelAdmin):
    list_display = ["collection", "reason", "at"]
    list_filter = ["reason"]
