"""/.well-known/security.txt tells a finder where to report a vulnerability (RFC 9116)."""

from datetime import UTC, datetime, timedelta


def test_security_txt_names_contact_expiry_languages_and_canonical(client, settings):
    settings.PANTAU_SECURITY_CONTACT = "mailto:csirt@lomboktimurkab.go.id"
    settings.SITE_URL = "https://pantau.lomboktimurkab.go.id"
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    fields = dict(line.split(": ", 1) for line in response.content.decode().splitlines())
    assert fields["Contact"] == "mailto:csirt@lomboktimurkab.go.id"
    assert fields["Preferred-Languages"] == "id, en"
    assert fields["Canonical"] == "https://pantau.lomboktimurkab.go.id/.well-known/security.txt"
    expires = datetime.strptime(fields["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    assert timedelta(days=360) < expires - datetime.now(UTC) <= timedelta(days=366)


def test_security_txt_falls_back_to_the_sender_address(client, settings):
    settings.PANTAU_SECURITY_CONTACT = ""
    settings.DEFAULT_FROM_EMAIL = "Pantau <noreply@pantau.example.go.id>"
    body = client.get("/.well-known/security.txt").content.decode()
    assert "Contact: mailto:noreply@pantau.example.go.id" in body


def test_security_txt_answers_only_get(client):
    assert client.post("/.well-known/security.txt").status_code == 405
