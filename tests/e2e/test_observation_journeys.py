"""Browser journeys of observation visits (issue 21, mystery shopping): the Jakarta Timur
evaluator schedules a SETIA visit to PTSP Duren Sawit (an officer of the unit is refused
through the error summary); the observer enters it on a phone at 360 px with a note and a photo
under a failed item; the unit head reads the result without the observer's name and plans an
action from the failed item on the register's pre-filled form. Axe on every page; no page
scrolls sideways. Elements are found by form names and addresses, not by words still to be
translated."""

from django.conf import settings

from .conftest import check_accessibility, sign_in, visit

UNIT = "ptsp-kecamatan-duren-sawit"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


def _submit(page, form: str = "main form[method=post]") -> None:
    with page.expect_navigation():
        page.locator(f"{form} button[type=submit]").first.click()


def _no_sideways_scroll(page) -> None:
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow} px"


def test_a_visit_is_scheduled_entered_on_a_phone_and_read_by_the_unit_head(
    page, phone, browser, live_server, demo, tmp_path
):
    from pantau.accounts.models import User
    from pantau.observations.models import ItemNote, Visit
    from pantau.organisations.models import ServiceUnit

    password = settings.PANTAU_DEMO_PASSWORD
    unit = ServiceUnit.objects.get(slug=UNIT)

    # The evaluator of Kota Jakarta Timur schedules the visit.
    sign_in(page, "penilai.jaktim", password)
    visit(page, "/manage/observasi/jadwal/")
    page.select_option("#id_unit", str(unit.pk))
    page.check("input[name=kind][value=behaviour]")
    page.select_option("#id_observer", str(User.objects.get(username="petugas.jaktim").pk))
    _submit(page)
    check_accessibility(page)
    assert page.locator(".error-summary").is_visible()  # works at the unit: refused
    page.select_option("#id_observer", str(User.objects.get(username="pengamat.jaktim").pk))
    _submit(page)
    check_accessibility(page)
    scheduled = Visit.objects.get(unit=unit, status=Visit.Status.SCHEDULED)
    assert scheduled.observer.username == "pengamat.jaktim"

    # The observer enters it on a phone.
    sign_in(phone, "pengamat.jaktim", password)
    visit(phone, "/manage/observasi/tugas/")
    _no_sideways_scroll(phone)
    phone.locator(f"a[href='/manage/observasi/{scheduled.pk}/isi/']").click()
    phone.wait_for_url(f"**/observasi/{scheduled.pk}/isi/")
    check_accessibility(phone)
    _no_sideways_scroll(phone)
    for radio in phone.locator("input[type=radio][value='1']").all():
        radio.check()
    phone.check("input[name='setia-e2'][value='0']")
    phone.check("input[name='setia-i3'][value='-1']")
    phone.locator("textarea[name='setia-e2__note']").locator("xpath=ancestor::details").locator(
        "summary"
    ).click()
    phone.fill("textarea[name='setia-e2__note']", "Tidak ada pendamping pendaftaran daring.")
    photo = tmp_path / "ruang-tunggu.png"
    photo.write_bytes(PNG)
    phone.set_input_files("input[name='setia-e2__photo']", str(photo))
    _submit(phone)
    check_accessibility(phone)
    _no_sideways_scroll(phone)
    scheduled.refresh_from_db()
    assert scheduled.status == Visit.Status.SUBMITTED and scheduled.failed_items == 1
    assert ItemNote.objects.get(visit=scheduled).size == len(PNG)

    # The unit head reads it, without the observer, and plans an action from the failed item.
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="en-US")
    head = context.new_page()
    head.base_url = live_server.url
    sign_in(head, "kepala.durensawit", password)
    visit(head, f"/manage/units/{UNIT}/observasi/")
    _no_sideways_scroll(head)
    visit(head, f"/manage/observasi/{scheduled.pk}/")
    _no_sideways_scroll(head)
    assert "Nadia" not in head.content()
    head.locator(f"a[href='/manage/observasi/{scheduled.pk}/aksi/setia-e2/']").click()
    head.wait_for_url("**/aksi/setia-e2/")
    check_accessibility(head)
    assert "E2" in head.locator("#id_source_note").input_value()
    context.close()
