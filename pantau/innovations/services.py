"""Writes to the innovation register (issue 21): register, describe, set the legal basis, move to a
later stage, attach evidence, record an effect on a figure, and replicate a catalogue innovation
into one's own unit (ATM). Each is one transaction, takes the acting user and checks their right
again; the web pages and the API both come here."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pantau.accounts.models import Membership
from pantau.common import audit
from pantau.common.files import CheckedUpload

from . import permissions
from .models import (
    FIGURES,
    RUNNING,
    STAGE_DATES,
    STAGES,
    BudgetSource,
    CompetitionResult,
    Effect,
    EvidenceFile,
    Innovation,
    LegalBasisKind,
    Stage,
    stage_index,
)


@dataclass(frozen=True)
class Details:
    """What an innovation is: everything the unit's people write about it."""

    title: str
    problem: str
    before: str
    owner: Any  # a user who works at the unit
    description: str = ""
    after: str = ""
    team: str = ""
    facilities: str = ""
    budget: int | None = None
    budget_source: str = ""
    modification: str = ""
    effect: str = ""
    competition: str = ""
    competition_result: str = ""


@dataclass(frozen=True)
class LegalBasis:
    """The innovation's legal basis: with a number and a date it is set; with a title only, a
    draft. ``file`` is a new signed copy (None keeps the stored one)."""

    kind: str = ""
    title: str = ""
    number: str = ""
    dated: date | None = None
    file: CheckedUpload | None = None


def _check_details(unit: Any, details: Details) -> None:
    errors: dict[str, str] = {}
    for name, message in (
        ("title", _("Name the innovation.")),
        ("problem", _("Say which problem the innovation answers.")),
        ("before", _("Describe the condition before the innovation.")),
    ):
        if not str(getattr(details, name)).strip():
            errors[name] = message
    if details.owner is None:
        errors["owner"] = _("Choose the person who owns the innovation.")
    elif not Membership.objects.filter(user=details.owner, unit=unit).exists():
        errors["owner"] = _("The owner must work at the unit.")
    if details.budget is not None and details.budget < 0:
        errors["budget"] = _("The budget cannot be negative.")
    if details.budget_source and details.budget_source not in BudgetSource.values:
        errors["budget_source"] = _("Choose a source of the budget from the list.")
    elif details.budget and not details.budget_source:
        errors["budget_source"] = _("Say where the budget comes from.")
    if details.competition_result and details.competition_result not in CompetitionResult.values:
        errors["competition_result"] = _("Choose entered or won.")
    elif details.competition_result and not details.competition.strip():
        errors["competition"] = _("Name the competition and its level.")
    if errors:
        raise ValidationError(errors)


def _apply(innovation: Innovation, details: Details) -> None:
    for name in (
        "title",
        "problem",
        "before",
        "description",
        "after",
        "team",
        "facilities",
        "modification",
        "effect",
        "competition",
    ):
        setattr(innovation, name, str(getattr(details, name)).strip())
    innovation.owner = details.owner
    innovation.budget = details.budget
    innovation.budget_source = details.budget_source if details.budget is not None else ""
    innovation.competition_result = details.competition_result


def _save(innovation: Innovation, actor: Any) -> Innovation:
    audit.attribute_to(innovation, actor)
    innovation.full_clean()
    innovation.save()
    return innovation


def _check_public(actor: Any, unit: Any, current: bool, wanted: bool | None) -> None:
    if wanted is not None and wanted != current and not permissions.can_govern(actor, unit):
        raise ValidationError(
            {"is_public": _("Only the unit head decides what the public catalogue shows.")}
        )


def _check_day(day: date | None, field: str, *, after: date | None = None) -> date:
    if day is None:
        raise ValidationError({field: _("Give the date.")})
    if day > timezone.localdate():
        raise ValidationError({field: _("The date cannot be in the future.")})
    if after is not None and day < after:
        raise ValidationError(
            {
                field: _("The date cannot be before the previous stage (%(day)s).")
                % {"day": after.isoformat()}
            }
        )
    return day


def _check_after(stage: str, after: str) -> None:
    if stage in RUNNING and not after.strip():
        raise ValidationError(
            {"after": _("Describe the condition after the innovation: it is implemented.")}
        )


