"""What an Open311 ``POST requests`` describes, read into the report ``submit_complaint`` takes:
the unit (an attribute) or the jurisdiction, the category (``service_code``), the location, the
flags, the reporter and the sending system's own reference. Every problem is answered before
anything is saved: 404 for an unknown ``service_code`` (the standard's answer), 400 naming the
Open311 field for anything else."""

import hashlib
import json
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from rest_framework import exceptions, serializers

from pantau.common.flags import parse_flag
from pantau.complaints import intake
from pantau.complaints.models import Complaint

from . import selectors

DESCRIPTION_MAX = 4_000  # the standard's limit
EXTERNAL_REFERENCE_MAX = 100
IDEMPOTENCY_KEY_MAX = 200
PLACES = Decimal("0.000001")  # what Pantau keeps of a point: about 10 cm
# The intake's field names as Open311 calls them.
_FIELDS = {"unit": "attribute[unit]", "happened_on": "attribute[happened_on]"}


def report_from(data: dict, jurisdiction) -> dict:
    """The report for ``submit_complaint``; raises 404 or 400 before anything is saved."""

    def attribute(name: str) -> str:
        return str(data.get(f"attribute[{name}]", "") or "").strip()

    unit_slug = attribute("unit")
    if unit_slug and jurisdiction is not None:
        if not selectors.units_of(jurisdiction).filter(slug=unit_slug).exists():
            raise exceptions.ValidationError(
                {"attribute[unit]": _("This unit is not part of the jurisdiction.")}
            )
    if not unit_slug and jurisdiction is None:
        raise exceptions.ValidationError(
            {"jurisdiction_id": _("Give the jurisdiction_id or the unit attribute.")}
        )
    category_code = str(data.get("service_code", "") or "").strip()
    if not category_code:
        raise exceptions.ValidationError({"service_code": _("Give the service_code.")})
    problems: dict[str, str] = {}
    flags = _flags(attribute, problems)
    day = _day(attribute("happened_on"), problems)
    # The same rules as the web form and the REST API (pantau.complaints.intake), on the
    # objects named; no detour through another interface's serializer (issue 18).
    found = intake.resolve(
        unit_slug=unit_slug,
        agency_slug="" if unit_slug else jurisdiction.slug,
        category_code=category_code,
        happened_on=day,
    )
    if "category" in found.errors:
        raise exceptions.NotFound(
            _("There is no service with this service_code for this unit or jurisdiction.")
        )
    problems.update({_FIELDS.get(k, k): v for k, v in found.errors.items()})
    kind = attribute("kind") or Complaint.Kind.COMPLAINT
    if kind not in Complaint.Kind.values:
        problems["attribute[kind]"] = _("Choose one of the listed kinds.")
    subject = attribute("subject") or _("Report without a title (sent through Open311)")
    _check_length(problems, "attribute[subject]", subject, intake.SUBJECT_MAX)
    location = _location(data, problems)
    description = _description(data)
    if not str(data.get("description", "") or "").strip():
        problems["description"] = _("Describe what happened.")
    _check_length(problems, "description", str(data.get("description", "") or ""), DESCRIPTION_MAX)
    external = attribute("external_id")
    _check_length(problems, "attribute[external_id]", external, EXTERNAL_REFERENCE_MAX)
    reporter = _reporter(data, anonymous=flags["anonymous"], problems=problems)
    if problems:
        raise serializers.ValidationError(problems)
    return {
        "kind": kind,
        # Never the first words of the description: they may name the reporter (issue 15).
        "subject": subject,
        "description": description,
        "happened_on": day,
        "anonymous": flags["anonymous"],
        "confidential": flags["confidential"],
        "external_reference": external,
        **location,
        **reporter,
        **found.as_data(),
    }


def _flags(attribute, problems: dict) -> dict[str, bool]:
    flags = {}
    for name in ("anonymous", "confidential"):
        try:
            flags[name] = parse_flag(attribute(name))
        except ValueError as error:
            problems[f"attribute[{name}]"] = str(error)
            flags[name] = False
    return flags


def _day(happened: str, problems: dict):
    if not happened:
        return None
    try:
        day = parse_date(happened[:10])
    except ValueError:  # well formed but not a date: 2026-13-45
        day = None
    if day is None:
        problems["attribute[happened_on]"] = _("Give the date as YYYY-MM-DD.")
    return day


