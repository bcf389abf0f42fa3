"""The staff pages of unit KPIs as their users meet them: the dashboard with its chart and table,
defining a KPI, setting targets, recording a value with its file, the agency's page; bad input
shows the error summary and changes nothing."""

from decimal import Decimal

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pantau.kpis.models import Indicator, Measurement, Target

from .factories import PDF, make_indicator, published_skm

pytestmark = pytest.mark.django_db

MARCH_2025 = time_machine.travel("2025-03-20 10:00 +07:00", tick=False)


@MARCH_2025
def test_the_dashboard_shows_each_kpi_against_its_target_with_a_chart_and_a_table(
    client_for, in_english, unit_a, officer_a, measured_a
):
    page = client_for(officer_a).get(reverse("kpis:unit", args=[unit_a.slug]))
    assert page.status_code == 200
    body = page.content.decode()
    line = page.context["lines"][0]
    assert [p.value for p in line.points[-3:]] == [Decimal(90), Decimal(120), None]
    assert line.latest.period.key == "2025-02" and line.latest.met is True
    assert line.points[-3].met is False
    # The chart: an accessible inline SVG with a bar per value and a target line per period.
    assert 'role="img"' in body and "<title id=" in body and "<desc id=" in body
    assert body.count('stroke-dasharray="8 5"') == 3  # targets of Jan, Feb, Mar (2025 only)
    assert 'fill="#00703c"' in body and 'stroke="#d4351c"' in body
    assert "<script" not in body.split("<main")[1].split("</main>")[0]
    assert "http" not in body.split("<svg")[1].split("</svg>")[0].replace("http://www.w3.org", "")
    # The table under it has the same figures.
    assert (
        "<caption" in body and "Penerima bantuan tersalurkan: value and target per period" in body
    )


@MARCH_2025
def test_the_dashboard_asks_for_a_bounded_number_of_periods(
    client_for, unit_a, officer_a, custom_a
):
    client = client_for(officer_a)
    url = reverse("kpis:unit", args=[unit_a.slug])
    assert len(client.get(url, {"periods": "4"}).context["lines"][0].points) == 4
    assert len(client.get(url, {"periods": "999"}).context["lines"][0].points) == 24
    assert len(client.get(url, {"periods": "x"}).context["lines"][0].points) == 8


@MARCH_2025
def test_the_dashboard_reads_a_fixed_number_of_queries(
    client_for, unit_a, unit_head_a, agency_kpi_a, measured_a, django_assert_max_num_queries
):
    for metric in ("complaints.on_time_share", "complaints.rating", "standards.in_force_share"):
        make_indicator(unit_head_a, unit=unit_a, name=metric, metric=metric, unit_of_measure="")
    client = client_for(unit_head_a)
    url = reverse("kpis:unit", args=[unit_a.slug])
    client.get(url)
    with django_assert_max_num_queries(20) as captured:
        client.get(url)
    before = len(captured.captured_queries)
    for n in range(4):
        make_indicator(unit_head_a, unit=unit_a, name=f"Lain {n}", frequency="month")
    with django_assert_max_num_queries(before) as again:
        client.get(url)
    assert len(again.captured_queries) == before


@MARCH_2025
def test_the_ikm_kpi_of_the_agency_shows_the_published_result(
    client_for, unit_a, unit_head_a, agency_kpi_a
):
    published_skm(unit_a, unit_head_a, year=2025, number=1, scores=[(4,) * 9, (3,) * 9])
    page = client_for(unit_head_a).get(
        reverse("kpis:indicator", args=[unit_a.slug, agency_kpi_a.pk])
    )
    point = page.context["line"].points[-1]
    assert point.period.key == "2025-Q1" and point.value == Decimal("87.50")
    assert point.target == 80 and point.met is True
    assert "87,50" in page.content.decode()


def test_a_unit_head_defines_a_kpi_and_goes_on_to_its_targets(client_for, unit_a, unit_head_a):
    response = client_for(unit_head_a).post(
        reverse("kpis:unit-define", args=[unit_a.slug]),
        {
            "name": "Penerima KIP tersalurkan",
            "metric": "custom",
            "unit_of_measure": "siswa",
            "direction": "higher",
            "frequency": "month",
            "is_active": "on",
        },
    )
    indicator = Indicator.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("kpis:targets", args=[indicator.pk])


