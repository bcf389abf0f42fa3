"""Events are stored once, apart from their deliveries (issue 20): the "events since" feed reads
them and a resend delivers the same event again. Each existing delivery's event id, type and
payload become an ``Event`` of its endpoint's unit; a delivery then points at its event, and a
resend is a delivery of its own (``resent_by``)."""

import uuid

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def _store_existing_events(apps, schema_editor):
    Event = apps.get_model("events", "Event")
    Delivery = apps.get_model("events", "WebhookDelivery")
    deliveries = Delivery.objects.select_related("endpoint").order_by("id")
    for delivery in deliveries.iterator(chunk_size=500):
        event = Event.objects.create(
            uuid=delivery.event_id,
            type=delivery.event,
            unit_id=delivery.endpoint.unit_id,
            payload=delivery.payload,
            created_at=delivery.created_at,
        )
        Delivery.objects.filter(pk=delivery.pk).update(record=event)


def _restore_delivery_fields(apps, schema_editor):
    Delivery = apps.get_model("events", "WebhookDelivery")
    for delivery in Delivery.objects.select_related("record").iterator(chunk_size=500):
        Delivery.objects.filter(pk=delivery.pk).update(
            event_id=delivery.record.uuid,
            event=delivery.record.type,
            payload=delivery.record.payload,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("organisations", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Event",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                (
                    "type",
                    models.CharField(
                        choices=[
                            ("complaint.created", "New report"),
                            ("complaint.status_changed", "Report status changed"),
                            ("skm.result_published", "SKM result published"),
                        ],
                        max_length=40,
                        verbose_name="event",
                    ),
                ),
                ("payload", models.JSONField()),
                (
                    "created_at",
                    models.DateTimeField(db_index=True, default=django.utils.timezone.now),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="organisations.serviceunit",
                        verbose_name="service unit",
                    ),
                ),
            ],
            options={
                "verbose_name": "event",
                "verbose_name_plural": "events",
                "ordering": ["id"],
                "indexes": [
                    models.Index(fields=["unit", "id"], name="events_event_unit_order")
                ],
            },
        ),
        migrations.AddField(
            model_name="webhookdelivery",
            name="record",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="deliveries",
                to="events.event",
            ),
        ),
        migrations.AddField(
            model_name="webhookdelivery",
            name="resent_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="resent by",
            ),
        ),
        migrations.RemoveConstraint(
            model_name="webhookdelivery", name="api_delivery_once_per_event"
        ),
        # Defaults, so that undoing this migration can add the columns back to existing rows.
        migrations.AlterField(
            model_name="webhookdelivery", name="payload", field=models.JSONField(default=dict)
        ),
        migrations.AlterField(
            model_name="webhookdelivery",
            name="event",
            field=models.CharField(default="", max_length=40, verbose_name="event"),
        ),
        migrations.RunPython(_store_existing_events, _restore_delivery_fields),
        migrations.RemoveField(model_name="webhookdelivery", name="event_id"),
        migrations.RemoveField(model_name="webhookdelivery", name="event"),
        migrations.RemoveField(model_name="webhookdelivery", name="payload"),
        migrations.RenameField(model_name="webhookdelivery", old_name="record", new_name="event"),
        migrations.AlterField(
            model_name="webhookdelivery",
            name="event",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="deliveries",
                to="events.event",
                verbose_name="event",
            ),
        ),
        migrations.AddConstraint(
            model_name="webhookdelivery",
            constraint=models.UniqueConstraint(
                condition=models.Q(("resent_by__isnull", True)),
                fields=("endpoint", "event"),
                name="events_delivery_once_per_event",
            ),
        ),
        migrations.AddConstraint(
            model_name="webhookdelivery",
            constraint=models.UniqueConstraint(
                condition=models.Q(("status", "pending")),
                fields=("endpoint", "event"),
                name="events_one_waiting_delivery",
            ),
        ),
    ]
