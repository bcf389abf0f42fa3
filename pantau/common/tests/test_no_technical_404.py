"""Under ``make run`` (DEBUG on) a wrong address shows Pantau's own "Page not found", never
Django's technical page listing every address of the site (issue 19)."""

from django.test import override_settings


@override_settings(DEBUG=True)
def test_a_wrong_address_shows_the_friendly_page(client, db):
    response = client.get("/tidak-ada/")
    body = response.content.decode()
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in body or "Page not found" in body
    assert "URLconf" not in body and "lapor/" not in body.split("<main", 1)[1].split("</main>")[0]


@override_settings(DEBUG=True, PANTAU_TECHNICAL_404=True)
def test_a_developer_may_ask_for_the_list(client, db):
    assert "URLconf" in client.get("/tidak-ada/").content.decode()


@override_settings(DEBUG=True)
def test_the_api_keeps_its_json(client, db):
    response = client.get("/api/v1/tidak-ada/")
    assert response.status_code == 404 and "text/html" not in response["Content-Type"]
