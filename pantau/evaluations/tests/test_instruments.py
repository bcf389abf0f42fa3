"""Both instrument versions are loaded as data, flagged where the spec does not confirm them."""

from decimal import Decimal

import pytest

from pantau.analytics.ipp import compute_ipp
from pantau.analytics.tests.test_ipp import SCORES, existing_model
from pantau.evaluations import selectors, services
from pantau.evaluations.models import Criterion, Indicator
from pantau.surveys.models import Item

pytestmark = pytest.mark.django_db


def test_current_instrument_has_six_weighted_aspects_and_thirty_indicators(instrument):
    aspects = list(instrument.aspects.order_by("number"))
    assert [a.weight * 100 for a in aspects] == [24, 25, 18, 11, 10, 12]
    assert Indicator.objects.filter(aspect__instrument=instrument).count() == 30
    first = Indicator.objects.get(aspect__instrument=instrument, code="1.a.Ak")
    assert first.weight == Decimal("0.17") and first.weight_confirmed
    assert list(first.criteria.values_list("score", flat=True)) == [0, 1, 2, 3, 4, 5]
    # Indicators whose per-score rule the spec does not spell out carry only its summary.
    summary_only = Indicator.objects.filter(aspect__instrument=instrument, scoring="summary")
    assert set(summary_only.values_list("code", flat=True)) == {"10.b.As", "11.b.K", "16.c.As"}
    assert not Criterion.objects.filter(indicator__in=summary_only).exists()


def test_permenpanrb_17_2017_has_only_what_the_spec_gives(instrument_17):
    aspects = list(instrument_17.aspects.order_by("number"))
    assert [a.weight * 100 for a in aspects] == [30, 18, 15, 15, 15, 7]
    assert [a.expected_indicators for a in aspects] == [13, 6, 7, 5, 4, 1]
    assert not Indicator.objects.filter(aspect__instrument=instrument_17).exists()
    assert not instrument_17.indicators_available


def test_unconfirmed_values_are_flagged(instrument):
    unconfirmed = Indicator.objects.filter(aspect__instrument=instrument, weight_confirmed=False)
    assert set(unconfirmed.values_list("aspect__number", flat=True)) == {2, 3, 4, 5, 6}
    assert set(instrument.grades.filter(confirmed=False).values_list("grade", flat=True)) == {
        "C-",
        "D",
        "E",
    }
    assert not instrument.evaluator_share_confirmed
    assert len(selectors.unconfirmed_values(instrument)) == 4


def test_citizen_form_is_an_instrument_of_the_engine(instrument):
    version = instrument.citizen_version
    assert version.instrument.purpose == "pekppp_citizen"
    items = Item.objects.filter(version=version)
    assert items.count() == 14
    assert set(items.values_list("min_value", "max_value")) == {(0, 5)}
    assert set(items.values_list("section__position", flat=True)) == {1, 2, 3, 4, 5}


def test_model_from_the_database_matches_the_shipped_data(instrument):
    model = selectors.ipp_model(instrument)
    assert model == existing_model()
    assert compute_ipp(model, indicator_scores=SCORES).ipp == Decimal("3.50")


def test_revising_makes_a_new_version_and_leaves_the_old_one(instrument, admin_user, round_a):
    assert not services.instrument_in_use(instrument)
    round_a.status = "self_assessment"
    round_a.save()
    assert services.instrument_in_use(instrument)
    copy = services.revise_instrument(actor=admin_user, instrument=instrument)
    assert copy.number == 2 and copy.code == instrument.code
    assert Indicator.objects.filter(aspect__instrument=copy).count() == 30
    assert (
        Criterion.objects.filter(indicator__aspect__instrument=copy).count()
        == Criterion.objects.filter(indicator__aspect__instrument=instrument).count()
    )
    assert copy.grades.count() == 8
    round_a.refresh_from_db()
    assert round_a.instrument_id == instrument.pk


def test_only_administrators_revise(instrument, evaluator_a):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.revise_instrument(actor=evaluator_a, instrument=instrument)


def test_admin_sees_not_confirmed_badges(client_for, admin_user, instrument):
    response = client_for(admin_user).get(f"/manage/evaluasi/instrumen/{instrument.pk}/")
    assert response.status_code == 200
    # one badge per unconfirmed value: blend, method, 21 indicator weights, 3 grade rows
    assert response.content.decode().count('<span class="chip">') == 2 + 21 + 3


def test_evaluator_sees_the_instrument_without_badges(client_for, evaluator_a, instrument):
    response = client_for(evaluator_a).get(f"/manage/evaluasi/instrumen/{instrument.pk}/")
    assert response.status_code == 200
    assert '<span class="chip">' not in response.content.decode()


def test_officer_of_other_unit_gets_404_on_instruments(client_for, officer_b, instrument):
    client = client_for(officer_b)
    assert client.get("/manage/evaluasi/instrumen/").status_code == 404
    assert client.get(f"/manage/evaluasi/instrumen/{instrument.pk}/").status_code == 404


def test_admin_cannot_change_a_version_in_use_but_can_copy_it(client_for, admin_user, round_a):
    instrument = round_a.instrument
    client = client_for(admin_user)
    url = f"/admin/evaluations/evaluationinstrument/{instrument.pk}/change/"
    assert client.get(url).status_code == 200
    round_a.status = "self_assessment"
    round_a.save()
    page = client.get(url)
    assert page.status_code == 200 and b'name="_save"' not in page.content
    client.post(
        "/admin/evaluations/evaluationinstrument/",
        {"action": "new_version", "_selected_action": [instrument.pk]},
    )
    assert instrument.__class__.objects.filter(code=instrument.code, number=2).exists()
