"""The webhook models move to pantau.events (issue 18, decision 0035): in the state only; the
tables stay, under their names, and pantau.events takes them over."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('api', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
        migrations.RemoveField(
            model_name='webhookendpoint',
            name='created_by',
        ),
        migrations.RemoveField(
            model_name='webhookendpoint',
            name='unit',
        ),
        migrations.DeleteModel(
            name='WebhookDelivery',
        ),
        migrations.DeleteModel(
            name='WebhookEndpoint',
        ),
            ],
            database_operations=[],
        ),
    ]
