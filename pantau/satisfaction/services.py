"""SKM actions: set up, open and close a period; enter a paper questionnaire."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from pantau.common import audit
from pantau.organisations.permissions import can_manage_unit
from pantau.surveys.imports import import_file, undo_batch
from pantau.surveys.models import Collection, Response
from pantau.surveys.services import submit_response

from .importers import read_skm_file
from .instrument import unit_skm_version
from .models import SurveyPeriod
from .periods import COUNT_IN_YEAR, POPULATION_MAX, YEARS, period_dates
from .permissions import can_enter_responses


@transaction.atomic
def create_period(
    *,
    actor,
    unit,
    kind: str,
    year: int,
    number: int,
    population: int,
    services,
    weight_mode: str = "exact",
    requires_code: bool = False,
) -> SurveyPeriod:
    """A survey period of the unit, as a draft. Every rule of a period is checked here, for the
    web form and the API alike; the errors name the fields (``kind``, ``number``, …)."""
    if not can_manage_unit(actor, unit):
        raise PermissionDenied
    services = list(services)
    errors: dict[str, list] = {}
    if kind not in COUNT_IN_YEAR:
        errors["kind"] = [_("Choose a month, quarter, semester or year.")]
    elif not 1 <= number <= COUNT_IN_YEAR[kind]:
        errors["number"] = [
            _("This period has only %(count)s parts in a year.") % {"count": COUNT_IN_YEAR[kind]}
        ]
    if not YEARS[0] <= year <= YEARS[1]:
        errors["year"] = [
            _("Give a year from %(first)s to %(last)s.") % {"first": YEARS[0], "last": YEARS[1]}
        ]
    if not 1 <= population <= POPULATION_MAX:
        errors["population"] = [
            _("Give the number of service users, from 1 to %(max)s.")
            % {"max": f"{POPULATION_MAX:,}".replace(",", ".")}
        ]
    if not services or any(s.unit_id != unit.id or not s.is_active for s in services):
        errors["services"] = [_("Choose at least one service of this unit.")]
    if errors:
        raise ValidationError(errors)
    if SurveyPeriod.objects.filter(unit=unit, kind=kind, year=year, number=number).exists():
        raise ValidationError(_("This unit already has a survey for that period."))
    starts_on, ends_on = period_dates(kind, year, number)
    collection = Collection.objects.create(version=unit_skm_version(unit), unit=unit)
    period = SurveyPeriod(
        unit=unit,
        collection=collection,
        kind=kind,
        year=year,
        number=number,
        starts_on=starts_on,
        ends_on=ends_on,
        population=population,
        weight_mode=weight_mode,
        requires_code=requires_code,
    )
    audit.attribute_to(period, actor)
    period.full_clean(exclude=["collection"])
    period.save()
    period.services.set(services)
    return period


TRANSITIONS = {
    # action: (allowed from, to)
    "open": ({Collection.Status.DRAFT, Collection.Status.CLOSED}, Collection.Status.OPEN),
    "close": ({Collection.Status.OPEN}, Collection.Status.CLOSED),
}


def accepts_staff_entries(period: SurveyPeriod) -> bool:
    """Paper entries and imports: while the survey is open and not yet published, or while a
    correction of the published results is under way (issue 16: published means final)."""
    if period.correction_started_at is not None:
        return True
    return period.published_at is None and period.collection.status == Collection.Status.OPEN


def _require_staff_entries(period: SurveyPeriod) -> None:
    if accepts_staff_entries(period):
        return
    if period.published_at is not None:
        raise ValidationError(
            _(
                "The results of this survey are published and final. To change them, the unit "
                "head starts a correction, which is recorded and shown in public."
            )
        )
    raise ValidationError(
        _("This survey is not open: it accepts no answers. Open it again to add answers.")
    )


def _check_answer_date(period: SurveyPeriod, day) -> None:
    from django.utils.formats import date_format

    if not period.starts_on <= day <= period.ends_on:
        raise ValidationError(
            _("The questionnaire's date must fall in the survey period, %(start)s to %(end)s.")
            % {
                "start": date_format(period.starts_on, "j F Y"),
                "end": date_format(period.ends_on, "j F Y"),
            }
        )


def public_answers_refusal(period: SurveyPeriod, today=None) -> str:
    """Why a citizen's answer cannot go into this period today, or "" when it can. The database
    still checks that the survey is open when it saves (pantau.surveys.services)."""
    from django.utils import timezone

    today = today or timezone.localdate()
    if period.published_at is not None or period.collection.status != Collection.Status.OPEN:
        return "closed"
    if not period.starts_on <= today <= period.ends_on:
        return "outside_dates"
    return ""


@transaction.atomic
def change_period_status(*, actor, period: SurveyPeriod, action: str) -> SurveyPeriod:
    if not can_manage_unit(actor, period.unit):
        raise PermissionDenied
    if action == "open" and period.published_at is not None:
        raise ValidationError(
            _(
                "Published results are final: the survey cannot be opened again. Start a "
                "correction if the published figures are wrong."
            )
        )
    allowed_from, target = TRANSITIONS[action]
    collection = Collection.objects.select_for_update().get(pk=period.collection_id)
    if collection.status not in allowed_from:
        raise ValidationError(
            _("The survey cannot go from “%(status)s” to that state.")
            % {"status": collection.get_status_display()}
        )
    collection.status = target
    collection.save(update_fields=["status", "updated_at"])
    period.collection = collection
    return period


def enter_paper_response(
    *, actor, period: SurveyPeriod, answers, service, submission_token, answered_on=None
) -> tuple[Response, bool]:
    """An officer types in a paper questionnaire; it is marked as entered by that officer and
    dated with the questionnaire's own date (``answered_on``, today when not given), which must
    fall in the period. Only while the period accepts entries (``accepts_staff_entries``)."""
    from datetime import datetime, time

    from django.utils import timezone

    if not can_enter_responses(actor, period.unit):
        raise PermissionDenied
    existing = Response.objects.filter(submission_token=submission_token).first()
    if existing is not None:  # the same form sent twice: the first is kept, nothing else checked
        return existing, False
    _require_staff_entries(period)
    if service is not None and not period.services.filter(pk=service.pk).exists():
        raise ValidationError(_("That service is not part of this survey."))
    answered_on = answered_on or timezone.localdate()
    _check_answer_date(period, answered_on)
    return submit_response(
        collection=period.collection,
        answers=answers,
        submission_token=submission_token,
        source=Response.Source.PAPER,
        service=service,
        entered_by=actor,
        submitted_at=timezone.make_aware(datetime.combine(answered_on, time(12))),
        token_checked=True,
    )


def publish_refusal(*, period: SurveyPeriod, media: list[str], results) -> str:
    """Why these results cannot be published now ("" when they can); the sample is not checked
    here: below it, publishing needs a reason (``publish_period``)."""
    if period.collection.status == Collection.Status.DRAFT:
        return _("A survey that has not collected answers cannot be published.")
    if results.ikm is None:
        return _("There are not enough answers to compute the IKM yet.")
    if not media:
        return _("Tick at least one medium on which the results are published.")
    return ""


@transaction.atomic
def publish_period(
    *, actor, period: SurveyPeriod, media: list[str], reason: str = ""
) -> SurveyPeriod:
    """Publishing is an explicit act of the unit head; it records where the results were published.

    It closes the survey (published results are final: no answer can change them afterwards), and
    keeps the figures as published in ``PublishedResult``. Below the required sample it needs a
    ``reason``, which is kept and shown. Publishing again ends a correction, with its note.

    Long: one act in one transaction: its checks, then its records in order (the published
    figures, the media, the closing, the audit)."""
    from decimal import Decimal

    from django.utils import timezone
    from django.utils.formats import date_format

    from .models import PublishedResult
    from .selectors import period_results

    if not can_manage_unit(actor, period.unit):
        raise PermissionDenied
    results = period_results(period)
    problem = publish_refusal(period=period, media=media, results=results)
    if problem:
        raise ValidationError(problem)
    if period.published_at is not None and period.correction_started_at is None:
        # Already published and final: only the media it was published on are added.
        period.published_media = sorted(set(media) | set(period.published_media))
        audit.attribute_to(period, actor)
        period.save(update_fields=["published_media", "updated_at"])
        return period
    reason = reason.strip()
    if results.below_sample and not reason:
        raise ValidationError(
            _(
                "Only %(n)s of the %(required)s respondents the sample requires have answered. "
                "Say why the results are published now; the reason is shown with them."
            )
            % {"n": results.respondents, "required": results.required}
        )
    collection = Collection.objects.select_for_update().get(pk=period.collection_id)
    if collection.status == Collection.Status.OPEN:
        collection.status = Collection.Status.CLOSED
        collection.save(update_fields=["status", "updated_at"])
    period.collection = collection
    now = timezone.now()
    correction = ""
    if period.correction_started_at is not None:
        correction = _("Corrected on %(day)s: %(reason)s") % {
            "day": date_format(timezone.localtime(now), "j F Y"),
            "reason": period.correction_reason,
        }
    margin = results.margin
    assert results.ikm is not None  # publish_refusal refuses a period without an IKM  # noqa: S101
    PublishedResult.objects.create(
        period=period,
        published_at=now,
        published_by=actor,
        ikm=results.ikm.ikm,
        grade=results.ikm.grade,
        respondents=results.respondents,
        required=results.required,
        margin=None if margin is None else Decimal(str(round(margin, 4))),
        reason=reason if results.below_sample else "",
        correction=correction,
    )
    period.published_at = now
    period.published_by = actor
    period.published_media = sorted(set(media) | set(period.published_media))
    period.publish_reason = reason if results.below_sample else ""
    period.correction_reason = ""
    period.correction_started_at = None
    period.correction_started_by = None
    audit.attribute_to(period, actor)
    period.save(
        update_fields=[
            "published_at",
            "published_by",
            "published_media",
            "publish_reason",
            "correction_reason",
            "correction_started_at",
            "correction_started_by",
            "updated_at",
        ]
    )
    from . import events

    events.skm_result_published(period)  # queued on commit
    return period


def make_access_codes(*, actor, period: SurveyPeriod, count: int):
    from pantau.surveys.services import create_access_codes

    if not can_enter_responses(actor, period.unit):
        raise PermissionDenied
    return create_access_codes(collection=period.collection, count=count)


def save_follow_up_action(*, actor, period: SurveyPeriod, action=None, data: dict):
    """Create (``action`` None) or update one action of the period's follow-up plan: an action
    of the improvement register whose source is one of the period's elements (issue 21)."""
    from pantau.improvements.services import SkmPlanRow, save_skm_action

    row = SkmPlanRow(
        element_key=data.get("element_key") or "",
        text=data.get("action") or "",
        responsible=data.get("owner") or "",
        due_on=data["deadline"],
        status=data.get("status") or "planned",
        completed_on=data.get("completed_on"),
        report=data.get("report") or "",
    )
    return save_skm_action(actor=actor, period=period, row=row, action=action)


