"""The PEKPPP cycle for one unit (Dinas Sosial Lombok Timur in the demo NTB round): the unit
self-assesses with evidence, a citizen answers F-03 on a phone, the evaluator scores, the unit
responds, results are published, the evaluator recommends and the unit files its follow-up."""

import re

from django.utils import timezone

from pantau.accounts.models import User
from pantau.evaluations import services
from pantau.evaluations.models import Evidence, Indicator, Lokus, Round, Score
from pantau.surveys.models import Response

from .conftest import check_accessibility, sign_in, visit

PASSWORD = "pantau-demo-2026"


def _lokus() -> Lokus:
    return Lokus.objects.select_related("round").get(
        unit__slug="dinsos-mpp-lombok-timur", round__status__in=Round.Status.values
    )


def _sign_out(page):
    page.context.clear_cookies()


def test_whole_cycle_for_one_unit(page, phone, demo, tmp_path):
    lokus = _lokus()
    round_ = lokus.round
    # Every window contains today, so each step can be taken in one sitting.
    today = timezone.localdate()
    Round.objects.filter(pk=round_.pk).update(
        self_assessment_opens=today, self_assessment_closes=today, scoring_opens=today,
        scoring_closes=today, verification_opens=today, verification_closes=today,
        results_on=today, citizen_opens=today, citizen_closes=today,
    )  # fmt: skip
    base = f"/manage/evaluasi/{round_.pk}/lokus/{lokus.pk}/"

    # 1. The unit officer answers an indicator with evidence and submits.
    sign_in(page, "petugas.dinsos", PASSWORD)
    visit(page, "/manage/evaluasi/")
    page.get_by_role("link", name=round_.name).click()
    check_accessibility(page)
    page.get_by_role("link", name="Loket Dinas Sosial di MPP Lombok Timur").click()
    check_accessibility(page)
    # Indicator 1.a.Ak shows the unit's own standards records and a score they suggest.
    page.get_by_role("link", name="Isi 1.a.Ak").click()
    check_accessibility(page)
    records = page.locator("#standards-evidence")
    assert records.get_by_text("Nilai yang disarankan berdasarkan catatan Pantau").is_visible()
    records.get_by_role("link").first.click()
    assert page.get_by_role("heading", level=1).is_visible()
    visit(page, base)
    page.get_by_role("link", name="Isi 10.b.As").click()
    check_accessibility(page)
    assert page.locator("#standards-evidence").count() == 0
    page.locator("#id_claimed_score_4").check()
    page.get_by_label("Penjelasan").fill("Layanan dibuka Sabtu pagi untuk pengambilan kartu.")
    evidence = tmp_path / "jadwal-layanan.pdf"
    evidence.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    page.get_by_label("Dokumen bukti dukung").set_input_files(str(evidence))
    page.get_by_role("button", name="Simpan jawaban").click()
    page.wait_for_url(re.compile(re.escape(base) + "$"))
    check_accessibility(page)
    assert Evidence.objects.filter(lokus=lokus, original_name="jadwal-layanan.pdf").exists()
    page.get_by_role("button", name="Kirim penilaian mandiri").click()
    # Most indicators are still unanswered: the confirmation page lists them.
    assert page.get_by_text(re.compile(r"\d+ indikator belum dijawab")).is_visible()
    check_accessibility(page)
    page.get_by_role("button", name="Kirim tanpa indikator yang belum dijawab").click()
    assert page.get_by_text("Penilaian mandiri sudah dikirim kepada evaluator.").is_visible()
    _sign_out(page)

    # 2. A citizen answers the F-03 form on a phone.
    visit(phone, f"/penilaian-warga/{lokus.citizen_collection.token}/")
    for fieldset in phone.locator("fieldset.question").all():
        fieldset.get_by_text("4", exact=True).click()
    phone.get_by_role("button", name="Kirim jawaban saya").click()
    phone.wait_for_url(re.compile(r"/terima-kasih/"))
    check_accessibility(phone)
    assert Response.objects.filter(collection=lokus.citizen_collection).count() == 1

    # 3. The evaluator starts scoring and scores one indicator in the browser.
    sign_in(page, "penilai.ntb", PASSWORD)
    visit(page, f"/manage/evaluasi/{round_.pk}/")
    page.get_by_role("button", name="Mulai penilaian evaluator").click()
    check_accessibility(page)
    page.get_by_role("button", name="Ya: Mulai penilaian evaluator").click()
    check_accessibility(page)
    visit(page, base)
    page.get_by_role("link", name="Nilai 2.a.P").click()
    check_accessibility(page)
    assert page.locator("#standards-evidence [data-suggested-score]").is_visible()
    visit(page, base)
    page.get_by_role("link", name="Nilai 10.b.As").click()
    check_accessibility(page)
    assert page.get_by_text("Layanan dibuka Sabtu pagi").is_visible()
    page.locator("#id_score_4").check()
    page.locator("#id_note").fill("Jadwal hari Sabtu terbukti dari dokumen.")
    page.get_by_role("button", name="Simpan nilai", exact=True).click()
    page.wait_for_url(re.compile(re.escape(base) + "$"))
    evaluator = User.objects.get(username="penilai.ntb")
    assert Score.objects.get(lokus=lokus, evaluator=evaluator).score == 4
    # The other 29 indicators through the same service the page calls.
    lokus = _lokus()
    for indicator in Indicator.objects.filter(aspect__instrument=round_.instrument).exclude(
        code="10.b.As"
    ):
        services.save_score(
            actor=evaluator, lokus=lokus, indicator=indicator, score=4, note="Sesuai bukti."
        )
    visit(page, f"/manage/evaluasi/{round_.pk}/")
    page.get_by_role("button", name="Mulai verifikasi").click()
    page.get_by_role("button", name="Ya: Mulai verifikasi").click()
    _sign_out(page)

    # 4. The unit responds to a score during verification.
    sign_in(page, "petugas.dinsos", PASSWORD)
    visit(page, base)
    page.get_by_role("link", name="Tanggapi 29.f.B").click()
    check_accessibility(page)
    page.get_by_label("Tanggapan unit atas nilai").fill("Inovasi kami juara tingkat provinsi.")
    page.get_by_role("button", name="Kirim tanggapan").click()
    page.wait_for_url(re.compile(re.escape(base) + "$"))
    _sign_out(page)

    # 5. The evaluator publishes the results and writes a recommendation.
    sign_in(page, "penilai.ntb", PASSWORD)
    visit(page, f"/manage/evaluasi/{round_.pk}/")
    page.get_by_role("button", name="Hitung dan umumkan hasil").click()
    assert page.get_by_text("Langkah ini tidak dapat dibatalkan.").is_visible()
    check_accessibility(page)
    page.get_by_role("button", name="Ya: Hitung dan umumkan hasil").click()
    check_accessibility(page)
    visit(page, base)
    lokus = _lokus()
    assert lokus.ipp is not None and lokus.result["citizen_used"]
    assert page.get_by_text("Profil aspek").is_visible()
    page.locator("#id_aspect").select_option(label="6. Inovasi")
    page.locator("#id_text").fill("Tetapkan SK tim inovasi dan anggarannya.")
    page.get_by_role("button", name="Tambahkan rekomendasi").click()
    assert page.get_by_text("Rekomendasi sudah ditambahkan.").is_visible()
    check_accessibility(page)
    _sign_out(page)

    # 6. The unit files its action plan and marks it done.
    sign_in(page, "kepala.dinsos", PASSWORD)
    visit(page, base)
    page.get_by_role("link", name="Sampaikan rencana aksi dan kemajuan").click()
    check_accessibility(page)
    page.locator("#id_action_plan").fill("Menyusun SK tim inovasi.")
    page.locator("#id_progress").fill("SK sudah ditandatangani.")
    page.locator("#id_done").check()
    page.get_by_role("button", name="Simpan tindak lanjut").click()
    page.wait_for_url(re.compile(re.escape(base) + "$"))
    assert page.get_by_text("Sudah ditindaklanjuti").first.is_visible()
    _sign_out(page)

    # The evaluator accepts the follow-up; the round counts recommendations, not units.
    sign_in(page, "penilai.ntb", PASSWORD)
    visit(page, base)
    page.get_by_role("button", name="Terima tindak lanjut").click()
    assert page.get_by_text("Tindak lanjut diterima.").is_visible()
    check_accessibility(page)
    visit(page, f"/manage/evaluasi/{round_.pk}/")
    assert page.get_by_text(
        re.compile(r"rekomendasi sudah ditindaklanjuti \(1 dari 1")
    ).is_visible()
    _sign_out(page)

    # 7. The unit head reads the result on a phone: nothing wider than the 360 px screen.
    sign_in(phone, "kepala.dinsos", PASSWORD)
    visit(phone, base)
    overflow = phone.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    # The unit's standards records beside indicator 1.a.Ak fit the phone too.
    first = Indicator.objects.get(aspect__instrument=round_.instrument, code="1.a.Ak")
    visit(phone, f"{base}f01/{first.pk}/")
    assert phone.locator("#standards-evidence").is_visible()
    overflow = phone.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