def _check_original(actor: Any, original: Innovation, unit: Any) -> None:
    """An innovation is copied from the public catalogue, or from a unit the actor reads; never
    into its own unit, and once per unit."""
    if not (original.is_public or permissions.can_read(actor, original.unit)):
        raise PermissionDenied
    if original.unit_id == unit.pk:
        raise ValidationError({"unit": _("The innovation is already this unit's own.")})
    if Innovation.objects.filter(unit=unit, replicates=original).exists():
        raise ValidationError({"unit": _("The unit already replicates this innovation.")})


@transaction.atomic
def register_innovation(
    *,
    actor: Any,
    unit: Any,
    details: Details,
    stage: str = Stage.IDEA,
    stage_on: date | None = None,
    is_public: bool = False,
    replicates: Innovation | None = None,
) -> Innovation:
    """A new innovation in the unit's register, at the stage it has reached (an innovation running
    for years is registered as implemented, with the date); institutionalising is its own step
    (``advance_stage``), which checks the legal basis."""
    if not permissions.can_register(actor, unit):
        raise PermissionDenied
    if stage not in STAGES or stage == Stage.INSTITUTIONALISED:
        raise ValidationError(
            {"stage": _("Register the innovation at an earlier stage, then institutionalise it.")}
        )
    _check_public(actor, unit, False, is_public)
    if replicates is not None:
        _check_original(actor, replicates, unit)
    _check_details(unit, details)
    _check_after(stage, details.after)
    day = _check_day(stage_on or timezone.localdate(), "stage_on")
    innovation = Innovation(
        unit=unit, stage=stage, is_public=is_public, registered_by=actor, replicates=replicates
    )
    _apply(innovation, details)
    setattr(innovation, STAGE_DATES[stage], day)
    return _save(innovation, actor)


@transaction.atomic
def update_innovation(
    *, actor: Any, innovation: Innovation, details: Details, is_public: bool | None = None
) -> Innovation:
    """The unit's people change what the innovation is; ``is_public`` (None leaves it) is the
    unit head's to change."""
    if not permissions.can_edit(actor, innovation):
        raise PermissionDenied
    innovation = Innovation.objects.select_for_update().select_related("unit").get(pk=innovation.pk)
    _check_public(actor, innovation.unit, innovation.is_public, is_public)
    _check_details(innovation.unit, details)
    _check_after(innovation.stage, details.after)
    _apply(innovation, details)
    if is_public is not None:
        innovation.is_public = is_public
    return _save(innovation, actor)


def _apply_basis(innovation: Innovation, basis: LegalBasis) -> None:
    if basis.kind and basis.kind not in LegalBasisKind.values:
        raise ValidationError({"legal_basis_kind": _("Choose a kind of legal basis.")})
    if basis.dated is not None and basis.dated > timezone.localdate():
        raise ValidationError({"decree_date": _("The date cannot be in the future.")})
    number = basis.number.strip()
    if bool(number) != (basis.dated is not None):
        field = "decree_date" if number else "decree_number"
        raise ValidationError({field: _("Give the legal basis's number and its date together.")})
    if (number or basis.file is not None) and not basis.title.strip():
        raise ValidationError({"legal_basis_title": _("Give the title of the legal basis.")})
    innovation.legal_basis_kind = basis.kind
    innovation.legal_basis_title = basis.title.strip()
    innovation.decree_number, innovation.decree_date = number, basis.dated
    if basis.file is not None:
        upload = basis.file.file
        name = (upload.name or "legal-basis.pdf").rsplit("/", 1)[-1][-80:]
        innovation.decree_file.save(f"{basis.file.sha256[:16]}-{name}", upload, save=False)
    elif not basis.title.strip():
        innovation.decree_file = ""  # type: ignore[assignment]  # no basis: no signed copy either


@transaction.atomic
def set_legal_basis(*, actor: Any, innovation: Innovation, basis: LegalBasis) -> Innovation:
    """The unit head records the legal basis: a draft (a title) or set (number and date, with the
    signed copy). An institutionalised innovation keeps a set one."""
    if not permissions.can_govern(actor, innovation.unit):
        raise PermissionDenied
    innovation = Innovation.objects.select_for_update().select_related("unit").get(pk=innovation.pk)
    _apply_basis(innovation, basis)
    if innovation.stage == Stage.INSTITUTIONALISED and not innovation.has_legal_basis:
        raise ValidationError(
            {"decree_number": _("An institutionalised innovation keeps its legal basis.")}
        )
    return _save(innovation, actor)


def _last_date(innovation: Innovation) -> date | None:
    days = [day for _stage, _label, day in innovation.stages_reached if day is not None]
    return max(days, default=None)


