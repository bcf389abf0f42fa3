import json

from django.contrib import admin, messages
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .models import Breach, PersonalDataAccess, SubjectRequest


@admin.register(Breach)
class BreachAdmin(admin.ModelAdmin):
    """The breach register: the system administrator records a breach and its notifications;
    the list shows each one's 3 × 24 hour deadline and whether a notification is overdue."""

    list_display = ["detected_at", "description", "subjects", "notify_by", "overdue"]
    list_filter = ["detected_at"]
    filter_horizontal = ["units"]
    readonly_fields = ["notify_by", "recorded_by"]
    fields = [
        "detected_at",
        "notify_by",
        "description",
        "data_affected",
        "subjects",
        "units",
        "measures",
        "subjects_notified_at",
        "authority_notified_at",
        "recorded_by",
    ]

    @admin.display(description=_("notify by"))
    def notify_by(self, obj):
        return obj.notify_by if obj and obj.detected_at else "—"

    @admin.display(boolean=True, description=_("notification overdue"))
    def overdue(self, obj):
        return obj.is_overdue()

    def save_model(self, request, obj, form, change):
        if not change:
            obj.recorded_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(PersonalDataAccess)
class PersonalDataAccessAdmin(admin.ModelAdmin):
    list_display = ["at", "actor", "unit", "kind", "record", "purpose"]
    list_filter = ["kind", "at"]
    search_fields = ["record", "actor__username"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False  # a log is not edited

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(SubjectRequest)
class SubjectRequestAdmin(admin.ModelAdmin):
    """Requests of people about their own data, handled by the system administrator: the due date
    is computed, the export is a JSON file of what Pantau holds about them (logged as an access),
    and erasure blanks their identity and contact on their reports and in their history."""

    list_display = ["received_at", "kind", "name", "email", "phone", "due_at", "status"]
    list_filter = ["status", "kind"]
    search_fields = ["name", "email", "phone"]
    readonly_fields = ["due_at", "handled_by"]
    actions = ["export_data", "erase_data"]

    @admin.action(description=_("Export the person's data (JSON)"))
    def export_data(self, request, queryset):
        exports = [services.export_person(actor=request.user, request=r) for r in queryset]
        queryset.update(handled_by=request.user)
        response = HttpResponse(
            json.dumps(exports, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="data-subject-{stamp}.json"'
        return response

    @admin.action(description=_("Erase the person's identity and contact on their reports"))
    def erase_data(self, request, queryset):
        changed = 0
        for subject_request in queryset.filter(kind=SubjectRequest.Kind.ERASURE):
            changed += services.erase_person(actor=request.user, request=subject_request)
            subject_request.handled_by = request.user
            subject_request.status = SubjectRequest.Status.DONE
            subject_request.outcome = (
                subject_request.outcome + f"\n{timezone.localtime():%Y-%m-%d %H:%M}: "
                f"{changed} reports"
            ).strip()
            subject_request.save()
        self.message_user(
            request,
            ngettext(
                "The identity was erased from %(count)d report.",
                "The identity was erased from %(count)d reports.",
                changed,
            )
            % {"count": changed},
            messages.SUCCESS,
        )
