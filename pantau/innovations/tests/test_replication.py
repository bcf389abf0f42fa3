"""ATM (amati, tiru, modifikasi): a unit copies an innovation from the public catalogue (or of a
unit its people read) into its own register as an idea, linked to the original, saying what it
will modify; never its own, never twice, never an innovation it cannot see."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from pantau.innovations import selectors, services

from .factories import institutionalised, make_innovation

pytestmark = pytest.mark.django_db


def test_a_unit_copies_a_public_innovation_of_another_province(officer_b, unit_a, unit_b):
    original = institutionalised(unit_a, is_public=True, description="Petugas datang ke rumah.")
    copy = services.replicate_innovation(
        actor=officer_b,
        original=original,
        unit=unit_b,
        owner=officer_b,
        modification="Pendaftaran lewat WhatsApp kelurahan.",
    )
    assert (copy.unit, copy.replicates, copy.stage, copy.is_public) == (
        unit_b,
        original,
        "idea",
        False,
    )
    assert (copy.title, copy.problem, copy.before, copy.description) == (
        original.title,
        original.problem,
        original.before,
        original.description,
    )
    assert (copy.modification, copy.owner, copy.after, copy.team) == (
        "Pendaftaran lewat WhatsApp kelurahan.",
        officer_b,
        "",
        "",
    )
    assert selectors.get_public_innovation(original.pk).replication_count == 1


def test_not_its_own_not_twice(officer_a, officer_b, unit_a, unit_b):
    original = make_innovation(unit_a, is_public=True)
    with pytest.raises(ValidationError) as error:
        services.replicate_innovation(
            actor=officer_a, original=original, unit=unit_a, owner=officer_a
        )
    assert "unit" in error.value.message_dict
    services.replicate_innovation(actor=officer_b, original=original, unit=unit_b, owner=officer_b)
    with pytest.raises(ValidationError) as error:
        services.replicate_innovation(
            actor=officer_b, original=original, unit=unit_b, owner=officer_b
        )
    assert "unit" in error.value.message_dict


def test_an_innovation_not_published_is_not_theirs_to_copy(officer_b, unit_a, unit_b):
    hidden = make_innovation(unit_a)
    with pytest.raises(PermissionDenied):
        services.replicate_innovation(
            actor=officer_b, original=hidden, unit=unit_b, owner=officer_b
        )
    with pytest.raises(Http404):
        selectors.get_replicable(officer_b, hidden.pk)
    assert not unit_b.innovations.exists()


def test_copying_into_a_unit_one_does_not_work_at_is_refused(officer_b, unit_head_b, unit_a):
    original = make_innovation(unit_a, is_public=True)
    with pytest.raises(PermissionDenied):
        services.replicate_innovation(
            actor=officer_b, original=original, unit=unit_a, owner=officer_b
        )
