"""Load the two PEKPPP instrument versions and the F-03 citizen form (see instruments.py)."""

from django.db import migrations


def load(apps, schema_editor):
    from pantau.evaluations.instruments import load_instruments

    load_instruments(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("evaluations", "0001_initial"),
        ("surveys", "0001_initial"),
    ]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
