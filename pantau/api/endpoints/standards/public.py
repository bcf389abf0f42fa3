"""Public reads: a unit's standards in force and their history, its pledge, its held forums."""

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, permissions, status
from rest_framework.response import Response

from pantau.organisations import selectors as organisations
from pantau.organisations.models import Service
from pantau.standards import selectors
from pantau.standards.models import (
    Forum,
    Maklumat,
    StandardVersion,
)

from ...filters import check_parameters
from ...permissions import WriteScope
from ...schema import errors
from .forums import save_forum
from .pledges import editing_unit
from .serializers import (
    ForumCreateSerializer,
    ForumDetailSerializer,
    ForumEditSerializer,
    ForumSerializer,
    ForumWriteSerializer,
    MaklumatSerializer,
    ServiceStandardSerializer,
    StandardSerializer,
    VersionSummarySerializer,
)

# --- Public reads ---------------------------------------------------------------------------


def _public_service(slug: str, service_slug: str) -> Service:
    unit = organisations.get_public_unit(slug)
    return selectors.get_public_service(unit, service_slug)


class UnitStandards(generics.ListAPIView):
    """An active unit's active services, each with its standard in force or null (public)."""

    permission_classes = [permissions.AllowAny]
    serializer_class = ServiceStandardSerializer
    queryset = Service.objects.none()
    cursor_ordering = "slug"

    def list(self, request, *args, **kwargs):
        unit = organisations.get_public_unit(self.kwargs["slug"])
        page = self.paginate_queryset(unit.services.filter(is_active=True))
        in_force = selectors.public_standards_of_unit(unit)
        rows = [
            {
                "id": service.pk,
                "slug": service.slug,
                "name": service.name,
                "description": service.description,
                "standard": in_force.get(service.pk),
            }
            for service in page
        ]
        return self.get_paginated_response(ServiceStandardSerializer(rows, many=True).data)


class StandardInForce(generics.GenericAPIView):
    permission_classes = [permissions.AllowAny]
    serializer_class = StandardSerializer
    queryset = StandardVersion.objects.none()

    @extend_schema(responses={200: StandardSerializer, **errors(404)})
    def get(self, request, slug: str, service_slug: str):
        """The standard in force of a service: its six service-delivery components (public).
        404 when the service has none published."""
        version = selectors.version_in_force(_public_service(slug, service_slug))
        if version is None:
            raise Http404
        return Response(StandardSerializer(version).data)


class StandardHistory(generics.GenericAPIView):
    permission_classes = [permissions.AllowAny]
    serializer_class = VersionSummarySerializer
    queryset = StandardVersion.objects.none()
    pagination_class = None  # a service has a handful of versions

    @extend_schema(responses={200: VersionSummarySerializer(many=True), **errors(404)})
    def get(self, request, slug: str, service_slug: str):
        """The published versions of a service's standard, newest first, as one list (public)."""
        check_parameters(request, self)
        versions = selectors.public_history(_public_service(slug, service_slug))
        return Response(VersionSummarySerializer(versions, many=True).data)


class StandardVersionDetail(generics.GenericAPIView):
    permission_classes = [permissions.AllowAny]
    serializer_class = StandardSerializer
    queryset = StandardVersion.objects.none()

    @extend_schema(responses={200: StandardSerializer, **errors(404)})
    def get(self, request, slug: str, service_slug: str, number: int):
        """One published version (in force or replaced) of a service's standard (public)."""
        service = _public_service(slug, service_slug)
        return Response(StandardSerializer(selectors.get_public_version(service, number)).data)


class MaklumatInForce(generics.GenericAPIView):
    permission_classes = [permissions.AllowAny]
    serializer_class = MaklumatSerializer
    queryset = Maklumat.objects.none()

    @extend_schema(responses={200: MaklumatSerializer, **errors(404)})
    def get(self, request, slug: str):
        """The unit's service pledge in force (public). 404 when none is set."""
        pledge = selectors.current_maklumat(organisations.get_public_unit(slug))
        if pledge is None:
            raise Http404
        return Response(MaklumatSerializer(pledge).data)


class ForumList(generics.ListAPIView):
    """The unit's held consultation forums, newest first, with how many agreements were carried
    out (public). Forums not yet held are not shown."""

    serializer_class = ForumSerializer
    queryset = Forum.objects.none()
    cursor_ordering = ("-held_on", "-id")

    def get_permissions(self):
        return [permissions.AllowAny()] if self.request.method == "GET" else [WriteScope()]

    def get_queryset(self):
        return selectors.public_forums(organisations.get_public_unit(self.kwargs["slug"]))

    @extend_schema(
        request=ForumCreateSerializer,
        responses={201: ForumEditSerializer, **errors(400, 401, 403, 404)},
    )
    def post(self, request, slug: str):
        """Plan a consultation forum (write scope; the unit's officers and heads, the agency
        head). It shows publicly once recorded as held."""
        unit = editing_unit(request, slug)
        forum = save_forum(request, unit, None)
        return Response(ForumEditSerializer(forum).data, status=status.HTTP_201_CREATED)


class ForumDetail(generics.GenericAPIView):
    serializer_class = ForumDetailSerializer
    queryset = Forum.objects.none()

    def get_permissions(self):
        return [permissions.AllowAny()] if self.request.method == "GET" else [WriteScope()]

    @extend_schema(
        request=ForumWriteSerializer,
        responses={200: ForumEditSerializer, **errors(400, 401, 403, 404)},
    )
    def patch(self, request, slug: str, pk: int):
        """Change a forum, its minutes (notulen) too; what is left out keeps its value (write
        scope; the unit's officers and heads, the agency head)."""
        unit = editing_unit(request, slug)
        forum = save_forum(request, unit, selectors.get_forum(unit, pk))
        return Response(ForumEditSerializer(forum).data)

    @extend_schema(responses={200: ForumDetailSerializer, **errors(404)})
    def get(self, request, slug: str, pk: int):
        """A held forum's public outcome: who took part (by type) and what was agreed, and what
        happened to it (public). The minutes and the names of participants are not public."""
        forum = selectors.get_public_forum(organisations.get_public_unit(slug), pk)
        return Response(ForumDetailSerializer(forum).data)
