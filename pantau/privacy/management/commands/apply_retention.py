from django.conf import settings
from django.core.management.base import BaseCommand

from pantau.events.services import remove_old_events, retention_cutoff
from pantau.privacy.services import apply_retention


class Command(BaseCommand):
    help = (
        "Blank or delete personal data whose retention period has ended "
        "(pantau/privacy/registry.py), and stored events older than EVENT_RETENTION_DAYS; "
        "--dry-run reports what would change and changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Report only; change nothing.")

    def handle(self, *args, dry_run: bool, **options):
        results = apply_retention(dry_run=dry_run)
        for result in results:
            entry = result.entry
            verb = "delete" if entry.erase == "delete" else "blank"
            verb = f"would {verb}" if dry_run else f"{verb.removesuffix('e')}ed"
            self.stdout.write(
                f"{entry.model} ({', '.join(entry.fields)}), {result.rule} "
                f"(before {result.cutoff:%Y-%m-%d}): {verb} "
                f"{len(result.ids)} records and {result.history_rows} history rows"
            )
            if result.ids:
                shown = ", ".join(str(pk) for pk in result.ids[:50])
                more = f" and {len(result.ids) - 50} more" if len(result.ids) > 50 else ""
                self.stdout.write(f"  ids: {shown}{more}")
        events = remove_old_events(dry_run=dry_run)
        self.stdout.write(
            f"events.Event, kept {settings.PANTAU_EVENT_RETENTION_DAYS} days "
            f"(before {retention_cutoff():%Y-%m-%d}): "
            f"{'would delete' if dry_run else 'deleted'} {events} events with their deliveries"
        )
        if dry_run:
            self.stdout.write("Dry run: nothing was changed.")
