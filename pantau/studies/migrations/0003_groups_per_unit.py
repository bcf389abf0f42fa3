import django.db.models.deletion
from django.db import migrations, models


def fill_units(apps, schema_editor):
    RespondentGroup = apps.get_model("studies", "RespondentGroup")
    for group in RespondentGroup.objects.select_related("study"):
        group.unit_id = group.study.unit_id
        group.save(update_fields=["unit"])


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0001_initial"),
        ("studies", "0002_provider_invitations"),
    ]

    operations = [
        migrations.AddField(
            model_name="respondentgroup",
            name="unit",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="study_groups",
                to="organisations.serviceunit",
                verbose_name="service unit",
            ),
        ),
        migrations.RunPython(fill_units, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="respondentgroup",
            name="unit",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="study_groups",
                to="organisations.serviceunit",
                verbose_name="service unit",
            ),
        ),
        migrations.RemoveConstraint(
            model_name="respondentgroup",
            name="studies_group_unique_role",
        ),
        migrations.AlterModelOptions(
            name="respondentgroup",
            options={"ordering": ["study", "role", "unit__name"]},
        ),
        migrations.AddConstraint(
            model_name="respondentgroup",
            constraint=models.UniqueConstraint(
                fields=("study", "role", "unit"), name="studies_group_unique_role_unit"
            ),
        ),
    ]
