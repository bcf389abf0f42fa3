"""``selectors.unit_observation_summary``: what the report card reads."""

from datetime import date

from django.utils import translation

from pantau.observations import services
from pantau.observations.selectors import unit_observation_summary

from .factories import schedule, submit


def test_summary_has_latest_and_average_per_checklist_and_the_latest_failed_items(
    evaluator_a, unit_a, observer, standard_a
):
    first = submit(
        schedule(actor=evaluator_a, unit=unit_a, observer=observer, planned_on=date(2026, 3, 2)),
        no=["setia-t2", "setia-s1"],
    )
    second = submit(
        schedule(actor=evaluator_a, unit=unit_a, observer=observer, planned_on=date(2026, 4, 6)),
        no=["setia-t2", "setia-a1"],
    )
    standard = submit(
        schedule(
            actor=evaluator_a,
            unit=unit_a,
            observer=observer,
            kind="standard",
            service=standard_a.service,
            planned_on=date(2026, 4, 1),
        ),
        no=["terap-biaya"],
    )
    # outside the period, and a visit still to come, count for nothing
    submit(
        schedule(actor=evaluator_a, unit=unit_a, observer=observer, planned_on=date(2026, 5, 4)),
        no=["setia-e1"],
    )
    schedule(actor=evaluator_a, unit=unit_a, observer=observer, planned_on=date(2026, 4, 20))

    with translation.override("en"):
        summary = unit_observation_summary(unit_a, date(2026, 3, 1), date(2026, 4, 30))
    assert summary.visits == 3
    kinds = [c.kind for c in summary.checklists]
    assert kinds == ["standard", "behaviour"]
    setia = summary.checklists[1]
    # weights: S1 2, T2 2, A1 1 of 22 => first 18/22 = 81.82, second 19/22 = 86.36
    assert float(first.score) == 81.82 and float(second.score) == 86.36
    assert setia.latest_score == 86.36
    assert setia.latest_on == date(2026, 4, 6)
    assert setia.average_score == round((81.82 + 86.36) / 2, 2)
    assert [(f.code, f.weight, f.times_failed) for f in setia.failed_items] == [
        ("T2", 2, 2),
        ("A1", 1, 1),
    ]
    assert setia.failed_items[0].text.startswith("No payment beyond")
    standard_summary = summary.checklists[0]
    assert standard_summary.latest_score == float(standard.score)
    assert [f.key for f in standard_summary.failed_items] == ["terap-biaya"]


def test_summary_of_a_unit_never_visited_is_empty(unit_a):
    summary = unit_observation_summary(unit_a, date(2026, 1, 1), date(2026, 12, 31))
    assert summary.checklists == () and summary.visits == 0


def test_a_cancelled_visit_does_not_count(evaluator_a, unit_a, observer):
    visit = schedule(actor=evaluator_a, unit=unit_a, observer=observer)
    services.cancel_visit(actor=evaluator_a, visit=visit, reason="Libur")
    summary = unit_observation_summary(unit_a, date(2026, 1, 1), date(2026, 12, 31))
    assert summary.checklists == ()
