"""Publication records of a unit (token; recording and deleting them with the write scope)."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.response import Response

from pantau.standards import forms as standard_forms
from pantau.standards import selectors
from pantau.standards import services as standard_services
from pantau.standards.models import (
    Publication,
)

from ...forms import check_form
from ...permissions import WriteScope, get_unit
from ...schema import errors
from .serializers import PublicationSerializer, PublicationWriteSerializer

# --- Publication records (token) ------------------------------------------------------------


class PublicationList(generics.ListAPIView):
    """Records of where the unit published its standards, pledge and SKM results (token; a unit
    you reach). Send a write-scoped token to record one."""

    permission_classes = [WriteScope]
    serializer_class = PublicationSerializer
    queryset = Publication.objects.none()
    cursor_ordering = "-id"

    def get_queryset(self):
        return selectors.publications_of_unit(get_unit(self.request, self.kwargs["slug"]))

    @extend_schema(
        request=PublicationWriteSerializer,
        responses={201: PublicationSerializer, **errors(400, 401, 403, 404)},
    )
    def post(self, request, slug: str):
        """Record that a standard, the pledge or an SKM result was published on a medium (the
        unit's officers and heads). Evidence files are attached on the web page."""
        unit = get_unit(request, slug)
        data = PublicationWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        form = standard_forms.PublicationForm(
            data={**values, "published_on": values["published_on"].isoformat()},
            targets=selectors.publication_targets(unit),
        )
        cleaned = check_form(form)
        subject, _label, target = form.targets[cleaned["target"]]
        record = standard_services.record_publication(
            actor=request.user,
            unit=unit,
            subject=subject,
            target=target,
            medium=cleaned["medium"],
            published_on=cleaned["published_on"],
            url=cleaned["url"],
            note=cleaned["note"],
        )
        return Response(PublicationSerializer(record).data, status=status.HTTP_201_CREATED)


class PublicationDetail(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = PublicationSerializer
    queryset = Publication.objects.none()

    @extend_schema(responses={204: None, **errors(401, 403, 404)})
    def delete(self, request, slug: str, pk: int):
        """Delete a publication record, with its evidence (the unit's officers and heads)."""
        unit = get_unit(request, slug)
        record = get_object_or_404(selectors.publications_of_unit(unit), pk=pk)
        standard_services.delete_publication(actor=request.user, record=record)
        return Response(status=status.HTTP_204_NO_CONTENT)
