"""Writes of service standards, pledges, forums and publication records.

The standard's workflow is an explicit transition table; each transition is one service that checks
the permission and the state, moves the status and is recorded in the audit trail (simple-history).
A version that has been set is never changed again: every writer below refuses it.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from pantau.common import audit
from pantau.common.files import CheckedUpload

from ..models import (
    MANUFACTURING_KEYS,
    Agreement,
    ComponentFile,
    Forum,
    ProcedureStep,
    Requirement,
    StandardVersion,
)
from ..permissions import can_edit_standards, can_set_standards
from ..workflow import VERSION_WORKFLOW

Status = StandardVersion.Status

# action: (statuses it may start from, status it leads to), from the workflow as data
# (pantau.standards.workflow); superseding happens only through publishing a later version.
TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    t.name: (t.sources, t.target) for t in VERSION_WORKFLOW.transitions if t.name != "supersede"
}

# Fields of a version a writer may change (the structured rows are passed apart).
CONTENT_FIELDS = [
    "time_limit_value",
    "time_limit_unit",
    "time_limit_note",
    "fee_is_free",
    "fee_amount",
    "fee_legal_basis",
    "fee_note",
    "product",
    "complaint_handling",
    *MANUFACTURING_KEYS,
    "change_note",
    "review_months",
]


# What one requirement or procedure step may hold: its text, and its note (a requirement) or who
# does it (a step). The web form and the API take these limits from here.
LINE_TEXT_MAX = 300
LINE_NOTE_MAX = 120
REVIEW_MONTHS = (1, 60)


def check_content(
    content: dict, requirements: list[tuple[str, str]], steps: list[tuple[str, str]]
) -> None:
    """The rules a version's content keeps, whoever sends it (the web form, the API): each line's
    length (nothing is cut), the fee (free, or an amount), the time limit (a number with its
    unit), and the review interval. Raises one ValidationError naming every field at fault by
    the model's names, ``requirements`` and ``steps``."""
    errors: dict[str, list[str]] = {}
    for field, rows, second_label in (
        ("requirements", requirements, _("the note")),
        ("steps", steps, _("who does it")),
    ):
        for number, (text, second) in enumerate(rows, start=1):
            if not text.strip():
                errors.setdefault(field, []).append(
                    _("Line %(number)s has no text.") % {"number": number}
                )
            elif any(mark in text + second for mark in "\r\n"):
                errors.setdefault(field, []).append(
                    _("Line %(number)s: one line may not hold a line break.") % {"number": number}
                )
            elif len(text) > LINE_TEXT_MAX:
                errors.setdefault(field, []).append(
                    _("Each line may hold at most %(limit)s characters.") % {"limit": LINE_TEXT_MAX}
                )
            if len(second) > LINE_NOTE_MAX:
                errors.setdefault(field, []).append(
                    _("Line %(number)s: %(part)s may hold at most %(limit)s characters.")
                    % {"number": number, "part": second_label, "limit": LINE_NOTE_MAX}
                )
    if content.get("fee_is_free"):
        if content.get("fee_amount"):
            errors["fee_amount"] = [
                _("Leave the amount empty for a free service, or untick “free”.")
            ]
    elif not content.get("fee_amount"):
        errors["fee_amount"] = [_("Give the fee in rupiah, or tick “free of charge”.")]
    if (content.get("time_limit_value") is None) != (not content.get("time_limit_unit")):
        errors["time_limit_unit"] = [_("Give both the number and the unit of time.")]
    months = content.get("review_months")
    if months is not None and not REVIEW_MONTHS[0] <= months <= REVIEW_MONTHS[1]:
        errors["review_months"] = [_("Choose a review interval of 1 to 60 months.")]
    if errors:
        raise ValidationError(errors)


# A checked upload (the file, its sniffed content type and its SHA-256): the one type every
# content-checked file field cleans to (pantau.common.files).
Upload = CheckedUpload


def allowed_actions(version: StandardVersion) -> list[str]:
    return [
        action for action, (sources, _target) in TRANSITIONS.items() if version.status in sources
    ]


def _check_edit(actor, unit) -> None:
    if not can_edit_standards(actor, unit):
        raise PermissionDenied


def _check_editable(version: StandardVersion) -> None:
    if not version.is_editable:
        raise ValidationError(
            _(
                "Version %(number)s has been set and can no longer change. Start a new version "
                "to change the standard."
            )
            % {"number": version.number}
        )


