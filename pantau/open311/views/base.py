"""What every Open311 method shares: the ``api_key``, JSON (UTF-8) and XML, the standard's error
list in the format asked for, and the jurisdiction."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, parsers, permissions
from rest_framework.renderers import JSONRenderer
from rest_framework.serializers import as_serializer_error
from rest_framework.views import APIView
from rest_framework.views import exception_handler as drf_exception_handler

from pantau.api.authentication import TokenAuthentication, find_token, touch
from pantau.api.exceptions import flatten

from .. import selectors
from ..posting import flat
from ..renderers import XMLRenderer


class UTF8JSONRenderer(JSONRenderer):
    """JSON with ``charset=utf-8`` in its Content-Type."""

    charset = "utf-8"


def open311_exception_handler(exc, context):
    """Errors as the standard's list of ``{code, description}`` (code = the HTTP status), in the
    request's language (Indonesian unless the client asks for English)."""
    if isinstance(exc, Http404 | OverflowError):
        exc = exceptions.NotFound(_("Not found."))
    elif isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(as_serializer_error(exc))
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.Throttled):
        seconds = int(exc.wait or 1)
        message = ngettext(
            "Too many requests. Try again in %(seconds)s second.",
            "Too many requests. Try again in %(seconds)s seconds.",
            seconds,
        ) % {"seconds": seconds}
        response.data = [{"code": response.status_code, "description": message}]
        return response
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
            flat(request.data).get("api_key") if request.method == "POST" else None
        )
        token = find_token(str(key)) if key else None
        if token is None:
            return None
        touch(token)
        return token.user, token


class KeyReusedError(exceptions.APIException):
    status_code = 422
    default_code = "idempotency_key_reused"


@extend_schema(exclude=True)
class Open311View(APIView):
    renderer_classes = [UTF8JSONRenderer, XMLRenderer]
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


class NotFound(Open311View):
    """Any other address under /open311/v2/: a 404 as the standard's error list, in XML when
    the address ends in ``.xml``."""

    def dispatch(self, request, *args, **kwargs):
        rest = kwargs.pop("rest", "") or ""
        if rest.endswith(".xml"):
            kwargs["format"] = "xml"
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, format=None):
        raise exceptions.NotFound(_("There is no such Open311 method."))

    post = get
