"""The unit's people register and describe innovations; the unit head decides what the catalogue
shows; bad input is refused with a message naming the field and changes nothing."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from pantau.innovations import services
from pantau.innovations.models import Innovation

from .factories import details, make_innovation

pytestmark = pytest.mark.django_db


def test_officer_registers_an_idea_which_stays_among_staff(officer_a, unit_a):
    innovation = make_innovation(unit_a, actor=officer_a, budget=15_000_000, budget_source="apbd")
    assert (innovation.stage, innovation.idea_on, innovation.owner) == (
        "idea",
        date(2025, 1, 6),
        officer_a,
    )
    assert (innovation.is_public, innovation.registered_by, innovation.budget) == (
        False,
        officer_a,
        15_000_000,
    )
    assert innovation.history.count() == 1


def test_a_running_innovation_is_registered_with_its_implementation_date(unit_head_a, unit_a):
    innovation = make_innovation(unit_a, stage="implemented", stage_on=date(2023, 7, 1))
    assert innovation.implemented_on == date(2023, 7, 1)
    with pytest.raises(ValidationError) as error:
        make_innovation(unit_a, stage="implemented", after="  ")
    assert "after" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        make_innovation(unit_a, stage="institutionalised")
    assert "stage" in error.value.message_dict


def test_bad_details_are_refused_naming_the_fields(unit_head_a, officer_b, unit_a):
    cases = {
        "title": {"title": " "},
        "problem": {"problem": ""},
        "before": {"before": ""},
        "owner": {"owner": officer_b},  # works at another unit
        "budget": {"budget": -5},
        "budget_source": {"budget": 1_000_000},
        "competition": {"competition_result": "won"},
    }
    for field, values in cases.items():
        with pytest.raises(ValidationError) as error:
            make_innovation(unit_a, actor=unit_head_a, **values)
        assert field in error.value.message_dict, field
    with pytest.raises(ValidationError) as error:
        make_innovation(unit_a, actor=unit_head_a, stage_on=date(2030, 1, 1))
    assert "stage_on" in error.value.message_dict
    assert not Innovation.objects.exists()


def test_only_the_unit_head_publishes(officer_a, unit_head_a, unit_a):
    with pytest.raises(ValidationError) as error:
        make_innovation(unit_a, actor=officer_a, is_public=True)
    assert "is_public" in error.value.message_dict
    innovation = make_innovation(unit_a, actor=officer_a)
    with pytest.raises(ValidationError):
        services.update_innovation(
            actor=officer_a, innovation=innovation, details=details(officer_a), is_public=True
        )
    services.update_innovation(
        actor=unit_head_a, innovation=innovation, details=details(officer_a), is_public=True
    )
    innovation.refresh_from_db()
    assert innovation.is_public


def test_an_evaluator_and_a_user_of_another_unit_write_nothing(
    evaluator_a, officer_b, officer_a, unit_a
):
    for outsider in (evaluator_a, officer_b):
        with pytest.raises(PermissionDenied):
            make_innovation(unit_a, actor=outsider, owner=officer_a)
    innovation = make_innovation(unit_a, actor=officer_a)
    with pytest.raises(PermissionDenied):
        services.update_innovation(
            actor=officer_b, innovation=innovation, details=details(officer_a, title="Diubah")
        )
    innovation.refresh_from_db()
    assert innovation.title == "Jemput bola lansia"


def test_editing_keeps_the_history(officer_a, unit_a):
    innovation = make_innovation(unit_a, actor=officer_a)
    services.update_innovation(
        actor=officer_a,
        innovation=innovation,
        details=details(officer_a, team="Siti, Rahmat", facilities="Satu motor dinas"),
    )
    innovation.refresh_from_db()
    assert (innovation.team, innovation.facilities) == ("Siti, Rahmat", "Satu motor dinas")
    assert [h.history_user for h in innovation.history.order_by("history_date")] == [
        officer_a,
        officer_a,
    ]


def test_evidence_and_effects(officer_a, unit_a, media):
    from decimal import Decimal

    from django.core.files.uploadedfile import SimpleUploadedFile

    from pantau.common.files import check_upload

    from .factories import PDF

    innovation = make_innovation(unit_a, actor=officer_a)
    upload = SimpleUploadedFile("laporan.pdf", PDF, content_type="application/pdf")
    checked = check_upload(
        upload,
        types=frozenset({"application/pdf"}),
        max_bytes=10_000,
        too_large="%(name)s",
        not_allowed="%(name)s",
    )
    [stored] = services.attach_evidence(
        actor=officer_a, innovation=innovation, files=[checked], description="Laporan"
    )
    assert (stored.size, len(stored.sha256), stored.original_name) == (len(PDF), 64, "laporan.pdf")
    with pytest.raises(ValidationError):
        services.attach_evidence(actor=officer_a, innovation=innovation, files=[])
    effect = services.record_effect(
        actor=officer_a,
        innovation=innovation,
        metric_key="complaints.median_days_to_answer",
        before=Decimal("6"),
        after=Decimal("2"),
    )
    assert effect.improved is True  # fewer days is better
    again = services.record_effect(
        actor=officer_a,
        innovation=innovation,
        metric_key="complaints.median_days_to_answer",
        before=Decimal("6"),
        after=Decimal("7"),
    )
    assert (again.pk, again.improved) == (effect.pk, False)
    with pytest.raises(ValidationError):
        services.record_effect(
            actor=officer_a, innovation=innovation, metric_key="x", before=1, after=2
        )
    services.remove_effect(actor=officer_a, effect=again)
    assert not innovation.effects.exists()
