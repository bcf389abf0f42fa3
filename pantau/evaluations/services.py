"""PEKPPP actions: set up a round, self-assess with evidence, score, verify, compute results,
recommend and follow up. Each checks the actor's right and the round's state and window."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Field, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from pantau.accounts.models import Role
from pantau.analytics.ipp import IppError, compute_ipp, rank
from pantau.common import audit
from pantau.surveys.models import Collection

from . import permissions
from .models import (
    EvaluationInstrument,
    Evidence,
    FollowUpDocument,
    Lokus,
    Recommendation,
    Round,
    Score,
    SelfAssessment,
    Verification,
)
from .workflow import EVALUATOR, FOLLOW_UP_WORKFLOW, MANAGER, ROUND_STEPS, ROUND_WORKFLOW, UNIT

S = Round.Status

# action: (allowed from, to), read from the workflow as data (pantau.evaluations.workflow).
# One service per transition: change_round_status.
TRANSITIONS = {
    name: (
        next(iter(ROUND_WORKFLOW.transition(name).sources)),
        ROUND_WORKFLOW.transition(name).target,
    )
    for name in ROUND_STEPS
}

SCHEDULE = [
    "self_assessment_opens",
    "self_assessment_closes",
    "scoring_opens",
    "scoring_closes",
    "verification_opens",
    "verification_closes",
    "results_on",
    "follow_up_due",
]


def _today() -> date:
    return timezone.localdate()


def _check_schedule(dates: dict) -> None:
    ordered = [dates[name] for name in SCHEDULE]
    if any(later < earlier for earlier, later in zip(ordered, ordered[1:], strict=False)):
        raise ValidationError(
            _(
                "The schedule must run in order: self-assessment, desk scoring, field "
                "verification, results, follow-up deadline."
            )
        )
    if dates["citizen_closes"] < dates["citizen_opens"]:
        raise ValidationError(_("The citizen form must close after it opens."))


@transaction.atomic
def create_round(
    *,
    actor,
    body,
    name: str,
    year: int,
    instrument: EvaluationInstrument,
    method: str,
    mode: str,
    **dates,
) -> Round:
    if not permissions.manages_body(actor, body.pk, self_mode=mode == Round.Mode.SELF):
        raise PermissionDenied
    if not instrument.usable:
        raise ValidationError(
            _(
                "This instrument version has no indicator detail, so units cannot be scored with "
                "it. Choose another version."
            )
        )
    _check_schedule(dates)
    round_ = Round(
        body=body,
        name=name,
        year=year,
        instrument=instrument,
        method=method,
        mode=mode,
        created_by=actor,
        **dates,
    )
    audit.attribute_to(round_, actor)
    round_.full_clean()
    round_.save()
    return round_


ROUND_FIELDS = (
    "name",
    "year",
    "instrument",
    "method",
    "mode",
    "citizen_opens",
    "citizen_closes",
    *SCHEDULE,
)


@transaction.atomic
def update_round(*, actor, round_: Round, body, **fields) -> Round:
    """Change a round's set-up while it is still being set up (before it is opened)."""
    if not permissions.can_manage_round(actor, round_):
        raise PermissionDenied
    round_ = Round.objects.select_for_update().get(pk=round_.pk)
    if round_.status != S.DRAFT:
        raise ValidationError(
            _("A round can be changed only while it is being set up; this one is already open.")
        )
    if not permissions.manages_body(actor, body.pk, self_mode=fields["mode"] == Round.Mode.SELF):
        raise PermissionDenied
    if body.pk != round_.body_id and round_.lokus.exists():
        raise ValidationError(_("Remove the round's units before changing its evaluating body."))
    if not fields["instrument"].usable:
        raise ValidationError(
            _(
                "This instrument version has no indicator detail, so units cannot be scored with "
                "it. Choose another version."
            )
        )
    _check_schedule({name: fields[name] for name in (*SCHEDULE, "citizen_opens", "citizen_closes")})
    round_.body = body
    for name in ROUND_FIELDS:
        setattr(round_, name, fields[name])
    audit.attribute_to(round_, actor)
    round_.full_clean()
    round_.save()
    return round_


