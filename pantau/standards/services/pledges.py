"""Writes of the service pledge (maklumat) and of publication records."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from pantau.common import audit

from ..models import Maklumat, Publication, StandardVersion
from ..permissions import can_edit_standards, can_set_standards
from .versions import Upload

Status = StandardVersion.Status


# --- Service pledge (maklumat) --------------------------------------------------------------

DEFAULT_PLEDGE = {
    "promise": "Dengan ini, kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar "
    "pelayanan yang telah ditetapkan",
    "improvement": "Kami akan melakukan perbaikan secara terus-menerus",
    "sanction": "Apabila tidak menepati janji ini, kami siap menerima sanksi dan/atau memberikan "
    "kompensasi sesuai peraturan perundang-undangan yang berlaku",
}


PLEDGE_FIELDS = ("promise", "improvement", "sanction", "signatory_name", "signatory_title")


def new_maklumat_text(unit) -> dict:
    """The text a new draft pledge starts from: the pledge in force's, or the standard wording."""
    current = (
        Maklumat.objects.filter(unit=unit, status=Maklumat.Status.PUBLISHED)
        .order_by("-number")
        .first()
    )
    if current is None:
        return DEFAULT_PLEDGE | {}
    return {name: getattr(current, name) for name in PLEDGE_FIELDS}


@transaction.atomic
def save_maklumat_draft(*, actor, unit, data: dict) -> Maklumat:
    """Create or change the unit's draft pledge (a published pledge is replaced, never edited)."""
    if not can_edit_standards(actor, unit):
        raise PermissionDenied
    draft = Maklumat.objects.select_for_update().filter(unit=unit, status="draft").first()
    if draft is None:
        number = (Maklumat.objects.filter(unit=unit).aggregate(n=Max("number"))["n"] or 0) + 1
        draft = Maklumat(unit=unit, number=number)
    for name in PLEDGE_FIELDS:
        setattr(draft, name, data[name])
    audit.attribute_to(draft, actor)
    draft.full_clean()
    draft.save()
    return draft


@transaction.atomic
def publish_maklumat(*, actor, maklumat: Maklumat, set_on, today=None) -> Maklumat:
    """The unit head sets and publishes the pledge; the previous pledge becomes history."""
    if not can_set_standards(actor, maklumat.unit):
        raise PermissionDenied
    today = today or timezone.localdate()
    maklumat = Maklumat.objects.select_for_update().get(pk=maklumat.pk)
    if maklumat.status != Maklumat.Status.DRAFT:
        raise ValidationError(_("Only a draft pledge can be set and published."))
    if set_on > today:
        raise ValidationError(_("The date the pledge is set cannot be in the future."))
    for previous in Maklumat.objects.select_for_update().filter(
        unit_id=maklumat.unit_id, status=Maklumat.Status.PUBLISHED
    ):
        previous.status = Maklumat.Status.SUPERSEDED
        audit.attribute_to(previous, actor)
        previous.save()
    maklumat.status = Maklumat.Status.PUBLISHED
    maklumat.set_on = set_on
    maklumat.published_at = timezone.now()
    maklumat.published_by = actor
    audit.attribute_to(maklumat, actor)
    maklumat.save()
    return maklumat


# --- Publication records --------------------------------------------------------------------


@transaction.atomic
def record_publication(
    *,
    actor,
    unit,
    subject: str,
    target,
    medium: str,
    published_on,
    url: str = "",
    note: str = "",
    evidence: Upload | None = None,
    today=None,
) -> Publication:
    """Record that a standard, pledge or SKM result of the unit was published on one medium."""
    if not can_edit_standards(actor, unit):
        raise PermissionDenied
    today = today or timezone.localdate()
    if published_on > today:
        raise ValidationError(_("The publication date cannot be in the future."))
    record = Publication(
        unit=unit,
        subject=subject,
        medium=medium,
        published_on=published_on,
        url=url,
        note=note,
        recorded_by=actor,
    )
    if subject == Publication.Subject.STANDARD:
        if target.service.unit_id != unit.pk or target.status not in (
            Status.PUBLISHED,
            Status.SUPERSEDED,
        ):
            raise ValidationError(_("Choose a published standard of this unit."))
        record.standard = target
    elif subject == Publication.Subject.MAKLUMAT:
        if target.unit_id != unit.pk or target.status == Maklumat.Status.DRAFT:
            raise ValidationError(_("Choose a published pledge of this unit."))
        record.maklumat = target
    else:
        if target.unit_id != unit.pk or target.published_at is None:
            raise ValidationError(_("Choose a published SKM period of this unit."))
        record.skm_period = target
    if evidence is not None:
        record.sha256 = evidence.sha256
        record.evidence_name = (evidence.file.name or "evidence")[:200]
        record.evidence_type = evidence.content_type
        record.evidence = evidence.file
    record.full_clean(exclude=["evidence"])
    record.save()
    return record


@transaction.atomic
def delete_publication(*, actor, record: Publication) -> None:
    if not can_edit_standards(actor, record.unit):
        raise PermissionDenied
    if record.evidence:
        record.evidence.delete(save=False)
    record.delete()