def test_a_custom_kpi_without_its_unit_of_measure_shows_the_error_summary(
    client_for, unit_a, unit_head_a
):
    response = client_for(unit_head_a).post(
        reverse("kpis:unit-define", args=[unit_a.slug]),
        {"name": "Penerima", "metric": "custom", "direction": "higher", "frequency": "month"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert 'class="error-summary"' in body and 'href="#id_unit_of_measure"' in body
    assert not Indicator.objects.exists()


@MARCH_2025
def test_targets_are_set_by_period_and_refused_when_they_overlap(client_for, custom_a, unit_head_a):
    client = client_for(unit_head_a)
    url = reverse("kpis:targets", args=[custom_a.pk])
    page = client.get(url)
    assert page.context["form"].fields["start"].initial == "2025-03"
    response = client.post(url, {"start": "2026-01", "end": "2026-06", "value": "110"})
    assert response.status_code == 302
    assert Target.objects.filter(indicator=custom_a, value=110).exists()
    refused = client.post(url, {"start": "2025-11", "end": "2026-02", "value": "110"})
    assert refused.status_code == 200 and 'class="error-summary"' in refused.content.decode()
    backwards = client.post(url, {"start": "2027-05", "end": "2027-01", "value": "1"})
    assert 'href="#id_end"' in backwards.content.decode()
    assert custom_a.targets.count() == 2


@MARCH_2025
def test_an_officer_records_a_value_with_a_file_and_downloads_it_again(
    client_for, unit_a, officer_a, custom_a
):
    client = client_for(officer_a)
    url = reverse("kpis:measurement-record", args=[unit_a.slug, custom_a.pk])
    assert client.get(url).context["form"].fields["period"].choices[0][0] == "2025-03"
    upload = SimpleUploadedFile("rekap.pdf", PDF, content_type="application/pdf")
    response = client.post(
        url,
        {
            "period": "2025-03",
            "value": "75",
            "evidence_note": "Rekap penyaluran Maret",
            "evidence": upload,
        },
    )
    assert response.status_code == 302
    measurement = Measurement.objects.get()
    assert measurement.value == 75 and measurement.evidence_name == "rekap.pdf"
    download = client.get(
        reverse("kpis:measurement-evidence", args=[unit_a.slug, custom_a.pk, measurement.pk])
    )
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert download["X-Content-Type-Options"] == "nosniff"


@MARCH_2025
def test_a_file_that_is_not_evidence_is_refused_and_nothing_is_recorded(
    client_for, unit_a, officer_a, custom_a
):
    upload = SimpleUploadedFile(
        "rekap.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"
    )
    response = client_for(officer_a).post(
        reverse("kpis:measurement-record", args=[unit_a.slug, custom_a.pk]),
        {"period": "2025-03", "value": "75", "evidence_note": "Rekap", "evidence": upload},
    )
    assert response.status_code == 200 and 'href="#id_evidence"' in response.content.decode()
    assert not Measurement.objects.exists()


@MARCH_2025
def test_an_officer_reads_but_does_not_define_or_set_targets(
    client_for, unit_a, officer_a, custom_a
):
    client = client_for(officer_a)
    assert client.get(reverse("kpis:unit-define", args=[unit_a.slug])).status_code == 403
    assert client.get(reverse("kpis:indicator-edit", args=[custom_a.pk])).status_code == 403
    page = client.get(reverse("kpis:targets", args=[custom_a.pk]))
    assert page.status_code == 200 and page.context["form"] is None
    refused = client.post(
        reverse("kpis:targets", args=[custom_a.pk]),
        {"start": "2026-01", "end": "2026-01", "value": "1"},
    )
    assert refused.status_code == 403 and custom_a.targets.count() == 1


@MARCH_2025
def test_the_agency_page_compares_its_units_on_the_agencys_kpis(
    client_for, agency_head_a, unit_a, unit_head_a, agency_kpi_a, measured_a
):
    published_skm(unit_a, unit_head_a, year=2025, number=1, scores=[(2,) * 9])
    page = client_for(agency_head_a).get(reverse("kpis:agency", args=[agency_kpi_a.agency.slug]))
    assert page.status_code == 200
    overview = page.context["overview"]
    [(indicator, lines)] = overview.tables
    assert indicator == agency_kpi_a
    assert lines[0].unit == unit_a and lines[0].latest.value == 50 and lines[0].latest.met is False
    [summary] = overview.summaries
    assert (summary.total, summary.met, summary.not_met, summary.without) == (1, 1, 0, 0)


def test_the_index_lists_the_units_and_the_agencies_of_the_user(client_for, agency_head_a, unit_a):
    page = client_for(agency_head_a).get(reverse("kpis:index"))
    assert list(page.context["page"].object_list) == [unit_a]
    assert [a.slug for a in page.context["agencies"]] == ["dinsos-a"]
