"""Writes to the improvement register (issue 21): plan, revise, record progress, drop. Each is one
transaction, takes the acting user and checks their right again; the web pages, the API and the
SKM follow-up plan (``save_skm_action``) all come here."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from pantau.accounts.models import Membership
from pantau.common import audit
from pantau.common.files import CheckedUpload

from . import permissions
from .models import PUBLIC_BY_DEFAULT, REFERENCE_FIELDS, Action, EvidenceFile, Source, Status

TITLE_LENGTH = 200
UNCHANGED: Any = object()  # ``revise_action``'s budget when the caller does not change it


@dataclass(frozen=True)
class SourceRef:
    """What asked for an action: its kind and the record of that kind (``models.REFERENCES``)."""

    kind: str
    period: Any = None  # satisfaction.SurveyPeriod
    element_key: str = ""
    category: Any = None  # complaints.Category
    complaint: Any = None  # complaints.Complaint
    recommendation: Any = None  # evaluations.Recommendation
    agreement: Any = None  # standards.Agreement
    study: Any = None  # studies.Study
    note: str = ""


def _unit_of_source(source: SourceRef) -> int | None:
    """The unit the source's record belongs to (None for a category or no record)."""
    if source.period is not None:
        return int(source.period.unit_id)
    if source.complaint is not None:
        return source.complaint.unit_id  # type: ignore[no-any-return]
    if source.recommendation is not None:
        return int(source.recommendation.lokus.unit_id)
    if source.agreement is not None:
        return int(source.agreement.forum.unit_id)
    return None


def check_source(unit: Any, source: SourceRef) -> None:
    """The source is of a known kind, names the record its kind needs, and that record is the
    unit's own (an SKM element of its questionnaire, a category that applies to it)."""
    from pantau.complaints.selectors import categories_for
    from pantau.satisfaction.selectors import scored_items

    if source.kind not in Source.values:
        raise ValidationError({"source": _("Choose where the action comes from.")})
    owner = _unit_of_source(source)
    if owner is not None and owner != unit.pk:
        raise ValidationError({"source": _("The source belongs to another unit.")})
    if source.kind == Source.SKM_ELEMENT and source.period is not None:
        keys = {item.key for item in scored_items(source.period)}
        if source.element_key not in keys:
            raise ValidationError(
                {"element_key": _("Choose an element of the period's questionnaire.")}
            )
    if (
        source.category is not None
        and not categories_for(unit=unit).filter(pk=source.category.pk).exists()
    ):
        raise ValidationError({"category": _("This category does not apply to the unit.")})
    if (
        source.study is not None
        and source.study.unit_id != unit.pk
        and not source.study.groups.filter(unit=unit).exists()
    ):
        raise ValidationError({"source": _("The unit does not take part in this study.")})
    if source.kind == Source.MYSTERY_SHOPPING and not source.note.strip():
        raise ValidationError({"source_note": _("Say what the observer found.")})


def _check_owner(unit: Any, owner: Any, responsible: str) -> None:
    if owner is None and not responsible.strip():
        raise ValidationError({"owner": _("Name who is responsible for the action.")})
    if owner is not None and not Membership.objects.filter(user=owner, unit=unit).exists():
        raise ValidationError({"owner": _("The owner must work at the unit.")})


def _save(action: Action, actor: Any) -> Action:
    audit.attribute_to(action, actor)
    action.full_clean()
    action.save()
    return action


def default_metric(source: SourceRef) -> str:
    """The figure an action of this source moves unless the planner names another."""
    if source.kind == Source.SKM_ELEMENT and source.element_key:
        return f"skm.element:{source.element_key}"
    if source.kind == Source.COMPLAINT_PATTERN and source.category is not None:
        return f"complaints.category:{source.category.code}"
    return ""


@transaction.atomic
def plan_action(
    *,
    actor: Any,
    unit: Any,
    source: SourceRef,
    title: str,
    due_on: date,
    description: str = "",
    owner: Any = None,
    responsible: str = "",
    metric_key: str | None = None,
    baseline: Decimal | None = None,
    target: Decimal | None = None,
    is_public: bool | None = None,
    budget: Decimal | None = None,
) -> Action:
    """A new action in the unit's register, planned by its head. ``metric_key`` None takes the
    source's own figure (an SKM element's NRR, a category's reports); ``is_public`` None shows
    it in public unless it answers a single complaint."""
    if not permissions.can_plan(actor, unit):
        raise PermissionDenied
    check_source(unit, source)
    _check_owner(unit, owner, responsible)
    if not title.strip():
        raise ValidationError({"title": _("Say what will be done.")})
    action = Action(
        unit=unit,
        source=source.kind,
        element_key=source.element_key,
        source_note=source.note.strip(),
        title=title.strip(),
        description=description.strip(),
        owner=owner,
        responsible=responsible.strip() if owner is None else "",
        due_on=due_on,
        metric_key=default_metric(source) if metric_key is None else metric_key,
        baseline=baseline,
        target=target,
        budget=budget,
        is_public=source.kind in PUBLIC_BY_DEFAULT if is_public is None else is_public,
        planned_by=actor,
    )
    for name in REFERENCE_FIELDS:
        setattr(action, name, getattr(source, name))
    _save(action, actor)
    if source.kind == Source.RECOMMENDATION:
        _file_on_recommendation(actor, action)
    return action