@transaction.atomic
def delete_round(*, actor, round_: Round) -> None:
    """Delete a round that was never opened, with its units and their (empty) citizen forms."""
    if not permissions.can_manage_round(actor, round_):
        raise PermissionDenied
    round_ = Round.objects.select_for_update().get(pk=round_.pk)
    if round_.status != S.DRAFT:
        raise ValidationError(
            _("A round can be deleted only before it is opened; close it instead when it is over.")
        )
    collections = list(
        round_.lokus.exclude(citizen_collection=None).values_list(
            "citizen_collection_id", flat=True
        )
    )
    round_.lokus.all().delete()
    Collection.objects.filter(pk__in=collections).delete()
    round_.delete()


@transaction.atomic
def add_lokus(*, actor, round_: Round, unit, service_class: str, evaluators) -> Lokus:
    if not permissions.can_manage_round(actor, round_):
        raise PermissionDenied
    if round_.status not in (S.DRAFT, S.SELF_ASSESSMENT):
        raise ValidationError(_("Units can be added only before desk scoring starts."))
    if not permissions.round_covers_unit(actor, round_, unit):
        raise ValidationError(_("This unit is not under the evaluating body."))
    if Lokus.objects.filter(round=round_, unit=unit).exists():
        raise ValidationError(_("This unit is already in the round."))
    evaluators = list(evaluators)
    for evaluator in evaluators:
        is_evaluator = evaluator.memberships.filter(role=Role.EVALUATOR).exists()
        if not is_evaluator or not permissions.evaluator_covers_unit(evaluator, unit):
            raise ValidationError(
                _("%(name)s is not an evaluator whose scope holds this unit.")
                % {"name": evaluator.get_full_name() or evaluator.username}
            )
    collection = None
    citizen_version = round_.instrument.citizen_version
    if citizen_version is not None:
        status = Collection.Status.DRAFT if round_.status == S.DRAFT else Collection.Status.OPEN
        collection = Collection.objects.create(version=citizen_version, unit=unit, status=status)
    lokus = Lokus.objects.create(
        round=round_, unit=unit, service_class=service_class, citizen_collection=collection
    )
    lokus.evaluators.set(evaluators)
    return lokus


@transaction.atomic
def change_round_status(*, actor, round_: Round, action: str) -> Round:
    if not permissions.can_manage_round(actor, round_):
        raise PermissionDenied
    if action not in TRANSITIONS:
        raise ValidationError(_("Unknown action."))
    _source, target = TRANSITIONS[action]
    given = round_
    round_ = Round.objects.select_for_update().get(pk=round_.pk)
    ROUND_WORKFLOW.check(
        action,
        round_.status,
        [MANAGER],
        message=_("The round is not at the step this action starts from."),
    )
    if action == "open_self_assessment":
        if not round_.lokus.exists():
            raise ValidationError(_("Add at least one unit before opening the round."))
        Collection.objects.filter(pekppp_lokus__round=round_).update(status=Collection.Status.OPEN)
    if action == "close":
        waiting = Recommendation.objects.filter(
            lokus__round=round_, status=Recommendation.Status.DONE
        ).count()
        if waiting:
            raise ValidationError(
                _(
                    "%(n)s follow-up(s) reported as done still wait for the evaluator's review: "
                    "accept or return them before closing the round."
                )
                % {"n": waiting}
            )
    if action == "publish_results":
        Collection.objects.filter(pekppp_lokus__round=round_).update(
            status=Collection.Status.CLOSED
        )
        compute_round_results(round_=round_)
    round_.status = target
    audit.attribute_to(round_, actor)
    round_.save(update_fields=["status", "updated_at"])
    given.status = target  # the caller's instance (and its lokus) see the new step
    return round_


def _in_window(opens: date, closes: date) -> bool:
    return opens <= _today() <= closes


def self_assessment_open(lokus: Lokus) -> bool:
    round_ = lokus.round
    return round_.status == S.SELF_ASSESSMENT and _in_window(
        round_.self_assessment_opens, round_.self_assessment_closes
    )


def scoring_open(lokus: Lokus) -> bool:
    round_ = lokus.round
    return round_.status in (S.SCORING, S.VERIFICATION) and _in_window(
        round_.scoring_opens, round_.verification_closes
    )


def verification_open(lokus: Lokus) -> bool:
    round_ = lokus.round
    return round_.status == S.VERIFICATION and _in_window(
        round_.verification_opens, round_.verification_closes
    )


def _check_indicator(lokus: Lokus, indicator) -> None:
    if indicator.aspect.instrument_id != lokus.round.instrument_id:
        raise ValidationError(_("This indicator belongs to another instrument version."))


