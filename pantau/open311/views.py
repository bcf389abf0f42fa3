"""Open311 GeoReport v2 at ``/open311/v2/`` (http://wiki.open311.org/GeoReport_v2), in JSON and
XML, with mySociety's ``servicerequestupdates`` extension.

Reads are public. ``POST requests`` needs an ``api_key``: a Pantau API token with the write scope.
A posted request becomes a report through the same checks and service as the web form."""

import uuid
from datetime import timedelta

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, parsers, permissions, serializers
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework.views import exception_handler as drf_exception_handler

from pantau.api.authentication import TokenAuthentication, find_token, touch
from pantau.api.exceptions import flatten
from pantau.api.permissions import token_of
from pantau.common.flags import parse_flag
from pantau.common.moments import parse_moment
from pantau.complaints import intake
from pantau.complaints import services as complaint_services
from pantau.complaints.models import Complaint
from pantau.complaints.selectors import publicly_visible

from . import mapping, selectors
from .models import Submission
from .renderers import XMLRenderer

DEFAULT_DAYS = 90  # the standard's default window for GET requests
MAX_REQUESTS = 1000  # the standard's maximum per response
DEFAULT_REQUESTS = 200
MAX_UPDATES = 1000


def open311_exception_handler(exc, context):
    """Errors as the standard's list of ``{code, description}`` (code = the HTTP status)."""
    from django.core.exceptions import ValidationError as DjangoValidationError
    from django.http import Http404
    from rest_framework.serializers import as_serializer_error

    if isinstance(exc, Http404 | OverflowError):
        exc = exceptions.NotFound(_("Not found."))
    elif isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(as_serializer_error(exc))
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    errors = flatten(exc.get_full_details())
    response.data = [
        {
            "code": response.status_code,
            "description": f"{e['field']}: {e['message']}" if e["field"] else e["message"],
        }
        for e in errors
    ]
    return response


class ApiKeyAuthentication(TokenAuthentication):
    """The standard's ``api_key`` parameter (or the usual Authorization header)."""

    def authenticate(self, request):
        found = super().authenticate(request)
        if found is not None:
            return found
        key = request.query_params.get("api_key") or (
            _flat(request.data).get("api_key") if request.method == "POST" else None
        )
        token = find_token(str(key)) if key else None
        if token is None:
            return None
        touch(token)
        return token.user, token


@extend_schema(exclude=True)
class Open311View(APIView):
    renderer_classes = [JSONRenderer, XMLRenderer]
    parser_classes = [parsers.FormParser, parsers.MultiPartParser, parsers.JSONParser]
    authentication_classes = [ApiKeyAuthentication]
    permission_classes = [permissions.AllowAny]
    pagination_class = None

    def get_exception_handler(self):
        return open311_exception_handler

    def finalize_response(self, request, response, *args, **kwargs):
        if response.status_code < 400 and response.data is not None:
            response.data = compact(response.data)
        return super().finalize_response(request, response, *args, **kwargs)

    def jurisdiction(self, *, source=None):
        slug = (source or self.request.query_params).get("jurisdiction_id", "")
        if not slug:
            return None
        agency = selectors.Agency.objects.filter(slug=str(slug)[:80]).first()
        if agency is None:
            raise exceptions.NotFound(_("There is no jurisdiction with this jurisdiction_id."))
        return agency