def _file_on_recommendation(actor: Any, action: Action) -> None:
    """A recommendation's first action becomes its action plan, when the actor is one of the
    unit's people who file PEKPPP follow-up (``improvements.recommendations``)."""
    from pantau.evaluations.permissions import can_fill_self_assessment

    from . import recommendations

    if action.recommendation is not None and can_fill_self_assessment(
        actor, action.recommendation.lokus
    ):
        recommendations.file_plan(actor=actor, action=action)


@transaction.atomic
def revise_action(
    *,
    actor: Any,
    action: Action,
    title: str,
    due_on: date,
    description: str = "",
    owner: Any = None,
    responsible: str = "",
    metric_key: str = "",
    baseline: Decimal | None = None,
    target: Decimal | None = None,
    is_public: bool = True,
    element_key: str | None = None,
    budget: Any = UNCHANGED,
) -> Action:
    """The head changes the plan: what, who, by when, the figure and whether the public sees it
    (the source stays; an SKM action may move to another element of the same period)."""
    if not permissions.can_plan(actor, action.unit):
        raise PermissionDenied
    action = Action.objects.select_for_update().get(pk=action.pk)
    _check_owner(action.unit, owner, responsible)
    if not title.strip():
        raise ValidationError({"title": _("Say what will be done.")})
    if element_key is not None and element_key != action.element_key:
        check_source(action.unit, SourceRef(action.source, action.period, element_key))
        action.element_key = element_key
    action.title, action.description = title.strip(), description.strip()
    action.owner, action.responsible = owner, (responsible.strip() if owner is None else "")
    action.due_on, action.is_public = due_on, is_public
    action.metric_key, action.baseline, action.target = metric_key, baseline, target
    if budget is not UNCHANGED:
        action.budget = budget
    return _save(action, actor)


def _store_files(action: Action, actor: Any, files: Sequence[CheckedUpload]) -> None:
    for checked in files:
        upload = checked.file
        name = (upload.name or "file").rsplit("/", 1)[-1][-120:]
        document = EvidenceFile(
            action=action,
            original_name=name,
            content_type=checked.content_type,
            size=upload.size or 0,
            sha256=checked.sha256,
            uploaded_by=actor,
        )
        document.file.save(name[-80:], upload, save=False)
        audit.attribute_to(document, actor)
        document.save()


@transaction.atomic
def record_progress(
    *,
    actor: Any,
    action: Action,
    status: str,
    completed_on: date | None = None,
    evidence_note: str | None = None,
    files: Sequence[CheckedUpload] = (),
) -> Action:
    """An officer or the head says where the action stands (planned, in progress, done with the
    date it was completed) and what was done, with evidence files. Only the head brings a
    dropped action back."""
    if not permissions.can_update(actor, action):
        raise PermissionDenied
    action = Action.objects.select_for_update().select_related("unit").get(pk=action.pk)
    if status not in (Status.PLANNED, Status.IN_PROGRESS, Status.DONE):
        raise ValidationError({"status": _("Choose planned, in progress or done.")})
    if action.status == Status.DROPPED and not permissions.can_drop(actor, action):
        raise PermissionDenied
    if status == Status.DONE and completed_on is None:
        raise ValidationError({"completed_on": _("Give the date the action was completed.")})
    recommendation = action.source == Source.RECOMMENDATION and action.recommendation is not None
    note = action.evidence_note if evidence_note is None else evidence_note
    if recommendation and status != Status.PLANNED and not note.strip():
        raise ValidationError(
            {
                "evidence_note": _(
                    "Say what was done: the evaluator reads it with the recommendation."
                )
            }
        )
    action.status = status
    action.completed_on = completed_on if status == Status.DONE else None
    action.drop_reason = ""
    if evidence_note is not None:
        action.evidence_note = evidence_note.strip()
    _save(action, actor)
    _store_files(action, actor, files)
    if recommendation:
        from . import recommendations

        recommendations.file_progress(actor=actor, action=action, done=status == Status.DONE)
        action.refresh_from_db()
    if status == Status.DONE and action.source == Source.AGREEMENT:
        _carry_out_agreement(actor, action)
    return action


