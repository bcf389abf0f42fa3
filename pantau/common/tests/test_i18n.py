from decimal import Decimal
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation


def test_indonesian_is_default_even_for_an_english_browser(client, db):
    response = client.get(reverse("portal:home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Content-Language"] == "id"
    assert '<html lang="id">' in response.content.decode()
    assert "Cari unit layanan" in response.content.decode()


def test_user_can_switch_to_english_and_back(client, db):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    body = client.get(reverse("portal:home")).content.decode()
    assert '<html lang="en">' in body and "Find a service unit" in body
    client.post(reverse("set_language"), {"language": "id", "next": "/"})
    assert "Cari unit layanan" in client.get(reverse("portal:home")).content.decode()


def test_unknown_language_cookie_falls_back_to_indonesian(client, db):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    assert client.get(reverse("portal:home"))["Content-Language"] == "id"


def test_every_string_is_translated_into_indonesian():
    catalogue = polib.pofile(str(Path(settings.BASE_DIR) / "locale/id/LC_MESSAGES/django.po"))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == [] and fuzzy == []


@pytest.mark.parametrize(("language", "expected"), [("id", "1.234,57"), ("en", "1,234.57")])
def test_decimals_follow_the_locale(language, expected):
    with translation.override(language):
        rendered = Template("{{ value|floatformat:2 }}").render(
            Context({"value": Decimal("1234.567")})
        )
    assert rendered == expected


def test_dates_follow_the_locale():
    from datetime import date

    with translation.override("id"):
        rendered = Template('{{ value|date:"j F Y" }}').render(
            Context({"value": date(2025, 3, 17)})
        )
    assert rendered == "17 Maret 2025"
