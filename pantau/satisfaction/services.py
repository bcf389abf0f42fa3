"""SKM actions: set up, open and close a period; enter a paper questionnaire."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from pantau.common import audit
from pantau.organisations.permissions import can_manage_unit
from pantau.surveys.models import Collection, Response
from pantau.surveys.services import submit_response

from .instrument import unit_skm_version
from .models import SurveyPeriod
from .periods import period_dates
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
    if not can_manage_unit(actor, unit):
        raise PermissionDenied
    services = list(services)
    if not services or any(s.unit_id != unit.id for s in services):
        raise ValidationError(_("Choose at least one service of this unit."))
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


@transaction.atomic
def change_period_status(*, actor, period: SurveyPeriod, action: str) -> SurveyPeriod:
    if not can_manage_unit(actor, period.unit):
        raise PermissionDenied
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
    *, actor, period: SurveyPeriod, answers, service, submission_token
) -> tuple[Response, bool]:
    """An officer types in a paper questionnaire; it is marked as entered by that officer."""
    if not can_enter_responses(actor, period.unit):
        raise PermissionDenied
    if service is not None and not period.services.filter(pk=service.pk).exists():
        raise ValidationError(_("That service is not part of this survey."))
    return submit_response(
        collection=period.collection,
        answers=answers,
        submission_token=submission_token,
        source=Response.Source.PAPER,
        service=service,
        entered_by=actor,
    )


@transaction.atomic
def publish_period(*, actor, period: SurveyPeriod, media: list[str]) -> SurveyPeriod:
    """Publishing is an explicit act of the unit head; it records where the results were published."""
    from django.utils import timezone

    from .selectors import period_results

    if not can_manage_unit(actor, period.unit):
        raise PermissionDenied
    if period.collection.status == Collection.Status.DRAFT:
        raise ValidationError(_("A survey that has not collected answers cannot be published."))
    if period_results(period).ikm is None:
        raise ValidationError(_("There are not enough answers to compute the IKM yet."))
    if not media:
        raise ValidationError(_("Tick at least one medium on which the results are published."))
    period.published_at = timezone.now()
    period.published_by = actor
    period.published_media = sorted(set(media) | set(period.published_media))
    audit.attribute_to(period, actor)
    period.save(update_fields=["published_at", "published_by", "published_media", "updated_at"])
    from pantau.api import webhooks

    webhooks.skm_result_published(period)  # queued on commit
    return period


def make_access_codes(*, actor, period: SurveyPeriod, count: int):
    from pantau.surveys.services import create_access_codes

    if not can_enter_responses(actor, period.unit):
        raise PermissionDenied
    return create_access_codes(collection=period.collection, count=count)


@transaction.atomic
def save_follow_up_action(*, actor, period: SurveyPeriod, action=None, data: dict):
    """Create (``action`` None) or update one action of the period's follow-up plan."""
    from .models import FollowUpAction

    if not can_manage_unit(actor, period.unit):
        raise PermissionDenied
    action = action or FollowUpAction(period=period)
    for name in ("element_key", "action", "owner", "deadline", "status", "completed_on", "report"):
        setattr(action, name, data.get(name))
    action.report = action.report or ""
    audit.attribute_to(action, actor)
    action.full_clean()
    action.save()
    return action


def import_responses(*, actor, period: SurveyPeriod, path):
    """Check every row of the file, then save all of them in one transaction, or none."""
    from pantau.surveys.services import bulk_create_responses

    from .importers import read_skm_file

    if not can_enter_responses(actor, period.unit):
        raise PermissionDenied
    report = read_skm_file(path, period=period)
    if report.ok:
        bulk_create_responses(
            collection=period.collection,
            rows=report.rows,
            source=Response.Source.IMPORT,
            entered_by=actor,
        )
    return report


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
