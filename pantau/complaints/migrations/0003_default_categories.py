from django.db import migrations

from pantau.complaints.categories import install_defaults


def add_defaults(apps, schema_editor):
    install_defaults(apps.get_model("complaints", "Category"))


class Migration(migrations.Migration):
    dependencies = [("complaints", "0002_categories_duplicates_reminders")]

    operations = [migrations.RunPython(add_defaults, migrations.RunPython.noop)]