def _carry_out_agreement(actor: Any, action: Action) -> None:
    """A forum agreement still pending is carried out once an action on it is done: its outcome
    on the forum's public page says so, with what was done (for those who edit the forum)."""
    from pantau.standards.permissions import can_edit_standards
    from pantau.standards.services import save_agreement

    agreement = action.agreement
    if agreement is None or agreement.outcome != "pending":
        return
    if can_edit_standards(actor, action.unit):
        note = action.evidence_note or action.title
        save_agreement(
            actor=actor,
            forum=agreement.forum,
            agreement=agreement,
            data={"outcome": "done", "outcome_note": note[:300]},
        )


@transaction.atomic
def drop_action(*, actor: Any, action: Action, reason: str) -> Action:
    """The head drops an action that will not be carried out, saying why (the public sees that it
    was dropped no more: only actions not dropped are shown)."""
    if not permissions.can_drop(actor, action):
        raise PermissionDenied
    action = Action.objects.select_for_update().get(pk=action.pk)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the action is dropped.")})
    if action.status == Status.DROPPED:
        raise ValidationError(_("The action is already dropped."))
    action.status, action.drop_reason, action.completed_on = Status.DROPPED, reason, None
    return _save(action, actor)


# --- The SKM follow-up plan, a view of the register --------------------------------------------


def split_plan_text(text: str) -> tuple[str, str]:
    """A follow-up plan's one text as (title, details): a text longer than a title keeps its
    first words, shortened with "…", as the title and its whole self as the details
    (``Action.plan_text`` reads it back whole)."""
    text = text.strip()
    if len(text) <= TITLE_LENGTH:
        return text, ""
    cut = text[: TITLE_LENGTH - 1].rsplit(" ", 1)[0] or text[: TITLE_LENGTH - 1]
    return cut + "…", text


@dataclass(frozen=True)
class SkmPlanRow:
    """One action as the SKM follow-up plan writes it (its page, the API)."""

    element_key: str
    text: str
    responsible: str
    due_on: date
    status: str  # planned, in_progress, done or cancelled
    completed_on: date | None
    report: str


def _carry_owner(action: Action, responsible: str) -> tuple[Any, str]:
    """The plan names who is responsible in words; an action whose owner is a user keeps them
    while the words are theirs."""
    if action.owner_id is not None and responsible.strip() == action.owner_label:
        return action.owner, ""
    return None, responsible


# The register's field names in the plan's words, for errors found while saving.
SKM_FIELDS = {"title": "action", "owner": "owner", "due_on": "deadline", "evidence_note": "report"}
SKM_PLAN_FIELDS = {"element_key", "action", "owner", "deadline", "status", "completed_on", "report"}


def save_skm_action(
    *, actor: Any, period: Any, row: SkmPlanRow, action: Action | None = None
) -> Action:
    """Add (``action`` None) or change one action of an SKM period's follow-up plan, which is
    the register's actions whose source is one of the period's elements. The unit head writes
    it whole, as the plan's page always did; "cancelled" drops the action (the report, if any,
    says why). Errors name the plan's fields."""
    try:
        return _save_skm_action(actor=actor, period=period, row=row, action=action)
    except ValidationError as error:
        if not hasattr(error, "error_dict"):
            raise
        plan: dict[str, list[Any]] = {}
        for name, messages in error.error_dict.items():
            shown = SKM_FIELDS.get(name, name)
            plan.setdefault(shown if shown in SKM_PLAN_FIELDS else NON_FIELD_ERRORS, []).extend(
                messages
            )
        raise ValidationError(plan) from None


@transaction.atomic
def _save_skm_action(
    *, actor: Any, period: Any, row: SkmPlanRow, action: Action | None = None
) -> Action:
    if not permissions.can_plan(actor, period.unit):
        raise PermissionDenied
    title, details = split_plan_text(row.text)
    if action is None:
        action = plan_action(
            actor=actor,
            unit=period.unit,
            source=SourceRef(Source.SKM_ELEMENT, period=period, element_key=row.element_key),
            title=title,
            description=details,
            responsible=row.responsible,
            due_on=row.due_on,
        )
    else:
        owner, responsible = _carry_owner(action, row.responsible)
        action = revise_action(
            actor=actor,
            action=action,
            title=title,
            description=details,
            owner=owner,
            responsible=responsible,
            due_on=row.due_on,
            metric_key=action.metric_key,
            baseline=action.baseline,
            target=action.target,
            is_public=action.is_public,
            element_key=row.element_key,
        )
    if row.status == "cancelled":
        if action.status != Status.DROPPED:
            reason = row.report or _("Cancelled in the SKM follow-up plan.")
            action = drop_action(actor=actor, action=action, reason=reason)
        action.evidence_note = row.report.strip()
        return _save(action, actor)
    if (action.status, action.completed_on, action.evidence_note) == (
        row.status,
        row.completed_on,
        row.report.strip(),
    ):
        return action
    return record_progress(
        actor=actor,
        action=action,
        status=row.status,
        completed_on=row.completed_on,
        evidence_note=row.report,
    )
