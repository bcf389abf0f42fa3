from django.core.management.base import BaseCommand

from pantau.common.demo import load_demo


class Command(BaseCommand):
    help = "Load the realistic demo data (idempotent; the same seed gives the same data)."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--quiet-logins", action="store_true", help="Do not print the logins.")

    def handle(self, *args, seed: int, quiet_logins: bool, **options):
        ctx = load_demo(seed=seed)
        self.stdout.write(self.style.SUCCESS("Demo data is loaded."))
        if quiet_logins:
            return
        self.stdout.write(
            f"\nDemo logins (sign in at /accounts/login/), password for all: {ctx.password}\n"
        )
        width = max(len(username) for username, _ in ctx.logins)
        for username, description in ctx.logins:
            self.stdout.write(f"  {username.ljust(width)}  {description}")