@transaction.atomic
def start_correction(*, actor, period: SurveyPeriod, reason: str) -> SurveyPeriod:
    """Open published results for an explicit, recorded correction: paper entries and imports
    (and undoing an import) are accepted again, never citizens' answers; publishing again ends
    it with a public note, and the earlier figures stay in the history."""
    from django.utils import timezone

    if not can_manage_unit(actor, period.unit):
        raise PermissionDenied
    if period.published_at is None:
        raise ValidationError(_("Only published results are corrected; this survey is not."))
    if period.correction_started_at is not None:
        raise ValidationError(_("A correction of these results is already under way."))
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError(_("Say what is wrong in the published results."))
    period.correction_reason = reason[:1000]
    period.correction_started_at = timezone.now()
    period.correction_started_by = actor
    audit.attribute_to(period, actor)
    period.save(
        update_fields=[
            "correction_reason",
            "correction_started_at",
            "correction_started_by",
            "updated_at",
        ]
    )
    return period


def import_responses(*, actor, period: SurveyPeriod, path, file_name: str = ""):
    """Check every row of the file, then save all of them in one transaction, or none
    (``pantau.surveys.imports``: recorded as an ``ImportBatch``, the same file refused again);
    the rows' dates must fall in the period; only while the period accepts entries
    (``accepts_staff_entries``)."""
    if not can_enter_responses(actor, period.unit):
        raise PermissionDenied
    _require_staff_entries(period)
    return import_file(
        actor=actor,
        collection=period.collection,
        path=path,
        file_name=file_name,
        read=lambda stored: read_skm_file(stored, period=period),
    )


