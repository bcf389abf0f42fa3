from django.core.management.base import BaseCommand

from pantau.standards.tasks import send_review_reminders


class Command(BaseCommand):
    help = "E-mail unit heads whose service standards are due for review (run daily from cron)."

    def add_arguments(self, parser):
        parser.add_argument("--today", help="Pretend today is this date (YYYY-MM-DD).")

    def handle(self, *args, today=None, **options):
        count = send_review_reminders(today)
        self.stdout.write(f"{count} standard(s) reminded.")
