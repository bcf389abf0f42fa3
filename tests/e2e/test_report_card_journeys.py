"""Browser journeys of report cards (issue 21 item 4): a citizen on a 360 px phone opens a unit's
card from its public page, reads it without sideways scrolling and downloads its PDF; the unit
head of Duren Sawit prepares the 2025 card, checks the draft and publishes it through the
confirmation page. axe on every page. Elements are found by their addresses and form names,
not by words still to be translated."""

from django.conf import settings

from .conftest import check_accessibility, sign_in, visit

LOTIM = "dinsos-mpp-lombok-timur"
DUREN_SAWIT = "ptsp-kecamatan-duren-sawit"


def _no_sideways_scroll(page) -> None:
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow} px"


def _submit(page, form: str) -> None:
    with page.expect_navigation():
        page.locator(f"{form} button[type=submit]").first.click()


def test_a_citizen_opens_a_units_report_card_on_a_phone(phone, demo):
    visit(phone, f"/units/{LOTIM}/")
    _no_sideways_scroll(phone)
    with phone.expect_navigation():
        phone.locator(f"a[href='/units/{LOTIM}/rapor/']").first.click()
    check_accessibility(phone)
    _no_sideways_scroll(phone)
    with phone.expect_navigation():
        phone.locator(f"a[href='/units/{LOTIM}/rapor/2025/']").first.click()
    check_accessibility(phone)
    _no_sideways_scroll(phone)
    for section in ("said", "found", "promised", "did", "peers"):
        assert phone.locator(f"#section-{section}").is_visible()
    said = phone.locator("section[aria-labelledby='section-said']")
    assert said.locator("dd").count() >= 5, said.inner_text()
    pdf = phone.request.get(phone.base_url + f"/units/{LOTIM}/rapor/2025/pdf/")
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")


def test_a_unit_head_prepares_and_publishes_a_card(phone, demo):
    from pantau.reportcards.models import ReportCard

    sign_in(phone, "kepala.durensawit", settings.PANTAU_DEMO_PASSWORD)
    visit(phone, f"/manage/units/{DUREN_SAWIT}/rapor/")
    _no_sideways_scroll(phone)
    phone.fill("#id_year", "2999")
    _submit(phone, "main form[method=post]")
    check_accessibility(phone)
    assert phone.locator(".error-summary a[href='#id_year']").is_visible()
    phone.fill("#id_year", "2025")
    phone.fill("#id_message", "Kami meniru layanan jemput bola dari Lombok Timur.")
    _submit(phone, "main form[method=post]")
    assert phone.url.endswith(f"/manage/units/{DUREN_SAWIT}/rapor/2025/")
    check_accessibility(phone)
    _no_sideways_scroll(phone)
    assert ReportCard.objects.get(unit__slug=DUREN_SAWIT, year=2025).status == "draft"
    _submit(phone, "main form[action$='/publish/']")
    check_accessibility(phone)
    _submit(phone, "main form[method=post]")  # the confirmation page
    check_accessibility(phone)
    card = ReportCard.objects.get(unit__slug=DUREN_SAWIT, year=2025)
    assert card.status == "published" and card.published_by.username == "kepala.durensawit"
    visit(phone, f"/units/{DUREN_SAWIT}/rapor/2025/")
    _no_sideways_scroll(phone)
