"""The webhook models, taken over from pantau.api with their tables (issue 18, decision 0035):
the state is created here; the tables exist since api 0001. Their content types move with them,
so permissions and admin log entries keep pointing at them."""

import django.db.models.deletion
import uuid
from django.conf import settings
from django.db import migrations, models


def _move_content_types(apps, schema_editor):
    content_type = apps.get_model("contenttypes", "ContentType")
    content_type.objects.filter(
        app_label="api", model__in=["webhookendpoint", "webhookdelivery"]
    ).update(app_label="events")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('api', '0002_webhooks_move_to_events'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('organisations', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(_move_content_types, migrations.RunPython.noop),
        migrations.SeparateDatabaseAndState(
            state_operations=[
        migrations.CreateModel(
            name='WebhookEndpoint',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                ('url', models.URLField(max_length=400, verbose_name='address (HTTPS)')),
                ('secret', models.CharField(max_length=64)),
                ('events', models.JSONField(default=list, verbose_name='events')),
                ('is_active', models.BooleanField(default=True, verbose_name='active')),
                ('created_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='webhooks', to='organisations.serviceunit', verbose_name='service unit')),
            ],
            options={
                'verbose_name': 'webhook',
                'verbose_name_plural': 'webhooks',
                'db_table': 'api_webhookendpoint',
                'ordering': ['unit', 'url'],
            },
        ),
        migrations.CreateModel(
            name='WebhookDelivery',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('event_id', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('event', models.CharField(choices=[('complaint.created', 'New report'), ('complaint.status_changed', 'Report status changed'), ('skm.result_published', 'SKM result published')], max_length=40, verbose_name='event')),
                ('payload', models.JSONField()),
                ('status', models.CharField(choices=[('pending', 'Waiting'), ('delivered', 'Delivered'), ('failed', 'Failed')], default='pending', max_length=10, verbose_name='status')),
                ('attempts', models.PositiveSmallIntegerField(default=0, verbose_name='attempts')),
                ('response_code', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='response code')),
                ('error', models.CharField(blank=True, max_length=300, verbose_name='error')),
                ('created_at', models.DateTimeField(auto_now_add=True, db_index=True)),
                ('last_attempt_at', models.DateTimeField(blank=True, null=True)),
                ('delivered_at', models.DateTimeField(blank=True, null=True)),
                ('endpoint', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='deliveries', to='events.webhookendpoint')),
            ],
            options={
                'verbose_name': 'webhook delivery',
                'verbose_name_plural': 'webhook deliveries',
                'db_table': 'api_webhookdelivery',
                'ordering': ['-created_at', '-id'],
                'constraints': [models.UniqueConstraint(fields=('endpoint', 'event_id'), name='api_delivery_once_per_event'), models.CheckConstraint(condition=models.Q(models.Q(('status', 'delivered'), _negated=True), ('delivered_at__isnull', False), _connector='OR'), name='api_delivered_has_time')],
            },
        ),
            ],
            database_operations=[],
        ),
    ]
