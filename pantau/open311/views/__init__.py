"""Open311 GeoReport v2 at ``/open311/v2/`` (http://wiki.open311.org/GeoReport_v2), in JSON and
XML, with mySociety's ``servicerequestupdates`` extension (GET and POST).

Reads are public. ``POST requests`` and ``POST servicerequestupdates`` need an ``api_key``: a
Pantau API token with the write scope. A posted request becomes a report through the same checks
and service as the web form."""

from .base import NotFound, open311_exception_handler
from .reads import Discovery, RequestDetail, ServiceDefinition, Services, TokenDetail
from .requests import Requests
from .updates import ServiceRequestUpdates

__all__ = [
    "Discovery",
    "NotFound",
    "RequestDetail",
    "Requests",
    "ServiceDefinition",
    "ServiceRequestUpdates",
    "Services",
    "TokenDetail",
    "open311_exception_handler",
]
