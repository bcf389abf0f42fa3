"""Writes of the questionnaire engine: recording a response with its answers in one transaction."""

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from pantau.common import audit

from .models import (
    AccessCode,
    Answer,
    Collection,
    HeldResponse,
    Item,
    RefusedSubmission,
    Response,
)
from .one_statement import insert_fresh
from .receipts import RECEIPT_ALPHABET, new_receipt_number
from .tallies import add_to_tallies


def answers_fingerprint(
    collection: Collection, service_id: int | None, answers, client_key: str
) -> str:
    """Equal for the same answers from the same client to the same collection (duplicate detection)."""
    parts = [str(collection.pk), str(service_id), client_key]
    parts += [
        f"{item.pk}={number}:{text}"
        for item, number, text in sorted(answers, key=lambda a: a[0].pk)
    ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


class SubmissionRefused(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def record_refusal(*, collection: Collection, reason: str) -> None:
    RefusedSubmission.objects.create(collection=collection, reason=reason)


def submit_response(
    *,
    collection: Collection,
    answers: list[tuple[Item, int | None, str]],
    submission_token: uuid.UUID,
    source: str,
    service=None,
    entered_by=None,
    fingerprint: str = "",
    access_code: str | None = None,
    submitted_at=None,
    token_checked: bool = False,
    require_open: bool = False,
) -> tuple[Response, bool]:
    """Save a response and its answers, or nothing. Returns (response, created).

    The same ``submission_token`` twice (a double click, a resent form) returns the first response
    instead of saving a second. With ``access_code`` the code must exist in the collection and be
    unused; it is marked used in the same transaction. With ``require_open`` the response is
    saved only while the collection is open in the database (on PostgreSQL, checked in the same
    statement that saves it), else SubmissionRefused("closed").
    """
    if not token_checked:
        existing = Response.objects.filter(submission_token=submission_token).first()
        if existing is not None:
            return existing, False
    if require_open and access_code is None and connection.vendor == "postgresql":
        saved = insert_fresh(
            collection=collection,
            answers=answers,
            submission_token=submission_token,
            source=source,
            service=service,
            fingerprint=fingerprint,
        )
        if saved is not None:
            return saved, True
        existing = Response.objects.filter(submission_token=submission_token).first()
        if existing is not None:  # the same submission, saved meanwhile
            return existing, False
        raise SubmissionRefused(RefusedSubmission.Reason.CLOSED)
    for _attempt in range(3):
        try:
            return _save_response(
                collection=collection,
                answers=answers,
                submission_token=submission_token,
                source=source,
                service=service,
                entered_by=entered_by,
                fingerprint=fingerprint,
                access_code=access_code,
                submitted_at=submitted_at,
                require_open=require_open,
            ), True
        except IntegrityError:
            existing = Response.objects.filter(submission_token=submission_token).first()
            if existing is not None:
                return existing, False
            # Otherwise the random receipt number was taken (about one chance in 10^12): draw again.
    raise RuntimeError("Could not draw a free receipt number.")


@transaction.atomic
def _save_response(
    *,
    collection,
    answers,
    submission_token,
    source,
    service,
    entered_by,
    fingerprint,
    access_code,
    submitted_at,
    require_open=False,
) -> Response:
    if (
        require_open
        and not Collection.objects.filter(pk=collection.pk, status=Collection.Status.OPEN).exists()
    ):
        raise SubmissionRefused(RefusedSubmission.Reason.CLOSED)
    code = None
    if access_code is not None:
        code = (
            AccessCode.objects.select_for_update()
            .filter(collection=collection, code=access_code.strip().upper(), used_at__isnull=True)
            .first()
        )
        if code is None:
            raise SubmissionRefused(RefusedSubmission.Reason.BAD_CODE)
    response = Response.objects.create(
        collection=collection,
        version_id=collection.version_id,
        service=service,
        number=new_receipt_number(),
        submitted_at=submitted_at or timezone.now(),
        source=source,
        entered_by=entered_by,
        submission_token=submission_token,
        fingerprint=fingerprint,
    )
    Answer.objects.bulk_create(
        Answer(
            response=response,
            collection=collection,
            service=service,
            item=item,
            value_int=number,
            value_text=text,
        )
        for item, number, text in answers
    )
    add_to_tallies(
        collection.pk,
        [(getattr(service, "pk", None), [(item.pk, number) for item, number, _t in answers])],
    )
    if code is not None:
        code.used_at = response.submitted_at
        code.response = response
        code.save(update_fields=["used_at", "response"])
    return response


def create_access_codes(*, collection: Collection, count: int) -> list[AccessCode]:
    codes: list[AccessCode] = []
    taken = set(AccessCode.objects.filter(collection=collection).values_list("code", flat=True))
    while len(codes) < count:
        code = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(6))
        if code not in taken:
            taken.add(code)
            codes.append(AccessCode(collection=collection, code=code))
    return AccessCode.objects.bulk_create(codes)


def _salted(raw: str) -> str:
    from django.conf import settings

    return hashlib.sha256(f"{settings.SECRET_KEY}|{raw}".encode()).hexdigest()[:32]


def client_key_for(request) -> str:
    """A salted hash of the client's address (``pantau.common.client_ip``): what the rate limit
    counts, enough to limit and not to identify. Never the browser: a client that changes its
    User-Agent is still the same address."""
    from pantau.common.client_ip import client_ip

    return _salted(client_ip(request))


def device_key_for(request) -> str:
    """A salted hash of the client's address and browser: what duplicate answers are compared
    within, so that two people behind one address (an office, a carrier's NAT) who answer alike
    are not taken for one. It refines the address and never replaces it."""
    from pantau.common.client_ip import client_ip

    return _salted(f"{client_ip(request)}|{request.META.get('HTTP_USER_AGENT', '')[:200]}")


def _within_rate(collection: Collection, client_key: str, *, kiosk: bool) -> bool:
    from django.conf import settings

    from pantau.common import ratelimit

    limit, window = settings.PANTAU_SURVEY_RATE_KIOSK if kiosk else settings.PANTAU_SURVEY_RATE
    return ratelimit.hit(
        f"survey-rate:{collection.pk}:{'kiosk' if kiosk else 'web'}:{client_key}", limit, window
    )


DUPLICATE_WINDOW_HOURS = 24


def submit_public_response(
    *,
    collection: Collection,
    answers: list[tuple[Item, int | None, str]],
    submission_token: uuid.UUID,
    client_key: str,
    device_key: str | None = None,
    kiosk: bool = False,
    service=None,
    access_code: str | None = None,
    assisted: bool = False,
) -> tuple[Response | HeldResponse, bool]:
    """A citizen's submission, guarded against ballot stuffing without an account.

    ``client_key`` is the client's address (``client_key_for``), on which the rate is counted;
    ``device_key`` (``device_key_for``: address and browser) narrows what counts as the same
    client for duplicates, and defaults to ``client_key``.

    Checks: the same submission again (returns the saved one), the collection is open, the
    client's rate, and the one-time code when the collection asks for one. Every refusal is
    counted (RefusedSubmission) and raised as SubmissionRefused; nothing is dropped silently.
    The same answers as a recent submission from the same client are not refused but held for
    the unit's review (``hold_response``: kept, given a receipt, counted once confirmed); not on
    a kiosk or in ``assisted`` mode, where one device serves many people who may well answer
    alike, nor with one-time codes.

    On PostgreSQL, a submission within the rate and without a code is saved by one statement
    that itself checks that the collection is open and that the submission is neither a resend
    nor a recent duplicate; only when that statement saves nothing are the reasons looked up.
    ``collection`` may come from a memo (``pantau.common.memo``): its status is only trusted
    by the database.

    Long: half of it is this docstring; the code is the guards in the order they apply.
    """
    fingerprint = answers_fingerprint(
        collection, getattr(service, "pk", None), answers, device_key or client_key
    )
    # On a kiosk or in assisted mode one device serves many people who may well answer alike;
    # with one-time codes each answer has its own code.
    alike_allowed = kiosk or assisted or access_code is not None
    duplicate_since = (
        None if alike_allowed else timezone.now() - timedelta(hours=DUPLICATE_WINDOW_HOURS)
    )
    source = (
        Response.Source.ASSISTED
        if assisted
        else Response.Source.KIOSK
        if kiosk
        else Response.Source.WEB
    )
    within_rate = _within_rate(collection, client_key, kiosk=kiosk or assisted)
    if within_rate and access_code is None and connection.vendor == "postgresql":
        saved = insert_fresh(
            collection=collection,
            answers=answers,
            submission_token=submission_token,
            source=source,
            service=service,
            fingerprint=fingerprint,
            duplicate_since=duplicate_since,
        )
        if saved is not None:
            return saved, True
    # One query finds both a resent form (same token) and a recent duplicate (same fingerprint).
    seen = Q(submission_token=submission_token)
    if duplicate_since is not None:
        seen |= Q(collection=collection, fingerprint=fingerprint, submitted_at__gte=duplicate_since)
    earlier = list(
        Response.objects.filter(seen).only("id", "number", "submission_token", "collection_id")[:2]
    )
    resent = next((r for r in earlier if r.submission_token == submission_token), None)
    if resent is not None:
        return resent, False
    held = HeldResponse.objects.filter(submission_token=submission_token).first()
    if held is not None:  # a resent form whose first sending was held for review
        return held, False
    reason = None
    if not Collection.objects.filter(pk=collection.pk, status=Collection.Status.OPEN).exists():
        reason = RefusedSubmission.Reason.CLOSED
    elif not within_rate:
        reason = RefusedSubmission.Reason.RATE_LIMITED
    if reason is not None:
        record_refusal(collection=collection, reason=reason)
        raise SubmissionRefused(reason)
    if earlier:  # a recent response with the same fingerprint: kept aside, never refused
        return hold_response(
            collection=collection,
            answers=answers,
            submission_token=submission_token,
            source=source,
            service=service,
            fingerprint=fingerprint,
        )
    try:
        return submit_response(
            collection=collection,
            answers=answers,
            submission_token=submission_token,
            source=source,
            service=service,
            fingerprint=fingerprint,
            access_code=access_code,
            token_checked=True,
            require_open=True,
        )
    except SubmissionRefused as refused:
        record_refusal(collection=collection, reason=refused.reason)
        raise


def hold_response(
    *, collection: Collection, answers, submission_token, source, service, fingerprint
) -> tuple[HeldResponse, bool]:
    """Keep a suspected repeat aside, with its own receipt number, for the unit to review."""
    for _attempt in range(3):
        try:
            with transaction.atomic():
                held = HeldResponse.objects.create(
                    collection=collection,
                    service=service,
                    number=new_receipt_number(),
                    submission_token=submission_token,
                    fingerprint=fingerprint,
                    source=source,
                    submitted_at=timezone.now(),
                    answers=[[item.pk, number, text] for item, number, text in answers],
                )
            return held, True
        except IntegrityError:
            same = HeldResponse.objects.filter(submission_token=submission_token).first()
            if same is not None:
                return same, False
    raise RuntimeError("Could not draw a free receipt number.")


@transaction.atomic
def review_held(*, actor, held: HeldResponse, confirm: bool) -> HeldResponse:
    """The unit's decision on an answer held for review: confirmed, it is counted as the response
    it would have been (same receipt number, time and source); discarded, it stays in the record.
    The caller checks that the actor may enter answers for the collection and that it accepts
    them."""
    held = HeldResponse.objects.select_for_update().get(pk=held.pk)
    if held.status != HeldResponse.Status.PENDING:
        raise ValidationError(_("This answer has already been reviewed."))
    if confirm:
        items = {item.pk: item for item in Item.objects.filter(pk__in=[a[0] for a in held.answers])}
        response = Response.objects.create(
            collection=held.collection,
            version_id=held.collection.version_id,
            service=held.service,
            number=held.number,
            submitted_at=held.submitted_at,
            source=held.source,
            submission_token=held.submission_token,
            fingerprint=held.fingerprint,
        )
        Answer.objects.bulk_create(
            Answer(
                response=response,
                collection=held.collection,
                service=held.service,
                item=items[item_id],
                value_int=value,
                value_text=text,
            )
            for item_id, value, text in held.answers
        )
        add_to_tallies(
            held.collection_id,
            [(held.service_id, [(item_id, value) for item_id, value, _text in held.answers])],
        )
        held.response = response
    held.status = HeldResponse.Status.CONFIRMED if confirm else HeldResponse.Status.DISCARDED
    held.reviewed_at = timezone.now()
    held.reviewed_by = actor
    audit.attribute_to(held, actor)
    held.save()
    return held


@dataclass
class ResponseRow:
    answers: list[tuple[Item, int | None, str]]
    service: Any = None  # organisations.Service or None
    submitted_at: datetime | None = None
    submission_token: uuid.UUID | None = None
    source: str | None = None  # overrides the batch's source


@transaction.atomic
def bulk_create_responses(
    *,
    collection: Collection,
    rows: list[ResponseRow],
    source: str,
    entered_by=None,
    batch=None,
) -> list[Response]:
    """Save many responses at once (file imports, demo data): all of them or, on any error, none."""
    now = timezone.now()
    responses = [
        Response(
            collection=collection,
            version_id=collection.version_id,
            service=row.service,
            number=new_receipt_number(),
            submitted_at=row.submitted_at or now,
            source=row.source or source,
            entered_by=entered_by,
            submission_token=row.submission_token or uuid.uuid4(),
            batch=batch,
        )
        for row in rows
    ]
    Response.objects.bulk_create(responses, batch_size=1000)
    Answer.objects.bulk_create(
        (
            Answer(
                response=response,
                collection=collection,
                service=row.service,
                item=item,
                value_int=number,
                value_text=text,
            )
            for response, row in zip(responses, rows, strict=True)
            for item, number, text in row.answers
        ),
        batch_size=5000,
    )
    add_to_tallies(
        collection.pk,
        (
            (
                getattr(row.service, "pk", None),
                [(item.pk, number) for item, number, _t in row.answers],
            )
            for row in rows
        ),
    )
    return responses