@transaction.atomic
def save_self_assessment(
    *, actor, lokus: Lokus, indicator, claimed_score: int, answer: str, files=()
) -> SelfAssessment:
    """The unit's answer to one indicator, with any new evidence files (each checked upstream:
    ``files`` holds (upload, content type, sha256))."""
    if not permissions.can_fill_self_assessment(actor, lokus):
        raise PermissionDenied
    if not self_assessment_open(lokus):
        raise ValidationError(
            _("The self-assessment window is closed; answers can no longer be changed.")
        )
    _check_indicator(lokus, indicator)
    entry = SelfAssessment.objects.filter(lokus=lokus, indicator=indicator).first() or (
        SelfAssessment(lokus=lokus, indicator=indicator)
    )
    entry.claimed_score = claimed_score
    entry.answer = answer
    entry.updated_by = actor
    audit.attribute_to(entry, actor)
    entry.full_clean()
    entry.save()
    for upload, content_type, digest in files:
        add_evidence(
            actor=actor,
            lokus=lokus,
            indicator=indicator,
            upload=upload,
            content_type=content_type,
            digest=digest,
        )
    return entry


def add_evidence(*, actor, lokus, indicator, upload, content_type: str, digest: str) -> Evidence:
    name = upload.name.rsplit("/", 1)[-1][-120:]
    latest = Evidence.objects.filter(
        lokus=lokus, indicator=indicator, original_name=name
    ).aggregate(v=Max("version"))["v"]
    evidence = Evidence(
        lokus=lokus,
        indicator=indicator,
        original_name=name,
        version=(latest or 0) + 1,
        content_type=content_type,
        size=upload.size,
        sha256=digest,
        uploaded_by=actor,
    )
    evidence.file.save(name[-80:], upload, save=False)
    evidence.save()
    return evidence


def missing_self_assessment(lokus: Lokus):
    """Indicators of the round's instrument the unit has not answered yet, in order."""
    from .models import Indicator

    answered = SelfAssessment.objects.filter(lokus=lokus).values("indicator_id")
    return (
        Indicator.objects.filter(aspect__instrument_id=lokus.round.instrument_id)
        .exclude(pk__in=answered)
        .select_related("aspect")
        .order_by("aspect__number", "number")
    )


@transaction.atomic
def submit_self_assessment(*, actor, lokus: Lokus, confirm_incomplete: bool = False) -> Lokus:
    """Send F-01 to the evaluators. With indicators unanswered it is sent only when the unit
    confirms it knowingly (``confirm_incomplete``); the error lists what is missing."""
    if not permissions.can_fill_self_assessment(actor, lokus):
        raise PermissionDenied
    if not self_assessment_open(lokus):
        raise ValidationError(_("The self-assessment window is closed."))
    missing = list(missing_self_assessment(lokus))
    if missing and not confirm_incomplete:
        raise ValidationError(
            _(
                "%(n)s indicators are not answered yet: %(codes)s. Answer them, or confirm that "
                "the self-assessment is sent without them."
            )
            % {"n": len(missing), "codes": ", ".join(i.code for i in missing)}
        )
    lokus.self_assessment_submitted_at = timezone.now()
    lokus.save(update_fields=["self_assessment_submitted_at", "updated_at"])
    return lokus


@transaction.atomic
def save_score(
    *, actor, lokus: Lokus, indicator, score: int, note: str, mode: str = Score.Mode.DESK
) -> Score:
    if not permissions.can_score(actor, lokus):
        raise PermissionDenied
    if not scoring_open(lokus):
        raise ValidationError(_("Scoring is not open for this round now."))
    _check_indicator(lokus, indicator)
    entry = Score.objects.filter(lokus=lokus, indicator=indicator, evaluator=actor).first() or (
        Score(lokus=lokus, indicator=indicator, evaluator=actor)
    )
    entry.score = score
    entry.note = note
    entry.mode = mode
    audit.attribute_to(entry, actor)
    entry.full_clean()
    entry.save()
    return entry


@transaction.atomic
def reconcile_score(*, actor, lokus: Lokus, indicator, score: int, reply: str = "") -> Verification:
    """An assigned evaluator sets the agreed score (after a disagreement or a unit's response)."""
    if not permissions.can_score(actor, lokus):
        raise PermissionDenied
    if not scoring_open(lokus):
        raise ValidationError(_("Scoring is not open for this round now."))
    _check_indicator(lokus, indicator)
    if not 0 <= score <= 5:
        raise ValidationError(_("A score lies between 0 and 5."))
    entry, _created = Verification.objects.get_or_create(lokus=lokus, indicator=indicator)
    entry.agreed_score = score
    entry.agreed_by = actor
    if reply:
        entry.evaluator_reply = reply
        entry.replied_at = timezone.now()
    entry.save()
    return entry


