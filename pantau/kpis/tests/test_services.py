"""The writes of unit KPIs: who defines what, what a built-in measure brings, targets aligned to
periods and never overlapping, values of custom KPIs with their evidence; a refused write
changes nothing."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from pantau.kpis import periods, services
from pantau.kpis.models import Indicator, Measurement, Target
from pantau.kpis.services import Definition
from pantau.organisations.tests.factories import ServiceFactory

from .factories import make_indicator, make_measurement, make_target, pdf_upload

pytestmark = pytest.mark.django_db


def test_the_unit_head_defines_the_units_kpis_and_officers_do_not(unit_a, unit_head_a, officer_a):
    indicator = make_indicator(unit_head_a, unit=unit_a)
    assert indicator.unit == unit_a and indicator.created_by == unit_head_a
    with pytest.raises(PermissionDenied):
        make_indicator(officer_a, unit=unit_a, name="Lain")
    assert Indicator.objects.count() == 1


def test_a_head_of_another_unit_defines_nothing_here(unit_a, unit_head_b):
    with pytest.raises(PermissionDenied):
        make_indicator(unit_head_b, unit=unit_a)


def test_the_agency_head_defines_for_the_agency_and_its_units(
    unit_a, agency_a, agency_head_a, unit_head_a
):
    assert make_indicator(agency_head_a, agency=agency_a).agency == agency_a
    assert make_indicator(agency_head_a, unit=unit_a, name="Satu unit").unit == unit_a
    with pytest.raises(PermissionDenied):
        make_indicator(unit_head_a, agency=agency_a, name="Tidak boleh")


def test_a_built_in_measure_brings_its_direction_and_unit_of_measure(unit_a, unit_head_a):
    with translation.override("en"):
        indicator = make_indicator(
            unit_head_a,
            unit=unit_a,
            name="Median hari menjawab",
            metric="complaints.median_days_to_answer",
            unit_of_measure="",
            direction="higher",
        )
    assert indicator.direction == "lower"
    assert indicator.unit_of_measure == "days"


def test_a_service_must_be_the_units_own_and_the_measure_countable_per_service(
    unit_a, unit_b, unit_head_a
):
    own, other = ServiceFactory(unit=unit_a), ServiceFactory(unit=unit_b)
    make_indicator(
        unit_head_a,
        unit=unit_a,
        name="Tepat waktu KIP",
        metric="complaints.on_time_share",
        service=own,
    )
    with pytest.raises(ValidationError):
        make_indicator(unit_head_a, unit=unit_a, name="Lain", service=other)
    with pytest.raises(ValidationError):
        make_indicator(unit_head_a, unit=unit_a, name="IKM KIP", metric="skm.ikm", service=own)
    assert Indicator.objects.count() == 1


def test_how_and_how_often_stay_once_there_are_targets(custom_a, unit_head_a):
    changed = Definition(name="Penerima KIP", unit_of_measure="siswa", frequency="month")
    assert (
        services.update_indicator(actor=unit_head_a, indicator=custom_a, definition=changed).name
        == "Penerima KIP"
    )
    quarterly = Definition(name="Penerima KIP", unit_of_measure="siswa", frequency="quarter")
    with pytest.raises(ValidationError):
        services.update_indicator(actor=unit_head_a, indicator=custom_a, definition=quarterly)
    custom_a.refresh_from_db()
    assert custom_a.frequency == "month"
    assert custom_a.history.count() == 2


def test_targets_cover_whole_periods(custom_a, unit_head_a):
    def attempt(start, end, value=Decimal(10)):
        return services.set_target(
            actor=unit_head_a, indicator=custom_a, starts_on=start, ends_on=end, value=value
        )

    with pytest.raises(ValidationError):
        attempt(date(2026, 1, 2), date(2026, 1, 31))
    with pytest.raises(ValidationError):
        attempt(date(2026, 1, 1), date(2026, 1, 30))
    with pytest.raises(ValidationError):
        attempt(date(2026, 3, 1), date(2026, 1, 31))
    assert attempt(date(2026, 1, 1), date(2026, 6, 30)).value == 10


def test_targets_never_overlap(custom_a, unit_head_a):
    with pytest.raises(ValidationError) as refused:
        make_target(unit_head_a, custom_a, "2025-12", "2026-03", 150)
    assert "2025-01-01" in str(refused.value)
    make_target(unit_head_a, custom_a, "2026-01", "2026-03", 150)
    assert Target.objects.filter(indicator=custom_a).count() == 2


def test_a_built_in_targets_value_stays_in_the_measures_range(unit_a, unit_head_a):
    ikm = make_indicator(unit_head_a, unit=unit_a, name="IKM", metric="skm.ikm", unit_of_measure="")
    with pytest.raises(ValidationError):
        make_target(unit_head_a, ikm, "2025-Q1", "2025-Q4", 120)
    assert make_target(unit_head_a, ikm, "2025-Q1", "2025-Q4", "88.31").value == Decimal("88.31")


def test_only_whoever_may_change_the_kpi_sets_and_removes_targets(custom_a, officer_a, unit_head_b):
    target = custom_a.targets.get()
    for user in (officer_a, unit_head_b):
        with pytest.raises(PermissionDenied):
            make_target(user, custom_a, "2026-01", "2026-12", 100)
        with pytest.raises(PermissionDenied):
            services.remove_target(actor=user, target=target)
    assert custom_a.targets.count() == 1


def test_an_officer_records_a_value_with_its_evidence_file(custom_a, unit_a, officer_a):
    measurement = make_measurement(
        officer_a, custom_a, unit_a, "2025-02", 120, evidence=pdf_upload()
    )
    assert measurement.ends_on == date(2025, 2, 28)
    assert measurement.evidence_size == len(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    assert len(measurement.evidence_sha256) == 64
    assert measurement.evidence_file.name.startswith(f"kpis/{unit_a.pk}/")


def test_recording_a_period_again_corrects_it_and_keeps_the_file(
    custom_a, unit_a, officer_a, unit_head_a
):
    first = make_measurement(officer_a, custom_a, unit_a, "2025-02", 120, evidence=pdf_upload())
    again = make_measurement(unit_head_a, custom_a, unit_a, "2025-02", 118, note="Koreksi data")
    assert again.pk == first.pk and again.value == 118 and again.has_file
    assert again.entered_by == unit_head_a
    assert [h.value for h in again.history.order_by("history_date")] == [120, 118]


def test_values_are_refused_for_the_future_other_units_and_built_in_kpis(
    custom_a, unit_a, unit_b, officer_a, officer_b, unit_head_a
):
    today = timezone.localdate()
    future = periods.containing("month", today.replace(year=today.year + 1, day=1))
    with pytest.raises(ValidationError):
        services.record_measurement(
            actor=officer_a,
            indicator=custom_a,
            unit=unit_a,
            period=future,
            value=Decimal(1),
            evidence_note="x",
        )
    with pytest.raises(PermissionDenied):
        make_measurement(officer_b, custom_a, unit_b, "2025-01", 10)
    with pytest.raises(PermissionDenied):
        make_measurement(officer_b, custom_a, unit_a, "2025-01", 10)
    ikm = make_indicator(unit_head_a, unit=unit_a, name="IKM", metric="skm.ikm", unit_of_measure="")
    with pytest.raises(PermissionDenied):
        services.record_measurement(
            actor=officer_a,
            indicator=ikm,
            unit=unit_a,
            period=periods.make("quarter", 2025, 1),
            value=Decimal(80),
            evidence_note="x",
        )
    with pytest.raises(ValidationError):
        make_measurement(officer_a, custom_a, unit_a, "2025-01", 10, note="  ")
    assert Measurement.objects.count() == 0


def test_a_unit_records_its_value_of_its_agencys_kpi(
    agency_a, agency_head_a, unit_a, officer_a, officer_b, unit_b
):
    shared = make_indicator(agency_head_a, agency=agency_a, frequency="month")
    assert make_measurement(officer_a, shared, unit_a, "2025-03", 40).unit == unit_a
    with pytest.raises(PermissionDenied):
        make_measurement(officer_b, shared, unit_b, "2025-03", 40)  # not a unit of agency A
