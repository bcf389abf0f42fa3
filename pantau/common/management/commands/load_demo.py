from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from pantau.common.demo import load_demo


class Command(BaseCommand):
    help = "Load the realistic demo data (idempotent; the same seed gives the same data)."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--quiet-logins", action="store_true", help="Do not print the logins.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load the demo even outside development mode (it creates accounts with a "
            "published password and a public API token).",
        )

    def handle(self, *args, seed: int, quiet_logins: bool, force: bool = False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "The demo creates accounts with a published password and a public API token, so it "
                "runs only in development mode (PANTAU_DEBUG=1, as `make run` sets). Add --force "
                "to load it anyway, e.g. on a training server no one else can reach."
            )
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