@transaction.atomic
def respond_to_score(*, actor, lokus: Lokus, indicator, response: str) -> Verification:
    if not permissions.can_fill_self_assessment(actor, lokus):
        raise PermissionDenied
    if not verification_open(lokus):
        raise ValidationError(_("The verification window is closed."))
    _check_indicator(lokus, indicator)
    entry, _created = Verification.objects.get_or_create(lokus=lokus, indicator=indicator)
    entry.unit_response = response
    entry.responded_at = timezone.now()
    entry.save()
    return entry


def compute_round_results(*, round_: Round) -> None:
    """Every lokus's IPP, grade and rank, stored with the method and instrument version used.
    A lokus with a missing or unreconciled score gets no result and says why."""
    from .selectors import citizen_totals, final_scores, ipp_model

    model = ipp_model(round_.instrument)
    computed: dict[int, Decimal] = {}
    lokus_list = list(round_.lokus.all())
    finals = final_scores(lokus_list)
    citizens = citizen_totals(lokus_list)
    now = timezone.now()
    for lokus in lokus_list:
        scores, disagreements = finals[lokus.pk]
        try:
            if disagreements:
                raise IppError(
                    "Evaluators disagree on " + ", ".join(disagreements) + " and have not "
                    "reconciled."
                )
            result = compute_ipp(
                model,
                indicator_scores=scores,
                citizen_items=citizens.get(lokus.pk, ()),
                method=round_.method,
            )
        except IppError as error:
            lokus.ipp, lokus.grade, lokus.label = None, "", ""
            lokus.result = {"error": str(error)}
        else:
            lokus.ipp, lokus.grade, lokus.label = result.ipp, result.grade, result.label
            lokus.result = {
                **result.as_dict(),
                "instrument": str(round_.instrument),
                "instrument_id": round_.instrument_id,
            }
            computed[lokus.pk] = result.ipp
        lokus.computed_at = now
    ranks = rank(computed)
    for lokus in lokus_list:
        lokus.rank = ranks.get(lokus.pk)
    _save_results(lokus_list)


RESULT_FIELDS = ("ipp", "grade", "label", "result", "rank", "computed_at")


