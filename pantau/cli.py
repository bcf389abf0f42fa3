"""The ``pantau`` console command: Django's management commands under one friendly name.

``pantau --help`` lists Pantau's own sub-commands first, then Django's. Later modules add theirs
as ordinary management commands in their app; they appear here without further wiring.
"""

import os
import secrets
import sys

PANTAU_COMMANDS = {
    "demo": ("load_demo", "Load the realistic demo data (idempotent)."),
    "serve": ("runserver", "Run the development server."),
    "migrate": ("migrate", "Create or update the database tables."),
}

# Commands that compute on a file (and the help) sign nothing, so they need no SECRET_KEY: an
# analyst runs them on a fresh checkout without configuring a server (issue 17).
KEYLESS = {"ikm", "stats", "ipp", "-h", "--help", "help"}


def _pantau_app_commands() -> dict[str, str]:
    from django.core.management import get_commands, load_command_class

    own = {}
    for name, app in sorted(get_commands().items()):
        if isinstance(app, str) and app.startswith("pantau."):
            command = load_command_class(app, name)
            own[name] = (command.help or "").strip().splitlines()[0] if command.help else ""
    return own


def print_help() -> None:
    lines = ["Usage: pantau <command> [options]", "", "Pantau commands:"]
    for alias, (_target, text) in PANTAU_COMMANDS.items():
        lines.append(f"  {alias:<22} {text}")
    for name, text in _pantau_app_commands().items():
        lines.append(f"  {name:<22} {text}")
    lines += [
        "",
        "Every Django management command works too (pantau check, pantau shell, ...).",
        "Run 'pantau <command> --help' for a command's options.",
    ]
    print("\n".join(lines))


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    if (not argv or argv[0] in KEYLESS) and not os.environ.get("SECRET_KEY"):
        os.environ["SECRET_KEY"] = secrets.token_urlsafe(50)  # this process only; signs nothing
    import django

    django.setup()
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print_help()
        return
    name = argv[0]
    if name in PANTAU_COMMANDS:
        name = PANTAU_COMMANDS[name][0]
    from django.core.management import execute_from_command_line

    execute_from_command_line(["pantau", name, *argv[1:]])


if __name__ == "__main__":
    main()
