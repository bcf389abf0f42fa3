"""The annual improvement plan and its realisation report (issue 21 item 6): a unit's and an
agency's, on the page, in the PDF and in the XLSX, saying the same; the on-time share counted in
the database; what carries over; who reads which."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from pantau.accounts.models import Role
from pantau.accounts.tests.factories import MembershipFactory, UserFactory
from pantau.common.pdf import fonts_not_embedded
from pantau.improvements import annual, services
from pantau.improvements.models import Status
from pantau.organisations.tests.factories import ServiceUnitFactory

from .factories import head_of, make_action

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _pages_in_english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def _pdf_text(content):
    """The PDF's words, a cell's lines joined again."""
    return " ".join(
        " ".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages).split()
    )


def _done(action, on, note="Selesai"):
    return services.record_progress(
        actor=head_of(action.unit),
        action=action,
        status=Status.DONE,
        completed_on=on,
        evidence_note=note,
    )


@pytest.fixture
def year_2025(unit_a, officer_a):
    """Unit A's 2025: one action done on time, one done late, one in progress, one dropped, and
    one of 2024 still open; one due in 2026 is not in the 2025 documents."""
    on_time = make_action(
        unit_a,
        title="Loket prioritas lansia",
        due_on=date(2025, 3, 31),
        budget=Decimal("15000000"),
        metric_key="skm.ikm",
        baseline=Decimal("78.50"),
        target=Decimal("82.00"),
    )
    _done(on_time, date(2025, 3, 20), "Loket dibuka 20 Maret")
    late = make_action(unit_a, title="Papan alur layanan", due_on=date(2025, 2, 28))
    _done(late, date(2025, 4, 10))
    going = make_action(unit_a, title="Antrean daring", due_on=date(2025, 11, 30))
    services.record_progress(
        actor=officer_a, action=going, status=Status.IN_PROGRESS, evidence_note="Uji coba"
    )
    dropped = make_action(unit_a, title="Mesin antrean baru", due_on=date(2025, 8, 31))
    services.drop_action(actor=head_of(unit_a), action=dropped, reason="Anggaran dialihkan")
    make_action(unit_a, title="Survei ulang kepuasan", due_on=date(2024, 12, 31))
    make_action(unit_a, title="Ruang laktasi", due_on=date(2026, 1, 31))
    return {"on_time": on_time, "late": late, "going": going, "dropped": dropped}


def test_counts_of_the_year_come_from_one_grouped_query(
    unit_a, year_2025, django_assert_num_queries
):
    with django_assert_num_queries(1):
        counts = annual._counts([unit_a.pk], 2025)[unit_a.pk]
    assert (counts.total, counts.done, counts.done_on_time, counts.in_progress) == (3, 2, 1, 1)
    assert (counts.dropped, counts.open, counts.done_late) == (1, 1, 1)
    assert counts.budget == Decimal("15000000")
    assert float(counts.on_time_share) == pytest.approx(100 / 3)
    assert float(counts.done_share) == pytest.approx(200 / 3)


def test_year_counts_add_up_across_units():
    a = annual.YearCounts(total=2, done=1, done_on_time=1, budget=Decimal("5"))
    b = annual.YearCounts(total=3, done=3, done_on_time=1, in_progress=0)
    both = a + b
    assert (both.total, both.done, both.done_on_time, both.budget) == (5, 4, 2, Decimal("5"))
    assert annual.YearCounts().on_time_share is None  # nothing due: no share, not 0 %


def test_plan_lists_the_year_and_what_was_carried_in(unit_a, year_2025):
    document = annual.build(kind=annual.PLAN, year=2025, units=[unit_a], today=date(2025, 5, 14))
    titles = [row.action.title for row in document.rows]
    assert sorted(titles) == ["Antrean daring", "Loket prioritas lansia", "Papan alur layanan"]
    assert [row.action.title for row in document.carried_in] == ["Survei ulang kepuasan"]
    row = next(r for r in document.rows if r.action.title == "Loket prioritas lansia")
    assert row.figure == "IKM"
    assert (row.action.baseline, row.action.target) == (Decimal("78.50"), Decimal("82.00"))


def test_report_says_what_carries_over_and_why_one_was_dropped(unit_a, year_2025):
    document = annual.build(kind=annual.REPORT, year=2025, units=[unit_a], today=date(2025, 12, 31))
    assert [row.action.title for row in document.carried_out] == ["Antrean daring"]
    on_time = {row.action.title: row.on_time for row in document.rows}
    assert on_time == {
        "Papan alur layanan": False,
        "Loket prioritas lansia": True,
        "Mesin antrean baru": None,
        "Antrean daring": None,
    }


def test_grouped_by_figure_puts_actions_without_one_last(unit_a, year_2025):
    document = annual.build(
        kind=annual.PLAN, year=2025, units=[unit_a], today=date(2025, 5, 14), grouping="figure"
    )
    labels = [group.label for group in document.sections[0].groups]
    assert labels == ["IKM", "No figure named"]


def test_head_reads_the_plan_page_pdf_and_xlsx_saying_the_same(client_for, unit_a, year_2025):
    client = client_for(head_of(unit_a))
    page = client.get(reverse("improvements:plan-unit", args=[unit_a.slug, 2025]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Annual improvement plan 2025" in html
    assert "Rp 15,000,000" in html
    assert "Survei ulang kepuasan" in html  # carried in from 2024
    assert "Ruang laktasi" not in html  # due in 2026

    pdf = client.get(reverse("improvements:plan-unit-file", args=[unit_a.slug, 2025, "pdf"]))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"].endswith('rencana-perbaikan-unit-a-2025.pdf"')
    text = _pdf_text(pdf.content)
    for words in ("Annual improvement plan 2025", "Loket prioritas lansia", "Rp 15,000,000"):
        assert words in text
    assert "Survei ulang kepuasan" in text
    assert not fonts_not_embedded(pdf.content)

    xlsx = client.get(reverse("improvements:plan-unit-file", args=[unit_a.slug, 2025, "xlsx"]))
    book = load_workbook(io.BytesIO(xlsx.content))
    rows = list(book.worksheets[1].iter_rows(values_only=True))
    heading = rows[0]
    lansia = next(r for r in rows if "Loket prioritas lansia" in r)
    assert lansia[heading.index("Budget (Rp)")] == 15000000
    assert lansia[heading.index("Target")] == 82
    assert lansia[heading.index("Due date")] == "2025-03-31"
    assert any("Survei ulang kepuasan" in r for r in rows)


def test_officer_reads_the_realisation_report_with_on_time_share(
    client_for, officer_a, unit_a, year_2025
):
    client = client_for(officer_a)
    page = client.get(reverse("improvements:report-unit", args=[unit_a.slug, 2025]))
    assert page.status_code == 200
    summary = dict(page.context["summary"])
    assert summary["Done by the due date"] == "1 (33.3 %)"
    assert summary["Carried over to 2026"] == "1"
    html = page.content.decode()
    assert "Anggaran dialihkan" in html  # why it was dropped
    assert "Loket dibuka 20 Maret" in html  # the evidence

    xlsx = client.get(reverse("improvements:report-unit-file", args=[unit_a.slug, 2025, "xlsx"]))
    book = load_workbook(io.BytesIO(xlsx.content))
    summary_rows = {r[0]: r[1] for r in book.worksheets[0].iter_rows(values_only=True)}
    assert summary_rows["Done by the due date"] == "1 (33.3 %)"
    pdf = client.get(reverse("improvements:report-unit-file", args=[unit_a.slug, 2025, "pdf"]))
    text = _pdf_text(pdf.content)
    assert "1 (33.3 %)" in text and "Carried over to 2026" in text


def test_unknown_format_and_year_out_of_bounds_answer_404(client_for, unit_a):
    client = client_for(head_of(unit_a))
    assert (
        client.get(
            reverse("improvements:plan-unit-file", args=[unit_a.slug, 2025, "docx"])
        ).status_code
        == 404
    )
    assert (
        client.get(reverse("improvements:plan-unit", args=[unit_a.slug, 1900])).status_code == 404
    )


def test_evaluator_reads_the_agency_plan_across_its_units(
    client_for, evaluator_a, agency_a, unit_a, year_2025
):
    sister = ServiceUnitFactory(agency=agency_a, name="UPT Panti Sosial A", slug="panti-a")
    make_action(sister, title="Kamar mandi ramah disabilitas", due_on=date(2025, 9, 30))
    client = client_for(evaluator_a)
    for name in ("plan-agency", "report-agency"):
        page = client.get(reverse(f"improvements:{name}", args=[agency_a.slug, 2025]))
        assert page.status_code == 200
        html = page.content.decode()
        assert "Kamar mandi ramah disabilitas" in html and "Loket prioritas lansia" in html
    report = client.get(reverse("improvements:report-agency", args=[agency_a.slug, 2025]))
    assert report.context["document"].totals.total == 4
    xlsx = client.get(
        reverse("improvements:report-agency-file", args=[agency_a.slug, 2025, "xlsx"])
    )
    assert xlsx.status_code == 200


def test_coordinator_of_the_agency_reads_its_plan(client_for, agency_a, unit_a, year_2025):
    coordinator = UserFactory(username="koordinator_a")
    MembershipFactory(user=coordinator, role=Role.COORDINATOR, agency=agency_a)
    page = client_for(coordinator).get(
        reverse("improvements:plan-agency", args=[agency_a.slug, 2025])
    )
    assert page.status_code == 200


@pytest.mark.parametrize(
    "name",
    ["plan-unit", "report-unit"],
)
def test_officer_of_other_unit_gets_404_on_the_unit_documents(
    client_for, officer_b, unit_a, year_2025, name
):
    client = client_for(officer_b)
    assert client.get(reverse(f"improvements:{name}", args=[unit_a.slug, 2025])).status_code == 404
    assert (
        client.get(
            reverse(f"improvements:{name}-file", args=[unit_a.slug, 2025, "pdf"])
        ).status_code
        == 404
    )


@pytest.mark.parametrize("name", ["plan-agency", "report-agency"])
def test_other_agency_and_unit_people_get_404_on_the_agency_documents(
    client_for, officer_a, unit_head_b, agency_a, year_2025, name
):
    # a unit's own people read their unit's documents, not the agency's; another agency's
    # people neither
    for user in (officer_a, unit_head_b):
        client = client_for(user)
        assert (
            client.get(reverse(f"improvements:{name}", args=[agency_a.slug, 2025])).status_code
            == 404
        )
        assert (
            client.get(
                reverse(f"improvements:{name}-file", args=[agency_a.slug, 2025, "xlsx"])
            ).status_code
            == 404
        )


def test_report_page_costs_the_same_queries_for_more_actions(client_for, unit_a, year_2025):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(head_of(unit_a))
    url = reverse("improvements:report-unit", args=[unit_a.slug, 2025])
    client.get(url)  # the session and the questionnaire caches warm up

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    before = count()
    for number in range(5):
        make_action(
            unit_a, title=f"Tambahan {number}", due_on=date(2025, 10, 1), metric_key="skm.ikm"
        )
    assert count() == before


def test_evaluator_finds_the_agency_plan_from_the_overview(client_for, evaluator_a, province_a):
    page = client_for(evaluator_a).get(reverse("improvements:overview"))
    assert reverse("improvements:plan-agency", args=[province_a.slug, 2025]) in (
        page.content.decode()
    )


def test_head_plans_with_a_budget_and_a_revision_without_one_keeps_it(
    client_for, unit_a, officer_a
):
    head = head_of(unit_a)
    response = client_for(head).post(
        reverse("improvements:action-create", args=[unit_a.slug]),
        {
            "source": "own",
            "title": "Kursi roda di ruang tunggu",
            "owner": str(officer_a.pk),
            "due_on": "2025-07-31",
            "budget": "2500000",
        },
    )
    assert response.status_code == 302
    action = annual.Action.objects.get()
    assert action.budget == Decimal("2500000")
    services.revise_action(
        actor=head, action=action, title="Dua kursi roda", due_on=date(2025, 7, 31), owner=officer_a
    )
    action.refresh_from_db()
    assert (action.title, action.budget) == ("Dua kursi roda", Decimal("2500000"))


def test_a_negative_budget_is_refused_with_a_message(client_for, unit_a, officer_a):
    response = client_for(head_of(unit_a)).post(
        reverse("improvements:action-create", args=[unit_a.slug]),
        {
            "source": "own",
            "title": "Kursi roda",
            "owner": str(officer_a.pk),
            "due_on": "2025-07-31",
            "budget": "-5",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["budget"]
    assert not annual.Action.objects.exists()