def undo_import(*, actor, period: SurveyPeriod, batch_id: int):
    """Remove every response of one import, while the period accepts entries; the import stays
    in the record, marked undone by whom and when."""
    if not can_enter_responses(actor, period.unit):
        raise PermissionDenied
    _require_staff_entries(period)
    return undo_batch(actor=actor, collection=period.collection, batch_id=batch_id)


@transaction.atomic
def set_unit_elements(*, actor, unit, elements: list[tuple[str, str]]):
    """Make a new version of the unit's SKM questionnaire: the nine national elements, then the
    unit's own ``(label, question)`` in this order. Versions are never edited in place, so results
    of earlier periods keep the questions they were answered with; each element weighs 1/n."""
    from django.utils.text import slugify

    from pantau.surveys.models import Instrument

    from .instrument import build_skm_version, unit_instrument_code

    if not can_manage_unit(actor, unit):
        raise PermissionDenied
    instrument, _created = Instrument.objects.get_or_create(
        code=unit_instrument_code(unit),
        defaults={
            "name": f"SKM {unit.name}",
            "purpose": Instrument.Purpose.SKM,
            "owner_unit": unit,
        },
    )
    number = (
        instrument.versions.order_by("-number").values_list("number", flat=True).first() or 0
    ) + 1
    extras, keys = [], set()
    for label, question in elements:
        key = f"unit-{slugify(label)[:40] or 'unsur'}"
        while key in keys:
            key += "-x"
        keys.add(key)
        extras.append((key, label, question))
    return build_skm_version(instrument, number=number, extra_elements=extras)


@transaction.atomic
def tag_suggestion(
    *, actor, period: SurveyPeriod, answer_id: int, theme: str, remove: bool = False
):
    from pantau.surveys.models import Answer

    from .instrument import SUGGESTION
    from .models import SuggestionTheme
    from .selectors import theme_choices

    if not can_enter_responses(actor, period.unit):
        raise PermissionDenied
    answer = Answer.objects.filter(
        pk=answer_id, collection_id=period.collection_id, item__key=SUGGESTION
    ).first()
    if answer is None or theme not in dict(theme_choices(period)):
        raise ValidationError(_("Choose one of the themes for a suggestion of this survey."))
    if remove:
        SuggestionTheme.objects.filter(answer=answer, theme=theme).delete()
    else:
        SuggestionTheme.objects.get_or_create(
            answer=answer, theme=theme, defaults={"tagged_by": actor}
        )