def _move(version: StandardVersion, action: str, *, actor) -> None:
    sources, target = TRANSITIONS[action]
    if version.status not in sources:
        raise ValidationError(
            _("This step is not possible while the version is “%(status)s”.")
            % {"status": version.get_status_display()}
        )
    version.status = target


def missing_components(version: StandardVersion) -> list[str]:
    """The components a version still lacks; a standard is set only with all fourteen."""
    missing = []
    if not version.requirements.exists():
        missing.append(_("Requirements"))
    if not version.steps.exists():
        missing.append(_("Procedure"))
    if version.time_limit_value is None or not version.time_limit_unit:
        missing.append(_("Time limit"))
    if not version.fee_is_free and not version.fee_legal_basis.strip():
        missing.append(_("Legal basis of the fee"))
    if not version.product.strip():
        missing.append(_("Service product"))
    if not version.complaint_handling.strip():
        missing.append(_("Complaints, suggestions and feedback"))
    for _key, label, text in version.manufacturing():
        if not text.strip():
            missing.append(label)
    return missing


# --- Versions -------------------------------------------------------------------------------


@transaction.atomic
def start_version(*, actor, service) -> StandardVersion:
    """Open a new draft for a service, copied from its latest version (if any)."""
    _check_edit(actor, service.unit)
    if service.standard_versions.filter(status__in=[Status.DRAFT, Status.DISCUSSED, Status.SET]):
        raise ValidationError(
            _("This service already has a version in progress. Finish or publish it first.")
        )
    latest = service.standard_versions.order_by("-number").first()
    number = (service.standard_versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = StandardVersion(service=service, number=number, created_by=actor)
    if latest is not None:
        for name in CONTENT_FIELDS:
            setattr(version, name, getattr(latest, name))
        version.change_note = ""
    audit.attribute_to(version, actor)
    version.full_clean(exclude=["decree_file"])
    version.save()
    if latest is not None:
        Requirement.objects.bulk_create(
            Requirement(version=version, position=r.position, text=r.text, note=r.note)
            for r in latest.requirements.all()
        )
        ProcedureStep.objects.bulk_create(
            ProcedureStep(version=version, position=s.position, text=s.text, actor=s.actor)
            for s in latest.steps.all()
        )
    return version


@transaction.atomic
def update_version(
    *,
    actor,
    version: StandardVersion,
    data: dict,
    requirements: list[tuple[str, str]],
    steps: list[tuple[str, str]],
) -> StandardVersion:
    """Change the content of a draft (or discussed) version: fields and the two ordered lists.
    What ``data`` leaves out keeps its value; the result must keep ``check_content``'s rules."""
    _check_edit(actor, version.service.unit)
    version = StandardVersion.objects.select_for_update().get(pk=version.pk)
    _check_editable(version)
    for name in CONTENT_FIELDS:
        if name in data:
            setattr(version, name, data[name])
    check_content({name: getattr(version, name) for name in CONTENT_FIELDS}, requirements, steps)
    if version.fee_is_free:
        version.fee_amount = None
    audit.attribute_to(version, actor)
    version.full_clean(exclude=["decree_file"])
    version.save()
    version.requirements.all().delete()
    Requirement.objects.bulk_create(
        Requirement(version=version, position=index, text=text, note=note)
        for index, (text, note) in enumerate(requirements, start=1)
    )
    version.steps.all().delete()
    ProcedureStep.objects.bulk_create(
        ProcedureStep(version=version, position=index, text=text, actor=who)
        for index, (text, who) in enumerate(steps, start=1)
    )
    return version


@transaction.atomic
def attach_component_file(
    *, actor, version: StandardVersion, component: str, upload: Upload
) -> ComponentFile:
    _check_edit(actor, version.service.unit)
    _check_editable(version)
    if component not in MANUFACTURING_KEYS:
        raise ValidationError(_("Choose one of the eight manufacturing components."))
    return ComponentFile.objects.create(
        version=version,
        component=component,
        file=upload.file,
        original_name=(upload.file.name or "document")[:200],
        content_type=upload.content_type,
        size=upload.file.size or 0,
        sha256=upload.sha256,
    )


@transaction.atomic
def remove_component_file(*, actor, item: ComponentFile) -> None:
    _check_edit(actor, item.version.service.unit)
    _check_editable(item.version)
    item.file.delete(save=False)
    item.delete()


@transaction.atomic
def record_discussion(*, actor, version: StandardVersion, forum: Forum) -> StandardVersion:
    """The draft was discussed in a consultation forum of the same unit."""
    unit = version.service.unit
    _check_edit(actor, unit)
    version = StandardVersion.objects.select_for_update().get(pk=version.pk)
    if forum.unit_id != unit.pk:
        raise ValidationError(_("Choose a forum of this unit."))
    if forum.status != Forum.Status.HELD:
        raise ValidationError(_("The forum has not been held yet. Record it as held first."))
    _move(version, "discuss", actor=actor)
    version.forum = forum
    audit.attribute_to(version, actor)
    version.save()
    return version


@transaction.atomic
def reopen_draft(*, actor, version: StandardVersion) -> StandardVersion:
    _check_edit(actor, version.service.unit)
    version = StandardVersion.objects.select_for_update().get(pk=version.pk)
    _move(version, "reopen", actor=actor)
    audit.attribute_to(version, actor)
    version.save()
    return version


@transaction.atomic
def set_version(
    *,
    actor,
    version: StandardVersion,
    decree_number: str,
    decree_date,
    decree_file: Upload,
    today=None,
) -> StandardVersion:
    """The unit head sets (menetapkan) the discussed version by decree; it is immutable from now."""
    unit = version.service.unit
    if not can_set_standards(actor, unit):
        raise PermissionDenied
    today = today or timezone.localdate()
    version = StandardVersion.objects.select_for_update().get(pk=version.pk)
    missing = missing_components(version)
    if missing:
        raise ValidationError(
            _("The standard is not complete. Still missing: %(missing)s.")
            % {"missing": ", ".join(str(m) for m in missing)}
        )
    if not decree_number.strip():
        raise ValidationError(_("Give the number of the decree."))
    if decree_date > today:
        raise ValidationError(_("The decree date cannot be in the future."))
    if version.forum is not None and decree_date < version.forum.held_on:
        raise ValidationError(
            _(
                "The decree is dated %(decree)s, before the consultation forum of %(forum)s that "
                "discussed this draft: a standard is set after it is discussed. Check the date."
            )
            % {
                "decree": date_format(decree_date, "j F Y"),
                "forum": date_format(version.forum.held_on, "j F Y"),
            }
        )
    pending = list(version.agreements.filter(outcome=Agreement.Outcome.PENDING))
    if pending:
        raise ValidationError(
            _(
                "%(n)s agreement(s) of the forum on this draft are not yet recorded as carried out "
                "or not: %(items)s. Record each outcome in the forum before setting the standard."
            )
            % {"n": len(pending), "items": "; ".join(a.text[:80] for a in pending)}
        )
    _move(version, "set", actor=actor)
    version.decree_number = decree_number.strip()
    version.decree_date = decree_date
    extension = decree_file.content_type.rsplit("/", 1)[-1].replace("jpeg", "jpg")
    version.decree_file.save(
        f"{version.pk}-{decree_file.sha256[:12]}.{extension}", decree_file.file, save=False
    )
    version.set_by = actor
    version.set_at = timezone.now()
    audit.attribute_to(version, actor)
    version.save()
    return version


@transaction.atomic
def publish_version(*, actor, version: StandardVersion) -> StandardVersion:
    """Put a set version in force; the version in force until now becomes history."""
    unit = version.service.unit
    if not can_set_standards(actor, unit):
        raise PermissionDenied
    version = StandardVersion.objects.select_for_update().get(pk=version.pk)
    _move(version, "publish", actor=actor)
    now = timezone.now()
    for previous in StandardVersion.objects.select_for_update().filter(
        service_id=version.service_id, status=Status.PUBLISHED
    ):
        previous.status = Status.SUPERSEDED
        previous.superseded_at = now
        audit.attribute_to(previous, actor)
        previous.save()
    version.published_at = now
    audit.attribute_to(version, actor)
    version.save()
    return version


@transaction.atomic
def discard_draft(*, actor, version: StandardVersion) -> None:
    _check_edit(actor, version.service.unit)
    _check_editable(version)
    if version.agreements.exists():
        raise ValidationError(_("Forum agreements refer to this draft; it cannot be discarded."))
    for item in version.files.all():
        item.file.delete(save=False)
    audit.attribute_to(version, actor)
    version.delete()