def _save_results(lokus_list: list[Lokus]) -> None:
    """One parametrised UPDATE per lokus sent with ``executemany``: for a national round of
    25,000 units ``bulk_update``'s CASE expressions take tens of seconds to build, this a second."""
    from django.db import connection

    fields = [
        field for name in RESULT_FIELDS if isinstance(field := Lokus._meta.get_field(name), Field)
    ]
    table = connection.ops.quote_name(Lokus._meta.db_table)
    assignments = ", ".join(f"{connection.ops.quote_name(f.column or f.name)} = %s" for f in fields)
    sql = f"UPDATE {table} SET {assignments} WHERE id = %s"  # noqa: S608 - names from the model
    params = [
        [f.get_db_prep_value(getattr(lokus, f.attname), connection) for f in fields] + [lokus.pk]
        for lokus in lokus_list
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


@transaction.atomic
def add_recommendation(*, actor, lokus: Lokus, aspect, text: str) -> Recommendation:
    if not permissions.can_score(actor, lokus):
        raise PermissionDenied
    if lokus.round.status not in (S.RESULTS, S.FOLLOW_UP):
        raise ValidationError(_("Recommendations are written once the results are out."))
    if aspect.instrument_id != lokus.round.instrument_id:
        raise ValidationError(_("This aspect belongs to another instrument version."))
    recommendation = Recommendation(lokus=lokus, aspect=aspect, text=text, author=actor)
    audit.attribute_to(recommendation, actor)
    recommendation.full_clean()
    recommendation.save()
    return recommendation


@transaction.atomic
def update_follow_up(
    *,
    actor,
    recommendation: Recommendation,
    action_plan: str,
    plan_due,
    progress: str,
    done: bool,
    evidence=(),
) -> Recommendation:
    """The unit's action plan and progress, with evidence files (checked upstream: ``evidence``
    holds (upload, content type, sha256))."""
    lokus = recommendation.lokus
    if not permissions.can_fill_self_assessment(actor, lokus):
        raise PermissionDenied
    if lokus.round.status not in (S.RESULTS, S.FOLLOW_UP):
        raise ValidationError(
            _("Follow-up is filed once the results are out and until the round closes.")
        )
    if not action_plan.strip():
        raise ValidationError(_("Describe the action plan."))
    step = "report_done" if done else "progress" if progress.strip() else "plan"
    FOLLOW_UP_WORKFLOW.check(
        step,
        recommendation.status,
        [UNIT],
        message=_("The evaluator has accepted this follow-up; it can no longer be changed."),
    )
    recommendation.action_plan = action_plan
    recommendation.plan_due = plan_due
    recommendation.progress = progress
    if done:
        recommendation.status = Recommendation.Status.DONE
        recommendation.done_at = recommendation.done_at or timezone.now()
    else:
        recommendation.status = (
            Recommendation.Status.IN_PROGRESS if progress.strip() else Recommendation.Status.PLANNED
        )
        recommendation.done_at = None
    audit.attribute_to(recommendation, actor)
    recommendation.save()
    for upload, content_type, digest in evidence:
        document = FollowUpDocument(
            recommendation=recommendation,
            original_name=upload.name.rsplit("/", 1)[-1][-120:],
            content_type=content_type,
            size=upload.size,
            sha256=digest,
            uploaded_by=actor,
        )
        document.file.save(document.original_name[-80:], upload, save=False)
        document.save()
    _mirror_in_register(actor, recommendation)
    return recommendation


def _mirror_in_register(actor, recommendation: Recommendation) -> None:
    """The action plan is an action of the unit's improvement register (issue 21)."""
    from pantau.improvements.recommendations import mirror

    mirror(actor=actor, recommendation=recommendation)


@transaction.atomic
def review_follow_up(
    *, actor, recommendation: Recommendation, accept: bool, note: str = ""
) -> Recommendation:
    """An assigned evaluator accepts a reported follow-up, or returns it to the unit with a note
    saying what is missing; the unit sees the note and can report again."""
    lokus = recommendation.lokus
    if not permissions.can_score(actor, lokus):
        raise PermissionDenied
    note = note.strip()
    if not accept and not note:
        raise ValidationError(_("Say what the unit still has to do."))
    FOLLOW_UP_WORKFLOW.check(
        "accept" if accept else "return",
        recommendation.status,
        [EVALUATOR],
        message=_("Only a follow-up the unit reported as done can be accepted or returned."),
    )
    recommendation.status = (
        Recommendation.Status.ACCEPTED if accept else Recommendation.Status.RETURNED
    )
    recommendation.review_note = note
    recommendation.reviewed_by = actor
    recommendation.reviewed_at = timezone.now()
    audit.attribute_to(recommendation, actor)
    recommendation.save()
    _mirror_in_register(actor, recommendation)
    return recommendation


@transaction.atomic
def revise_instrument(*, actor, instrument: EvaluationInstrument) -> EvaluationInstrument:
    """A new version (number + 1) copying aspects, indicators, criteria and grades, to be changed
    instead of a version a round has already used. Only administrators revise instruments."""
    from .models import Criterion, GradeBand

    if not actor.is_superuser:
        raise PermissionDenied
    latest = (
        EvaluationInstrument.objects.filter(code=instrument.code).aggregate(n=Max("number"))["n"]
        or instrument.number
    )
    copy = EvaluationInstrument.objects.get(pk=instrument.pk)
    copy.pk = None
    copy.number = latest + 1
    copy.save()
    for aspect in instrument.aspects.prefetch_related("indicators__criteria"):
        indicators = list(aspect.indicators.all())
        aspect.pk = None
        aspect.instrument = copy
        aspect.save()
        for indicator in indicators:
            criteria = list(indicator.criteria.all())
            indicator.pk = None
            indicator.aspect = aspect
            indicator.save()
            Criterion.objects.bulk_create(
                Criterion(indicator=indicator, score=c.score, text=c.text) for c in criteria
            )
    GradeBand.objects.bulk_create(
        GradeBand(
            instrument=copy,
            grade=g.grade,
            label=g.label,
            low=g.low,
            high=g.high,
            confirmed=g.confirmed,
        )
        for g in instrument.grades.all()
    )
    return copy


def instrument_in_use(instrument: EvaluationInstrument) -> bool:
    """A round beyond its set-up uses the version: change it only through revise_instrument."""
    return instrument.rounds.exclude(status=S.DRAFT).exists()