@transaction.atomic
def advance_stage(
    *,
    actor: Any,
    innovation: Innovation,
    stage: str,
    on: date | None,
    basis: LegalBasis | None = None,
) -> Innovation:
    """Move the innovation to a later stage reached ``on`` (not before the previous stage, not in
    the future). Implemented and later need the condition after it; institutionalised (the unit
    head) needs its legal basis with number and date, given here or already recorded. A stage
    may be skipped; reaching a running stage first records the implementation date."""
    if not permissions.can_edit(actor, innovation):
        raise PermissionDenied
    innovation = Innovation.objects.select_for_update().select_related("unit").get(pk=innovation.pk)
    if stage not in STAGES or stage_index(stage) <= stage_index(innovation.stage):
        raise ValidationError({"stage": _("Choose a stage after the current one.")})
    if stage == Stage.INSTITUTIONALISED and not permissions.can_govern(actor, innovation.unit):
        raise PermissionDenied
    day = _check_day(on, "on", after=_last_date(innovation))
    _check_after(stage, innovation.after)
    if basis is not None:
        _apply_basis(innovation, basis)
    if stage == Stage.INSTITUTIONALISED and not innovation.has_legal_basis:
        raise ValidationError(
            {
                "decree_number": _(
                    "Give the legal basis (number and date) that institutionalises the innovation."
                )
            }
        )
    innovation.stage = stage
    setattr(innovation, STAGE_DATES[stage], day)
    if stage in RUNNING and innovation.implemented_on is None:
        innovation.implemented_on = day
    return _save(innovation, actor)


@transaction.atomic
def attach_evidence(
    *,
    actor: Any,
    innovation: Innovation,
    files: Sequence[CheckedUpload],
    description: str = "",
) -> list[EvidenceFile]:
    """Evidence files of the innovation, each kept with its size and SHA-256."""
    if not permissions.can_edit(actor, innovation):
        raise PermissionDenied
    if not files:
        raise ValidationError({"evidence": _("Choose at least one file.")})
    stored = []
    for checked in files:
        upload = checked.file
        name = (upload.name or "file").rsplit("/", 1)[-1][-120:]
        document = EvidenceFile(
            innovation=innovation,
            original_name=name,
            description=description.strip()[:200],
            content_type=checked.content_type,
            size=upload.size or 0,
            sha256=checked.sha256,
            uploaded_by=actor,
        )
        document.file.save(name[-80:], upload, save=False)
        audit.attribute_to(document, actor)
        document.save()
        stored.append(document)
    return stored


@transaction.atomic
def record_effect(
    *,
    actor: Any,
    innovation: Innovation,
    metric_key: str,
    before: Decimal,
    after: Decimal,
    measured_before: str = "",
    measured_after: str = "",
) -> Effect:
    """The value of one of Pantau's figures before and after the innovation (a second record of
    the same figure replaces the first)."""
    if not permissions.can_edit(actor, innovation):
        raise PermissionDenied
    if metric_key not in FIGURES:
        raise ValidationError({"metric_key": _("This is not a figure Pantau knows.")})
    effect = Effect.objects.filter(innovation=innovation, metric_key=metric_key).first()
    effect = effect or Effect(innovation=innovation, metric_key=metric_key)
    effect.before, effect.after = before, after
    effect.measured_before = measured_before.strip()
    effect.measured_after = measured_after.strip()
    audit.attribute_to(effect, actor)
    effect.full_clean()
    effect.save()
    return effect


@transaction.atomic
def remove_effect(*, actor: Any, effect: Effect) -> None:
    if not permissions.can_edit(actor, effect.innovation):
        raise PermissionDenied
    audit.attribute_to(effect, actor)
    effect.delete()


@transaction.atomic
def replicate_innovation(
    *, actor: Any, original: Innovation, unit: Any, owner: Any, modification: str = ""
) -> Innovation:
    """ATM (amati, tiru, modifikasi): a catalogue innovation copied into ``unit`` as an idea,
    linked to the original; its problem and condition before are the original's until the unit
    writes its own, and ``modification`` says what the unit will change."""
    details = Details(
        title=original.title,
        problem=original.problem,
        before=original.before,
        owner=owner,
        description=original.description,
        modification=modification,
    )
    return register_innovation(
        actor=actor,
        unit=unit,
        details=details,
        stage=Stage.IDEA,
        stage_on=timezone.localdate(),
        replicates=original,
    )
