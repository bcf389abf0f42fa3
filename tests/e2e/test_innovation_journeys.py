"""Browser journeys of the innovation register (issue 21): a unit officer records an innovation on
a phone from its idea through trial to implemented (through the error summary, with evidence),
the unit head institutionalises it with its legal basis and shows it in the catalogue on a
desktop, and a citizen finds it in the public catalogue at /inovasi/. Every page at 360 px
(phone) or 1280 px (desktop) with axe on each; elements are found by their form names and
addresses, not by words still to be translated."""

from django.conf import settings
from django.utils import timezone

from .conftest import check_accessibility, sign_in, visit

UNIT = "dinsos-mpp-lombok-timur"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
TITLE = "Antrean lewat pesan singkat untuk peserta PKH"


def _submit(page, form: str = "main form[method=post]") -> None:
    with page.expect_navigation():
        page.locator(f"{form} button[type=submit]").first.click()


def _no_sideways_scroll(page) -> None:
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow} px"


def _day(days_ago: int) -> str:
    return (timezone.localdate() - timezone.timedelta(days=days_ago)).isoformat()


def _move_to(page, base: str, stage: str, days_ago: int) -> None:
    visit(page, f"{base}stage/")
    _no_sideways_scroll(page)
    page.select_option("#id_stage", stage)
    page.fill("#id_on", _day(days_ago))
    _submit(page)
    check_accessibility(page)


def test_officer_records_an_innovation_through_its_stages_and_the_public_finds_it(
    phone, page, demo, tmp_path
):
    from pantau.innovations.models import Innovation

    # The officer registers the idea on a phone, through the error summary.
    sign_in(phone, "petugas.dinsos", settings.PANTAU_DEMO_PASSWORD)
    visit(phone, f"/manage/units/{UNIT}/inovasi/")
    _no_sideways_scroll(phone)
    visit(phone, f"/manage/units/{UNIT}/inovasi/new/")
    _no_sideways_scroll(phone)
    phone.fill("#id_title", TITLE)
    phone.fill("#id_before", "Peserta menunggu di loket sejak subuh.")
    phone.select_option("#id_stage", "idea")
    phone.fill("#id_stage_on", _day(120))
    phone.select_option("#id_owner", index=1)
    _submit(phone)
    check_accessibility(phone)
    assert phone.locator(".error-summary a[href='#id_problem']").is_visible()
    phone.fill("#id_problem", "Antrean panjang pada hari penyaluran bantuan.")
    _submit(phone)
    check_accessibility(phone)
    _no_sideways_scroll(phone)
    innovation = Innovation.objects.get(title=TITLE)
    assert innovation.stage == "idea" and not innovation.is_public
    base = f"/manage/units/{UNIT}/inovasi/{innovation.pk}/"

    # Through trial, the condition after it, evidence, implemented.
    _move_to(phone, base, "trial", 60)
    visit(phone, f"{base}edit/")
    phone.fill("#id_after", "Peserta datang pada jam yang dikirim lewat SMS; antrean habis.")
    _submit(phone)
    check_accessibility(phone)
    visit(phone, base)
    evidence = tmp_path / "laporan-uji-coba.pdf"
    evidence.write_bytes(PDF)
    phone.set_input_files("#id_evidence", str(evidence))
    _submit(phone, "main form[enctype]")
    check_accessibility(phone)
    _no_sideways_scroll(phone)
    _move_to(phone, base, "implemented", 10)
    innovation.refresh_from_db()
    assert innovation.stage == "implemented" and innovation.files.count() == 1
    # institutionalising is the unit head's: the officer has no later stage to choose
    visit(phone, f"{base}stage/", status=404)

    # The unit head institutionalises it with its legal basis and publishes it (desktop).
    sign_in(page, "kepala.dinsos", settings.PANTAU_DEMO_PASSWORD)
    visit(page, f"{base}stage/")
    page.select_option("#id_stage", "institutionalised")
    page.fill("#id_on", _day(2))
    page.select_option("#id_legal_basis_kind", "decree")
    page.fill("#id_legal_basis_title", "Keputusan Kepala Dinas tentang antrean SMS")
    page.fill("#id_decree_number", "400/77/DINSOS/2025")
    page.fill("#id_decree_date", _day(3))
    _submit(page)
    check_accessibility(page)
    visit(page, f"{base}edit/")
    page.check("#id_is_public")
    _submit(page)
    check_accessibility(page)
    innovation.refresh_from_db()
    assert innovation.stage == "institutionalised" and innovation.is_public

    # A citizen finds it in the public catalogue, on a phone, without signing in.
    phone.context.clear_cookies()
    visit(phone, "/inovasi/?q=pesan+singkat")
    _no_sideways_scroll(phone)
    link = phone.locator(f"main a[href='/inovasi/{innovation.pk}/']")
    assert link.is_visible()
    with phone.expect_navigation():
        link.click()
    check_accessibility(phone)
    _no_sideways_scroll(phone)
    assert "400/77/DINSOS/2025" in phone.content()  # the legal basis, never the team
