from django.core.management.base import BaseCommand

from pantau.complaints.reminders import send_deadline_reminders


class Command(BaseCommand):
    help = "E-mail officers about reports whose deadline is near or past (once a day; for cron)."

    def handle(self, *args, **options):
        sent = send_deadline_reminders()
        self.stdout.write(f"Sent {sent} reminder e-mail(s).")
