"""Open311's reads of the catalogue and of one report: discovery, services, a service's
definition, one request, a token. Every one refuses a parameter it does not define."""

import uuid

from django.urls import reverse
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.response import Response

from pantau.complaints.models import Complaint
from pantau.complaints.selectors import publicly_visible

from .. import mapping, selectors
from ..models import Submission
from ..params import refuse_unknown
from .base import Open311View

NOTHING: frozenset[str] = frozenset()


class Discovery(Open311View):
    xml_tags = ("discovery", "endpoint")

    def get(self, request, format=None):
        refuse_unknown(request.query_params, NOTHING)
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
        refuse_unknown(request.query_params, NOTHING)
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
        refuse_unknown(request.query_params, NOTHING)
        jurisdiction = self.jurisdiction()
        if not any(c.code == service_code for c in selectors.services_of(jurisdiction)):
            raise exceptions.NotFound(_("There is no service with this service_code."))
        return Response({"service_code": service_code, "attributes": _attributes(jurisdiction)})


class RequestDetail(Open311View):
    xml_tags = ("service_requests", "request")

    def get(self, request, service_request_id, format=None):
        refuse_unknown(request.query_params, NOTHING)
        return Response([mapping.as_request(selectors.get_public_request(service_request_id))])


class TokenDetail(Open311View):
    xml_tags = ("service_requests", "request")

    def get(self, request, token_id, format=None):
        refuse_unknown(request.query_params, NOTHING)
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


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True