def compact(value):
    """Leave out empty (null) optional fields: the community's JSON Schemas allow them to be null or
    absent, its Swagger description only absent."""
    if isinstance(value, dict):
        return {k: compact(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [compact(v) for v in value]
    return value


def _moment(text: str, name: str):
    if not text:
        return None
    moment = parse_moment(text.replace(" ", "+"))  # a "+" unescaped in a query reads as " "
    if moment is None:
        raise exceptions.ValidationError(
            {
                name: _(
                    "Give a date and time in ISO 8601 with an offset between -12:00 and +14:00, "
                    "e.g. 2026-11-23T09:00:00+07:00."
                )
            }
        )
    return moment


class Discovery(Open311View):
    xml_tags = ("discovery", "endpoint")

    def get(self, request, format=None):
        base = request.build_absolute_uri(reverse("open311:discovery", args=["json"]))
        return Response(
            {
                "changeset": "2026-11-23T00:00:00+07:00",
                "contact": _("Pantau: ask the unit or the system administrator."),
                "key_service": request.build_absolute_uri("/accounts/home/"),
                "endpoints": [
                    {
                        "specification": "http://wiki.open311.org/GeoReport_v2",
                        "url": base.rsplit("/discovery.json", 1)[0],
                        "changeset": "2026-11-23T00:00:00+07:00",
                        "type": "production",
                        "formats": ["text/xml", "application/json"],
                    }
                ],
            }
        )


class Services(Open311View):
    xml_tags = ("services", "service")

    def get(self, request, format=None):
        return Response([mapping.as_service(c) for c in selectors.services_of(self.jurisdiction())])


def _attributes(jurisdiction) -> list[dict]:
    """The extra fields of every Pantau category (the report's own fields)."""
    yes_no = [{"key": "true", "name": _("Yes")}, {"key": "false", "name": _("No")}]
    unit = {
        "variable": True,
        "code": "unit",
        "datatype": "string",
        "required": False,
        "datatype_description": _("The slug of the service unit (see /api/v1/units/)."),
        "order": 1,
        "description": _("Which service unit is it about?"),
    }
    if jurisdiction is not None:
        unit["datatype"] = "singlevaluelist"
        unit["values"] = [{"key": u.slug, "name": u.name} for u in selectors.units_of(jurisdiction)]
    return [
        unit,
        {
            "variable": True,
            "code": "kind",
            "datatype": "singlevaluelist",
            "required": False,
            "datatype_description": None,
            "order": 2,
            "description": _("What do you want to send?"),
            "values": [{"key": k, "name": str(label)} for k, label in Complaint.Kind.choices],
        },
        {
            "variable": True,
            "code": "subject",
            "datatype": "string",
            "required": False,
            "datatype_description": _("At most 200 characters; the description's start if empty."),
            "order": 3,
            "description": _("Subject"),
        },
        {
            "variable": True,
            "code": "happened_on",
            "datatype": "datetime",
            "required": False,
            "datatype_description": None,
            "order": 4,
            "description": _("When did it happen?"),
        },
        {
            "variable": True,
            "code": "anonymous",
            "datatype": "singlevaluelist",
            "required": False,
            "datatype_description": None,
            "order": 5,
            "description": _("Anonymous: never show my identity to the unit"),
            "values": yes_no,
        },
        {
            "variable": True,
            "code": "confidential",
            "datatype": "singlevaluelist",
            "required": False,
            "datatype_description": None,
            "order": 6,
            "description": _("Confidential: never show my report in public lists"),
            "values": yes_no,
        },
    ]


class ServiceDefinition(Open311View):
    xml_tags = ("service_definition", "attribute")

    def get(self, request, service_code, format=None):
        jurisdiction = self.jurisdiction()
        if not any(c.code == service_code for c in selectors.services_of(jurisdiction)):
            raise exceptions.NotFound(_("There is no service with this service_code."))
        return Response({"service_code": service_code, "attributes": _attributes(jurisdiction)})


class Requests(Open311View):
    xml_tags = ("service_requests", "request")

    def get(self, request, format=None):
        params = request.query_params
        numbers = [n.strip().upper() for n in params.get("service_request_id", "").split(",")]
        numbers = [n for n in numbers if n][:MAX_REQUESTS]
        statuses = {s.strip() for s in params.get("status", "").split(",") if s.strip()}
        if not statuses <= {"open", "closed"}:
            raise exceptions.ValidationError({"status": _("status is open or closed.")})
        status = statuses.pop() if len(statuses) == 1 else ""  # both = any
        start = _moment(params.get("start_date", ""), "start_date")
        end = _moment(params.get("end_date", ""), "end_date")
        if start is None and end is None and not numbers:
            start = timezone.now() - timedelta(days=DEFAULT_DAYS)
        limit = params.get("page_size", "")
        limit = (
            min(int(limit), MAX_REQUESTS) if limit.isdigit() and int(limit) else DEFAULT_REQUESTS
        )
        reports = selectors.public_requests(
            jurisdiction=self.jurisdiction(),
            numbers=numbers,
            service_code=params.get("service_code", "")[:40],
            start=start,
            end=end,
            status=status,
        )[:limit]
        labels = mapping.request_labels()
        return Response([mapping.as_request(r, labels) for r in reports])

    def post(self, request, format=None):
        token = token_of(request)
        if token is None or not token.can_write:
            raise exceptions.PermissionDenied(
                _("Send an api_key: a Pantau API token with the write scope.")
            )
        # The standard posts a form; its Swagger description puts the same fields in the query.
        data = {**request.query_params.dict(), **_flat(request.data)}
        if any("\x00" in str(value) for value in data.values()):
            raise exceptions.ValidationError(_("The request contains a NUL character."))
        report = _report_from(data, self.jurisdiction(source=data))
        # The report and the record of which token posted it are saved together or not at all
        # (issue 18): a report without its Submission could not be found by its token.
        with transaction.atomic():
            complaint, _code, _created = complaint_services.submit_complaint(
                data=report, files=[], submission_token=uuid.uuid4()
            )
            submission, _new = Submission.objects.get_or_create(
                complaint=complaint,
                defaults={"api_token": token, "token": complaint.submission_token},
            )
        return Response(
            [
                {
                    "service_request_id": complaint.tracking_number,
                    "token": str(submission.token),
                    "service_notice": _(
                        "The report is received; the unit verifies it within a few working days."
                    ),
                    "account_id": None,
                }
            ]
        )


class RequestDetail(Open311View):
    xml_tags = ("service_requests", "request")

    def get(self, request, service_request_id, format=None):
        return Response([mapping.as_request(selectors.get_public_request(service_request_id))])


class TokenDetail(Open311View):
    xml_tags = ("service_requests", "request")

    def get(self, request, token_id, format=None):
        submission = (
            Submission.objects.filter(publicly_visible("complaint__"), token=token_id)
            .select_related("complaint")
            .first()
            if _is_uuid(token_id)
            else None
        )
        if submission is None:
            raise exceptions.NotFound(_("There is no request with this token."))
        return Response(
            [{"service_request_id": submission.complaint.tracking_number, "token": token_id}]
        )


def _report_from(data: dict, jurisdiction) -> dict:
    """The report an Open311 request describes, for ``submit_complaint``: the unit (an attribute)
    or the jurisdiction, the category (``service_code``), the location and media added to the
    description, the flags and the reporter. Every problem is answered 400 naming the Open311
    field, before anything is saved."""

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
    description = _description(data)
    flags = {}
    for name in ("anonymous", "confidential"):
        try:
            flags[name] = parse_flag(attribute(name))
        except ValueError as error:
            raise exceptions.ValidationError({f"attribute[{name}]": str(error)}) from None
    anonymous = flags["anonymous"]
    happened = attribute("happened_on")
    day = None
    if happened:
        try:
            day = parse_date(happened[:10])
        except ValueError:  # well formed but not a date: 2026-13-45
            day = None
        if day is None:
            raise exceptions.ValidationError(
                {"attribute[happened_on]": _("Give the date as YYYY-MM-DD.")}
            )
    category_code = str(data.get("service_code", "") or "")
    if not category_code:
        raise exceptions.ValidationError({"service_code": _("Give the service_code.")})
    # The same rules as the web form and the REST API (pantau.complaints.intake), on the
    # objects named; no detour through another interface's serializer (issue 18).
    found = intake.resolve(
        unit_slug=unit_slug,
        agency_slug="" if unit_slug else jurisdiction.slug,
        category_code=category_code,
        happened_on=day,
    )
    problems = {
        {"category": "service_code", "happened_on": "attribute[happened_on]"}.get(k, k): v
        for k, v in found.errors.items()
    }
    kind = attribute("kind") or Complaint.Kind.COMPLAINT
    if kind not in Complaint.Kind.values:
        problems["attribute[kind]"] = _("Choose one of the listed kinds.")
    subject = attribute("subject") or _("Report without a title (sent through Open311)")
    _check_length(problems, "attribute[subject]", subject, intake.SUBJECT_MAX)
    if not description:
        problems["description"] = _("Describe what happened.")
    _check_length(problems, "description", description, intake.DESCRIPTION_MAX)
    reporter = _reporter(data, anonymous=anonymous, problems=problems)
    if problems:
        raise serializers.ValidationError(problems)
    report = {
        "kind": kind,
        # Never the first words of the description: they may name the reporter (issue 15).
        "subject": subject,
        "description": description,
        "happened_on": day,
        "anonymous": anonymous,
        "confidential": flags["confidential"],
        **reporter,
        **found.as_data(),
    }
    return report


def _description(data: dict) -> str:
    """The description, with the location and media the request gives added below it."""
    description = str(data.get("description", "") or "").strip()
    location = ", ".join(
        str(data.get(k, "")).strip()
        for k in ("address_string", "lat", "long")
        if str(data.get(k, "") or "").strip()
    )
    if location:
        description += "\n\n" + _("Location: %(place)s") % {"place": location}
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


def _flat(data) -> dict:
    """A posted form (or JSON object) as a plain dict of single values; anything else as {}."""
    if hasattr(data, "dict"):
        return data.dict()
    return (
        {k: v for k, v in data.items() if isinstance(v, str | int | float)}
        if isinstance(data, dict)
        else {}
    )


def _is_uuid(text: str) -> bool:
    import uuid

    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


class ServiceRequestUpdates(Open311View):
    """mySociety's extension: the public steps of reports. The client that posted a report (its
    api_key) also reads the public notes and answers; everyone else reads the steps only."""

    xml_tags = ("service_request_updates", "request_update")

    def get(self, request, format=None):
        params = request.query_params
        start = _moment(params.get("start_date", ""), "start_date")
        end = _moment(params.get("end_date", ""), "end_date")
        if start is None and end is None:
            start = timezone.now() - timedelta(days=7)
        events = list(
            selectors.public_updates(jurisdiction=self.jurisdiction(), start=start, end=end)[
                :MAX_UPDATES
            ]
        )
        token = token_of(request)
        own = set()
        if token is not None:
            own = set(
                Submission.objects.filter(
                    api_token=token, complaint_id__in={e.complaint_id for e in events}
                ).values_list("complaint_id", flat=True)
            )
        return Response(
            [
                {
                    "update_id": str(event.pk),
                    "service_request_id": event.complaint.tracking_number,
                    "status": mapping.open311_status(event.to_status or event.complaint.status),
                    "external_status_code": event.to_status,
                    "updated_datetime": mapping.stamp(event.at),
                    "description": (
                        event.note
                        if event.complaint_id in own and event.note
                        else event.action_label
                    ),
                    "media_url": None,
                }
                for event in events
            ]
        )


class NotFound(Open311View):
    """Any other address under /open311/v2/: a 404 as the standard's error list."""

    def dispatch(self, request, *args, **kwargs):
        kwargs.pop("rest", None)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, format=None):
        raise exceptions.NotFound(_("There is no such Open311 method."))

    post = get
