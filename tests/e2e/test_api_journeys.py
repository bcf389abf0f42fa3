"""API journeys: a unit head makes a token and uses it, registers a webhook, reads the API docs."""

from django.conf import settings

from .conftest import check_accessibility, sign_in, visit


def test_unit_head_creates_uses_and_revokes_a_token(page, demo):
    sign_in(page, "kepala.dinsos", settings.PANTAU_DEMO_PASSWORD)
    page.get_by_role("link", name="Token API saya").click()
    page.wait_for_url("**/manage/api/tokens/")
    check_accessibility(page)
    page.locator("#id_name").fill("Dasbor provinsi")
    page.locator("#id_password").fill(settings.PANTAU_DEMO_PASSWORD)  # entered again
    page.get_by_role("button", name="Buat token ini").click()
    secret = page.locator("#new-token").inner_text()
    assert secret.startswith("pnt_")
    check_accessibility(page)
    headers = {"Authorization": f"Bearer {secret}"}
    listed = page.request.get(page.base_url + "/api/v1/complaints/", headers=headers)
    assert listed.status == 200 and listed.json()["results"]
    page.reload()
    assert page.locator("#new-token").count() == 0  # shown once
    page.get_by_role("button", name="Cabut Dasbor provinsi").click()
    refused = page.request.get(page.base_url + "/api/v1/complaints/", headers=headers)
    assert refused.status == 401


def test_unit_head_registers_a_webhook_and_reads_the_log(page, demo):
    sign_in(page, "kepala.dinsos", settings.PANTAU_DEMO_PASSWORD)
    visit(page, "/manage/units/dinsos-mpp-lombok-timur/")
    page.get_by_role("link", name="API dan webhook").click()
    page.wait_for_url("**/api/")
    check_accessibility(page)
    assert page.get_by_role("heading", name="Log pengiriman").is_visible()
    page.locator("#id_url").fill("https://dasbor.example.go.id/pantau")
    page.get_by_label("Laporan baru").check()
    page.get_by_role("button", name="Daftarkan webhook").click()
    assert len(page.locator("#new-secret").inner_text()) == 64
    check_accessibility(page)


def test_api_docs_load_only_local_assets(page, demo):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    # Swagger UI is third-party markup, so axe is not run on it; the test checks it works
    # from Pantau's own static files.
    page.goto(page.base_url + "/api/v1/docs/")
    page.locator(".swagger-ui .opblock").first.wait_for()
    assert page.get_by_text("/api/v1/complaints/").first.is_visible()
    outside = [
        url
        for url in requested
        if not url.startswith(page.base_url) and not url.startswith("data:")
    ]
    assert outside == []


def test_agency_head_issues_an_integration_token_a_connector_exports_with(phone, demo):
    """At 360 px: the head of Dinas Sosial Lombok Timur issues a token for the agency's connector,
    which reads the agency's reports as CSV without reporters' personal data; revoked, it stops."""
    sign_in(phone, "kadis.sosial", settings.PANTAU_DEMO_PASSWORD)
    visit(phone, "/manage/api/tokens/")
    phone.locator("a[href='/manage/api/integration-tokens/']").click()
    phone.wait_for_url("**/manage/api/integration-tokens/")
    check_accessibility(phone)
    phone.locator("#id_name").fill("Konektor SP4N-LAPOR!")
    phone.locator("#id_password").fill(settings.PANTAU_DEMO_PASSWORD)
    phone.locator("form.narrow button[type=submit]").click()
    secret = phone.locator("#new-token").inner_text()
    assert secret.startswith("pnt_")
    check_accessibility(phone)
    headers = {"Authorization": f"Bearer {secret}"}
    exported = phone.request.get(
        phone.base_url + "/api/v1/integration/complaints.csv", headers=headers
    )
    assert exported.status == 200
    text = exported.text()
    assert text.lstrip("\ufeff").startswith("tracking_number,") and "reporter" not in text
    with phone.expect_navigation():
        phone.locator("form[action$='/revoke/'] button").click()
    check_accessibility(phone)
    refused = phone.request.get(
        phone.base_url + "/api/v1/integration/complaints.csv", headers=headers
    )
    assert refused.status == 401
