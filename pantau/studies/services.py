"""Perception-study actions: set up a study, open and close it, answer as a provider, revise an
instrument (a new version once answers exist)."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from pantau.accounts.models import Membership
from pantau.common import audit
from pantau.organisations.permissions import can_manage_unit
from pantau.surveys.imports import ImportReport, import_file, undo_batch
from pantau.surveys.models import Collection, InstrumentVersion, Item, ItemOption, Response
from pantau.surveys.services import submit_response

from .importers import read_group_file
from .instruments import FORM_SETS, shipped_version
from .models import ProviderInvitation, ProviderParticipation, RespondentGroup, Study
from .permissions import can_answer_as_provider, can_enter_responses, can_manage_study
from .workflow import STUDY_WORKFLOW


@transaction.atomic
def create_study(
    *,
    actor,
    unit,
    title: str,
    starts_on: date,
    ends_on: date,
    recipient_target: int,
    provider_target: int,
    other_units=(),
    form_set: str = "nps5",
) -> Study:
    """A study led by ``unit``, of that unit and ``other_units``: per unit a recipients' and a
    providers' group, each with its own collection on its form's current version. The target
    samples are per unit."""
    if not can_manage_unit(actor, unit):
        raise PermissionDenied
    units = [unit] + sorted({u for u in other_units if u.pk != unit.pk}, key=lambda u: u.name)
    if any(not can_manage_unit(actor, u) for u in units):
        raise ValidationError(_("You can only include units that you manage."))
    if ends_on < starts_on:
        raise ValidationError(_("The study cannot end before it starts."))
    if form_set not in FORM_SETS:
        raise ValidationError(_("Choose one of the instruments offered."))
    form_a, form_b = FORM_SETS[form_set]
    if recipient_target < 1 or provider_target < 1:
        raise ValidationError(_("Each group needs a target sample of at least one respondent."))
    study = Study(
        unit=unit, title=title.strip(), starts_on=starts_on, ends_on=ends_on, created_by=actor
    )
    study.full_clean()
    audit.attribute_to(study, actor)
    study.save()
    for member in units:
        for role, code, target in (
            (RespondentGroup.Role.RECIPIENT, form_a, recipient_target),
            (RespondentGroup.Role.PROVIDER, form_b, provider_target),
        ):
            collection = Collection.objects.create(version=shipped_version(code), unit=member)
            RespondentGroup.objects.create(
                study=study, role=role, unit=member, collection=collection, target_sample=target
            )
    return study


# From the workflow as data (pantau.studies.workflow).
TRANSITIONS = {t.name: (set(t.sources), t.target) for t in STUDY_WORKFLOW.transitions}


@transaction.atomic
def change_study_status(*, actor, study: Study, action: str) -> None:
    """Open or close answering for every group of the study at once."""
    if not can_manage_study(actor, study):
        raise PermissionDenied
    if action not in TRANSITIONS:
        raise ValidationError(_("Unknown action."))
    allowed_from, target = TRANSITIONS[action]
    collections = list(
        Collection.objects.select_for_update().filter(study_group__study=study).order_by("pk")
    )
    # The step applies when any group can take it: a unit added to an open study starts with a
    # draft collection, and a study with groups out of step must still open and close as one
    # (otherwise neither step was allowed: a dead end, issue 16). Groups already there stay.
    movable = [c for c in collections if c.status in allowed_from]
    if not movable:
        raise ValidationError(_("The study cannot go to that state from its present one."))
    Collection.objects.filter(pk__in=[c.pk for c in movable]).update(status=target)
    audit.attribute_to(study, actor)
    study.save(update_fields=["updated_at"])


class AlreadyAnswered(Exception):
    pass


@transaction.atomic
def submit_provider_response(
    *, actor, group: RespondentGroup, answers, submission_token
) -> Response:
    """An officer of the unit answers the providers' form once. Who answered is recorded apart
    from the answers, which stay anonymous (the response carries no user)."""
    if group.role != RespondentGroup.Role.PROVIDER or not can_answer_as_provider(actor, group):
        raise PermissionDenied
    collection = Collection.objects.select_for_update().get(pk=group.collection_id)
    if collection.status != Collection.Status.OPEN:
        raise ValidationError(_("This study is not open for answers at the moment."))
    if ProviderParticipation.objects.filter(group__study_id=group.study_id, user=actor).exists():
        raise AlreadyAnswered  # once per study, even for an officer of several of its units
    try:
        with transaction.atomic():
            ProviderParticipation.objects.create(group=group, user=actor)
    except IntegrityError:
        raise AlreadyAnswered from None
    response, _created = submit_response(
        collection=collection,
        answers=answers,
        submission_token=submission_token,
        source=Response.Source.WEB,
    )
    return response


def _copy_version(version: InstrumentVersion) -> InstrumentVersion:
    """The next version of the instrument: the same sections, items and options."""
    latest = version.instrument.versions.order_by("-number").values_list("number", flat=True)[0]
    copy = InstrumentVersion.objects.create(
        instrument=version.instrument,
        number=latest + 1,
        note=_("Revised from version %(number)s") % {"number": version.number},
    )
    sections = {}
    for section in version.sections.all():
        old_pk = section.pk
        section.pk = None
        section.version = copy
        section.save()
        sections[old_pk] = section
    for item in version.items.prefetch_related("options"):
        options = list(item.options.all())
        item.pk = None
        item.version = copy
        item.section = sections[item.section_id]
        item.save()
        ItemOption.objects.bulk_create(
            ItemOption(
                item=item,
                value=o.value,
                label=o.label,
                label_en=o.label_en,
                position=o.position,
                icon=o.icon,
            )
            for o in options
        )
    return copy


@transaction.atomic
def revise_item(
    *,
    actor,
    version: InstrumentVersion,
    key: str,
    text: str,
    text_en: str = "",
    reverse_scored: bool | None = None,
) -> InstrumentVersion:
    """Change a statement. Once the version has answers the change goes into a new version (so
    results never mix versions) and that version is returned; otherwise the version is edited."""
    if not (actor.is_superuser or actor.is_staff):
        raise PermissionDenied
    if not text.strip():
        raise ValidationError(_("Write the statement."))
    target = _copy_version(version) if version.has_responses else version
    item = Item.objects.filter(version=target, key=key).first()
    if item is None:
        raise ValidationError(_("The instrument has no such item."))
    item.text = text.strip()
    if text_en:
        item.text_en = text_en.strip()
    if reverse_scored is not None:
        item.reverse_scored = reverse_scored
    item.save()
    target.save(update_fields=["updated_at"])  # reloads cached items everywhere
    return target


@transaction.atomic
def invite_providers(*, actor, study: Study) -> list[ProviderInvitation]:
    """A one-time link for every officer and head of the unit who has none yet."""
    if not can_manage_study(actor, study):
        raise PermissionDenied
    created: list[ProviderInvitation] = []
    # An officer of several units of the study is invited once, through the first unit's group.
    invited = set(
        ProviderInvitation.objects.filter(group__study=study).values_list("user_id", flat=True)
    ) | set(
        ProviderParticipation.objects.filter(group__study=study).values_list("user_id", flat=True)
    )
    for group in study.groups.filter(role=RespondentGroup.Role.PROVIDER).order_by("unit__name"):
        officers = sorted(
            set(
                Membership.objects.filter(unit_id=group.unit_id, user__is_active=True)
                .exclude(user_id__in=invited)
                .values_list("user_id", flat=True)
            )
        )
        invited |= set(officers)
        created += ProviderInvitation.objects.bulk_create(
            ProviderInvitation(group=group, user_id=user_id) for user_id in officers
        )
    return created


class InvitationUsed(Exception):
    pass


@transaction.atomic
def submit_invited_response(*, token: str, answers, submission_token) -> Response:
    """An officer answers through their one-time link: the link is spent and their taking part
    recorded in the same transaction as the (anonymous) answers."""
    invitation = (
        ProviderInvitation.objects.select_for_update()
        .select_related("group", "group__collection")
        .filter(token=token)
        .first()
    )
    if invitation is None or invitation.used_at is not None:
        raise InvitationUsed
    collection = Collection.objects.select_for_update().get(pk=invitation.group.collection_id)
    if collection.status != Collection.Status.OPEN:
        raise ValidationError(_("This study is not open for answers at the moment."))
    if ProviderParticipation.objects.filter(
        group__study_id=invitation.group.study_id, user_id=invitation.user_id
    ).exists():
        raise AlreadyAnswered
    ProviderParticipation.objects.create(group=invitation.group, user_id=invitation.user_id)
    response, _created = submit_response(
        collection=collection,
        answers=answers,
        submission_token=submission_token,
        source=Response.Source.WEB,
    )
    invitation.used_at = response.submitted_at
    invitation.save(update_fields=["used_at"])
    return response


def enter_paper_response(
    *, actor, group: RespondentGroup, answers, submission_token
) -> tuple[Response, bool]:
    """An officer types in a recipient's paper questionnaire, recorded as entered by them."""
    if group.role != RespondentGroup.Role.RECIPIENT or not can_enter_responses(actor, group):
        raise PermissionDenied
    return submit_response(
        collection=group.collection,
        answers=answers,
        submission_token=submission_token,
        source=Response.Source.PAPER,
        entered_by=actor,
    )


def import_responses(*, actor, group: RespondentGroup, path, file_name: str = "") -> ImportReport:
    """Every row or none (``pantau.surveys.imports``): the report lists each wrong row; a clean
    file is saved in one go and recorded as an ``ImportBatch``; the same file is refused again."""
    if not can_enter_responses(actor, group):
        raise PermissionDenied
    return import_file(
        actor=actor,
        collection=group.collection,
        path=path,
        file_name=file_name,
        read=lambda stored: read_group_file(stored, group.collection.version_id),
    )


def undo_import(*, actor, group: RespondentGroup, batch_id: int):
    """Remove one import's questionnaires while the group's collection is open; the import stays
    in the record, marked undone."""
    if not can_enter_responses(actor, group):
        raise PermissionDenied
    if group.collection.status != Collection.Status.OPEN:
        raise ValidationError(_("The questionnaire is closed: its answers can no longer change."))
    return undo_batch(actor=actor, collection=group.collection, batch_id=batch_id)
