"""Anonymous reports keep no identity (decision 0025): blank what earlier versions stored, in the
reports and in every historical version of them."""

from django.db import migrations

BLANK = {"reporter_name": "", "reporter_email": "", "reporter_phone": ""}


def blank_anonymous_identities(apps, schema_editor):
    Complaint = apps.get_model("complaints", "Complaint")
    HistoricalComplaint = apps.get_model("complaints", "HistoricalComplaint")
    ids = list(Complaint.objects.filter(anonymous=True).values_list("pk", flat=True))
    Complaint.objects.filter(pk__in=ids).update(**BLANK)
    HistoricalComplaint.objects.filter(id__in=ids).update(**BLANK)
    HistoricalComplaint.objects.filter(anonymous=True).update(**BLANK)


class Migration(migrations.Migration):
    dependencies = [("complaints", "0003_default_categories")]

    operations = [migrations.RunPython(blank_anonymous_identities, migrations.RunPython.noop)]
