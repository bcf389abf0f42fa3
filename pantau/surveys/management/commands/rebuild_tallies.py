from django.core.management.base import BaseCommand

from pantau.surveys.models import Collection
from pantau.surveys.tallies import rebuild_tallies


class Command(BaseCommand):
    help = (
        "Recompute the answer tallies of every collection (or of the given ones) from the answers."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "collections", nargs="*", type=int, help="collection ids; all when none"
        )

    def handle(self, *args, collections, **options):
        queryset = Collection.objects.all()
        if collections:
            queryset = queryset.filter(pk__in=collections)
        for collection in queryset.iterator():
            rebuild_tallies(collection)
        self.stdout.write(
            self.style.SUCCESS(f"Rebuilt the tallies of {queryset.count()} collection(s).")
        )
