from django.core.management.base import BaseCommand

from pantau.organisations.services import refresh_search_documents


class Command(BaseCommand):
    help = (
        "Rebuild the public directory's search documents of every unit (or of the given ones) "
        "and, for all, the vocabulary of its 'did you mean' suggestions."
    )

    def add_arguments(self, parser):
        parser.add_argument("units", nargs="*", type=int, help="unit ids; all when none")

    def handle(self, *args, units, **options):
        changed = refresh_search_documents(unit_ids=units or None)
        self.stdout.write(self.style.SUCCESS(f"Refreshed {changed} search document(s)."))
