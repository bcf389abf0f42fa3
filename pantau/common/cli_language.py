"""The language of the analysts' commands: the user's, from the environment as gettext reads it
(``PANTAU_LANGUAGE``, then ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``), Indonesian when
none names a language Pantau speaks (an unset or ``C`` locale). Problems in a file are told in
that language (issue 17: "exit 2, row and column named, in the user's language")."""

import os
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation

VARIABLES = ("PANTAU_LANGUAGE", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def command_language(environ: Mapping[str, str] | None = None) -> str:
    environ = os.environ if environ is None else environ
    known = {code for code, _name in settings.LANGUAGES}
    for variable in VARIABLES:
        for value in environ.get(variable, "").split(":"):  # LANGUAGE may list several
            code = value.split(".")[0].split("@")[0].split("_")[0].lower()
            if code in known:
                return code
    return str(settings.LANGUAGE_CODE)


class LocalisedCommand(BaseCommand):
    """A command whose messages are in the user's language (``command_language``)."""

    def execute(self, *args: Any, **options: Any) -> str | None:
        with translation.override(command_language()):
            return super().execute(*args, **options)
