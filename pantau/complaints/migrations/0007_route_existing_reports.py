"""The integrity category, and a queue for every report already in the table (issue 16).

Reports without a unit go to the nearest complaint coordinator up the tree of the government they
name, else to the national desk; postponed reports start their paused clock today."""

from django.db import migrations
from django.utils import timezone

from pantau.complaints.categories import install_integrity


def forwards(apps, schema_editor):
    install_integrity(apps.get_model("complaints", "Category"))
    Complaint = apps.get_model("complaints", "Complaint")
    Agency = apps.get_model("organisations", "Agency")
    Membership = apps.get_model("accounts", "Membership")
    parents = dict(Agency.objects.values_list("id", "parent_id"))
    coordinated = set(
        Membership.objects.filter(role="coordinator", agency__isnull=False).values_list(
            "agency_id", flat=True
        )
    )

    def nearest(agency_id):
        seen = 0
        while agency_id is not None and seen < 20:
            if agency_id in coordinated:
                return agency_id
            agency_id, seen = parents.get(agency_id), seen + 1
        return None

    for complaint in Complaint.objects.filter(unit__isnull=True).only("id", "agency_id"):
        holder = nearest(complaint.agency_id)
        Complaint.objects.filter(pk=complaint.pk).update(
            queue="coordinator" if holder else "national", queue_agency_id=holder
        )
    Complaint.objects.filter(status="postponed", postponed_on__isnull=True).update(
        postponed_on=timezone.localdate()
    )


class Migration(migrations.Migration):
    dependencies = [
        ("complaints", "0006_queues_integrity_and_paused_deadlines"),
        ("accounts", "0005_inspector_and_national_coordinator"),
        ("organisations", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