def _location(data: dict, problems: dict) -> dict:
    """The point (``lat`` and ``long``, both or neither, WGS84), checked; the standard asks for
    a point, an ``address_string`` or an ``address_id``."""
    lat_text, long_text = (str(data.get(k, "") or "").strip() for k in ("lat", "long"))
    address = any(str(data.get(k, "") or "").strip() for k in ("address_string", "address_id"))
    if not (lat_text or long_text or address):
        problems["lat"] = _(
            "Give the location: lat and long, address_string or address_id (the standard "
            "requires one)."
        )
        return {}
    if bool(lat_text) != bool(long_text):
        problems["long" if lat_text else "lat"] = _("Give lat and long together.")
        return {}
    if not lat_text:
        return {}
    lat = _coordinate(lat_text, 90, "lat", problems)
    long = _coordinate(long_text, 180, "long", problems)
    if lat is None or long is None:
        return {}
    return {"latitude": lat, "longitude": long}


def _coordinate(text: str, limit: int, name: str, problems: dict) -> Decimal | None:
    try:
        value = Decimal(text[:40])
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite() or not -limit <= value <= limit:
        problems[name] = _("Give a number of degrees from -%(limit)s to %(limit)s (WGS84).") % {
            "limit": limit
        }
        return None
    return value.quantize(PLACES)


def _description(data: dict) -> str:
    """The description, with the address and media the request gives added below it."""
    description = str(data.get("description", "") or "").strip()
    address = ", ".join(
        str(data.get(k, "")).strip()
        for k in ("address_string", "address_id")
        if str(data.get(k, "") or "").strip()
    )
    if address:
        description += "\n\n" + _("Location: %(place)s") % {"place": address}
    if str(data.get("media_url", "") or "").strip():
        description += "\n" + _("Media: %(url)s") % {"url": str(data["media_url"]).strip()}
    return description


def _check_length(problems: dict, field: str, text: str, limit: int) -> None:
    if len(text) > limit:
        problems[field] = _("Ensure this field has no more than %(max)s characters.") % {
            "max": limit
        }


def _reporter(data: dict, *, anonymous: bool, problems: dict) -> dict:
    """Who reports: nothing at all for an anonymous report (not even in the history)."""
    if anonymous:
        return {"reporter_name": "", "reporter_email": "", "reporter_phone": ""}
    name = " ".join(str(data.get(k, "") or "").strip() for k in ("first_name", "last_name"))
    reporter = {
        "reporter_name": name.strip()[: intake.NAME_MAX],
        "reporter_email": str(data.get("email", "") or "").strip(),
        "reporter_phone": str(data.get("phone", "") or "").strip()[: intake.PHONE_MAX],
    }
    if reporter["reporter_email"]:
        try:
            validate_email(reporter["reporter_email"])
        except DjangoValidationError:
            problems["email"] = _("Enter a valid email address.")
    return reporter


def idempotency_key(request, data: dict) -> str:
    """The client's ``Idempotency-Key`` header or ``attribute[submission_token]`` ("" = none)."""
    header = request.headers.get("Idempotency-Key", "").strip()
    attribute = str(data.get("attribute[submission_token]", "") or "").strip()
    if header and attribute and header != attribute:
        raise exceptions.ValidationError(
            {
                "attribute[submission_token]": _(
                    "The Idempotency-Key header and attribute[submission_token] differ; send one."
                )
            }
        )
    key = header or attribute
    if len(key) > IDEMPOTENCY_KEY_MAX or not key.isprintable() or not key.isascii():
        raise exceptions.ValidationError(
            {
                "Idempotency-Key": _(
                    "Give at most %(max)s printable ASCII characters, e.g. a UUID."
                )
                % {"max": IDEMPOTENCY_KEY_MAX}
            }
        )
    return key


def request_hash(data: dict) -> str:
    """A digest of what was posted (without the api_key), to recognise the same request."""
    content = {k: str(v) for k, v in data.items() if k not in ("api_key",)}
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()


def flat(data) -> dict:
    """A posted form (or JSON object) as a plain dict of single values; anything else as {}."""
    if hasattr(data, "dict"):
        return data.dict()
    return (
        {k: v for k, v in data.items() if isinstance(v, str | int | float)}
        if isinstance(data, dict)
        else {}
    )
