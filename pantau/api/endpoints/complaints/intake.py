"""The API's intake of a report (``POST /api/v1/complaints/``): the body checked by the web form's
rules, and the receipt. The views are in ``__init__``."""

import uuid

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from pantau.complaints import intake, services
from pantau.complaints.models import Complaint

from ...fields import DegreesField, StrictBooleanField
from ...forms import MAX_ID
from ...idempotency import KEY
from ...permissions import token_of


class ComplaintCreateSerializer(serializers.Serializer):
    submission_token = serializers.UUIDField(
        required=False,
        help_text="Send the same token again after a network error: the report is saved once.",
    )
    kind = serializers.ChoiceField(choices=Complaint.Kind.choices, default=Complaint.Kind.COMPLAINT)
    unit = serializers.SlugField(required=False, help_text="Slug of the service unit.")
    agency = serializers.SlugField(
        required=False, help_text="Slug of the government, when the unit is not known."
    )
    service = serializers.IntegerField(
        required=False, min_value=1, max_value=MAX_ID, help_text="Id of a service of the unit."
    )
    category = serializers.SlugField(required=False, help_text="Code of a complaint category.")
    subject = serializers.CharField(max_length=intake.SUBJECT_MAX)
    description = serializers.CharField(max_length=intake.DESCRIPTION_MAX)
    happened_on = serializers.DateField(required=False, allow_null=True)
    remedy = serializers.CharField(required=False, allow_blank=True, max_length=intake.REMEDY_MAX)
    reporter_name = serializers.CharField(
        required=False, allow_blank=True, max_length=intake.NAME_MAX
    )
    reporter_email = serializers.EmailField(required=False, allow_blank=True)
    reporter_phone = serializers.CharField(
        required=False, allow_blank=True, max_length=intake.PHONE_MAX
    )
    anonymous = StrictBooleanField(default=False)
    confidential = StrictBooleanField(default=False)
    integrity = StrictBooleanField(
        default=False,
        help_text="About bribery, extortion or misconduct of staff: routed to the agency's "
        "internal supervisor (APIP / Inspektorat), never to the unit named, and never public.",
    )
    external_reference = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=100,
        help_text="The report's number in the system that sends it, e.g. a SP4N-LAPOR! tracking "
        "number; kept with the report and filterable on the list.",
    )
    lat = DegreesField(
        limit=90,
        required=False,
        help_text="Where it happened: latitude in degrees (WGS84), -90 to 90; with `long`.",
    )
    long = DegreesField(
        limit=180,
        required=False,
        help_text="Where it happened: longitude in degrees (WGS84), -180 to 180; with `lat`.",
    )

    def validate(self, attrs):
        """The objects named, checked by the rules the web form applies
        (``complaints.intake``); what is returned is what ``submit_complaint`` takes."""
        found = intake.resolve(
            unit_slug=attrs.get("unit", ""),
            agency_slug=attrs.get("agency", ""),
            service_id=attrs.get("service"),
            category_code=attrs.get("category", ""),
            happened_on=attrs.get("happened_on"),
        )
        if found.errors:
            raise serializers.ValidationError(found.errors)
        if ("lat" in attrs) != ("long" in attrs):
            missing = "long" if "lat" in attrs else "lat"
            raise serializers.ValidationError({missing: _("Give lat and long together.")})
        data = {
            key: attrs[key]
            for key in (
                "kind",
                "subject",
                "description",
                "happened_on",
                "remedy",
                "reporter_name",
                "reporter_email",
                "reporter_phone",
                "anonymous",
                "confidential",
                "integrity",
                "external_reference",
            )
            if key in attrs
        }
        if "lat" in attrs:
            data |= {"latitude": attrs["lat"], "longitude": attrs["long"]}
        return {
            **data,
            **found.as_data(),
            "submission_token": attrs.get("submission_token") or uuid.uuid4(),
        }


def submit_report(cleaned: dict, *, issuer: str = ""):
    """Save a report checked by ComplaintCreateSerializer (the web form's rules): through
    ``submit_complaint``, like the web form, on the API's channel. ``issuer`` names the token
    that sent it, so that only the same sender replaying the same ``submission_token`` gets the
    access code again. Returns (report, access code, created)."""
    return services.submit_complaint(
        data={k: v for k, v in cleaned.items() if k not in ("attachments", "submission_token")},
        files=[],
        submission_token=cleaned["submission_token"],
        channel=Complaint.Channel.API,
        issuer=issuer,
    )


def issuer_of(request) -> str:
    """Who sends a report, for its access code: the token (``api:<id>``), or nobody."""
    token = token_of(request)
    return f"api:{token.pk}" if token is not None else ""


class ComplaintReceiptSerializer(serializers.Serializer):
    tracking_number = serializers.CharField()
    access_code = serializers.CharField(
        allow_null=True,
        help_text="Keep it: with the tracking number it is the only way to follow the report. "
        "The same submission_token sent again within 24 hours by the same sender (the same "
        "token, or no token) answers the same code; null after that, for another sender, or "
        "when the code was replaced since.",
    )
    status = serializers.CharField()
    created_at = serializers.DateTimeField()


KEYED = uuid.UUID("8f1d3c52-5a0e-4b7e-9d61-2f4b8c0e7a13")  # the namespace of keyed submissions


def keyed_submission_token(request) -> uuid.UUID | None:
    """An ``Idempotency-Key`` header read as the report's ``submission_token`` (a UUID derived
    from the sender and the key), so that the same key from the same sender saves one report and
    answers its access code again within 24 hours; None without the header. The header and a
    ``submission_token`` in the body are two names for one thing: both at once is a 400."""
    key = request.headers.get("Idempotency-Key")
    if key is None:
        return None
    key = key.strip()
    if not KEY.fullmatch(key):
        raise serializers.ValidationError(
            {
                "Idempotency-Key": [
                    _("An Idempotency-Key is 1 to 200 printable characters, e.g. a UUID.")
                ]
            }
        )
    if isinstance(request.data, dict) and request.data.get("submission_token"):
        raise serializers.ValidationError(
            {
                "Idempotency-Key": [
                    _("Send either the Idempotency-Key header or a submission_token, not both.")
                ]
            }
        )
    return uuid.uuid5(KEYED, f"{issuer_of(request)}|{key}")
