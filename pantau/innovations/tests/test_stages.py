"""An innovation moves to later stages only, on a day not before the last stage and not in the
future; implemented needs the condition after it; the unit head institutionalises it, with its
legal basis (number and date), given then or recorded before."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from pantau.innovations import services
from pantau.innovations.models import Innovation

from .factories import details, institutionalised, make_innovation

pytestmark = pytest.mark.django_db

BASIS = services.LegalBasis(
    kind="perkada", title="Perbup Jemput Bola", number="7/2025", dated=date(2025, 4, 1)
)


def test_stages_move_forward_with_their_dates(officer_a, unit_a):
    innovation = make_innovation(unit_a, actor=officer_a)
    innovation = services.advance_stage(
        actor=officer_a, innovation=innovation, stage="trial", on=date(2025, 2, 1)
    )
    assert (innovation.stage, innovation.trial_on, innovation.action_plan_on) == (
        "trial",
        date(2025, 2, 1),
        None,  # skipped
    )
    with pytest.raises(ValidationError) as error:
        services.advance_stage(
            actor=officer_a, innovation=innovation, stage="action_plan", on=date(2025, 3, 1)
        )
    assert "stage" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.advance_stage(
            actor=officer_a, innovation=innovation, stage="implemented", on=date(2025, 3, 1)
        )
    assert "after" in error.value.message_dict
    services.update_innovation(
        actor=officer_a,
        innovation=innovation,
        details=details(officer_a, after="Satu kunjungan ke rumah cukup."),
    )
    for day in (date(2025, 1, 31), date(2030, 1, 1)):
        with pytest.raises(ValidationError) as error:
            services.advance_stage(
                actor=officer_a, innovation=innovation, stage="implemented", on=day
            )
        assert "on" in error.value.message_dict
    innovation = services.advance_stage(
        actor=officer_a, innovation=innovation, stage="implemented", on=date(2025, 3, 1)
    )
    assert innovation.implemented_on == date(2025, 3, 1)


def test_only_the_head_institutionalises_and_only_with_a_legal_basis(
    officer_a, unit_head_a, unit_a
):
    innovation = make_innovation(unit_a, stage="implemented", stage_on=date(2024, 2, 1))
    with pytest.raises(PermissionDenied):
        services.advance_stage(
            actor=officer_a,
            innovation=innovation,
            stage="institutionalised",
            on=date(2025, 4, 1),
            basis=BASIS,
        )
    with pytest.raises(ValidationError) as error:
        services.advance_stage(
            actor=unit_head_a, innovation=innovation, stage="institutionalised", on=date(2025, 4, 1)
        )
    assert "decree_number" in error.value.message_dict
    draft = services.LegalBasis(title="Rancangan Perbup Jemput Bola")
    with pytest.raises(ValidationError):
        services.advance_stage(
            actor=unit_head_a,
            innovation=innovation,
            stage="institutionalised",
            on=date(2025, 4, 1),
            basis=draft,
        )
    innovation.refresh_from_db()
    assert (innovation.stage, innovation.legal_basis_title) == ("implemented", "")
    innovation = services.advance_stage(
        actor=unit_head_a,
        innovation=innovation,
        stage="institutionalised",
        on=date(2025, 4, 1),
        basis=BASIS,
    )
    assert (innovation.stage, innovation.decree_number, innovation.institutionalised_on) == (
        "institutionalised",
        "7/2025",
        date(2025, 4, 1),
    )


def test_a_legal_basis_recorded_before_is_enough(unit_head_a, unit_a):
    innovation = make_innovation(unit_a, stage="implemented", stage_on=date(2024, 2, 1))
    innovation = services.set_legal_basis(
        actor=unit_head_a, innovation=innovation, basis=services.LegalBasis(title="Rancangan")
    )
    assert innovation.has_draft_legal_basis and not innovation.has_legal_basis
    services.set_legal_basis(actor=unit_head_a, innovation=innovation, basis=BASIS)
    innovation = services.advance_stage(
        actor=unit_head_a, innovation=innovation, stage="institutionalised", on=date(2025, 4, 2)
    )
    assert innovation.stage == "institutionalised"


def test_a_legal_basis_with_its_signed_copy_can_be_withdrawn_before_institutionalising(
    unit_head_a, unit_a, media
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from pantau.common.files import check_upload

    from .factories import PDF

    innovation = make_innovation(unit_a)
    upload = SimpleUploadedFile("perbup.pdf", PDF, content_type="application/pdf")
    signed = check_upload(
        upload,
        types=frozenset({"application/pdf"}),
        max_bytes=10_000,
        too_large="%(name)s",
        not_allowed="%(name)s",
    )
    innovation = services.set_legal_basis(
        actor=unit_head_a,
        innovation=innovation,
        basis=services.LegalBasis(**{**BASIS.__dict__, "file": signed}),
    )
    assert innovation.decree_file.name.startswith(f"innovations/{unit_a.pk}/decrees/")
    innovation = services.set_legal_basis(
        actor=unit_head_a, innovation=innovation, basis=services.LegalBasis()
    )
    innovation.refresh_from_db()
    assert (
        innovation.decree_number,
        innovation.decree_file.name,
        innovation.legal_basis_title,
    ) == (
        "",
        "",
        "",
    )


def test_an_institutionalised_innovation_keeps_its_legal_basis(unit_head_a, unit_a):
    innovation = institutionalised(unit_a, actor=unit_head_a)
    with pytest.raises(ValidationError):
        services.set_legal_basis(
            actor=unit_head_a, innovation=innovation, basis=services.LegalBasis()
        )
    bad = (
        services.LegalBasis(title="X", number="1/2025"),  # no date
        services.LegalBasis(title="X", dated=date(2025, 1, 1)),  # no number
        services.LegalBasis(number="1/2025", dated=date(2025, 1, 1)),  # no title
        services.LegalBasis(title="X", number="1", dated=date(2031, 1, 1)),  # future
        services.LegalBasis(kind="nonsense", title="X"),
    )
    for basis in bad:
        with pytest.raises(ValidationError):
            services.set_legal_basis(actor=unit_head_a, innovation=innovation, basis=basis)
    assert Innovation.objects.get().decree_number == "12/2025"


def test_a_user_of_another_unit_moves_nothing(officer_b, unit_head_b, unit_a):
    innovation = make_innovation(unit_a)
    for outsider in (officer_b, unit_head_b):
        with pytest.raises(PermissionDenied):
            services.advance_stage(
                actor=outsider, innovation=innovation, stage="trial", on=date(2025, 2, 1)
            )
        with pytest.raises(PermissionDenied):
            services.set_legal_basis(actor=outsider, innovation=innovation, basis=BASIS)
    innovation.refresh_from_db()
    assert innovation.stage == "idea"
