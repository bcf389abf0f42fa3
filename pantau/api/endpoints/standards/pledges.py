"""The service pledge (maklumat): a draft, set and published, through standards.services.pledges."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.response import Response

from pantau.standards import forms as standard_forms
from pantau.standards import selectors
from pantau.standards import services as standard_services
from pantau.standards.models import (
    Maklumat,
)
from pantau.standards.permissions import can_edit_standards, can_set_standards

from ...forms import check_form
from ...permissions import WriteScope, get_unit
from ...schema import errors
from .serializers import MaklumatSerializer

# --- The service pledge: a draft, set and published --------------------------------------------


class MaklumatWriteSerializer(serializers.Serializer):
    """The pledge's text; what is left out keeps the draft's value (for a new draft: the
    pledge in force's, or the standard wording of the three promises)."""

    promise = serializers.CharField(required=False, help_text="1. To serve by the standard.")
    improvement = serializers.CharField(required=False, help_text="2. To keep improving.")
    sanction = serializers.CharField(
        required=False, help_text="3. To accept sanctions or give compensation."
    )
    signatory_name = serializers.CharField(max_length=120, required=False)
    signatory_title = serializers.CharField(max_length=160, required=False)


class MaklumatPublishSerializer(serializers.Serializer):
    set_on = serializers.DateField(help_text="The date the head signed it; not in the future.")


def editing_unit(request, slug: str):
    """A unit the token reaches (404 otherwise) whose standards the user edits (403 otherwise,
    as the web page refuses)."""
    unit = get_unit(request, slug)
    if not can_edit_standards(request.user, unit):
        raise PermissionDenied
    return unit


class MaklumatDraft(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = MaklumatWriteSerializer
    queryset = Maklumat.objects.none()

    @extend_schema(responses={200: MaklumatSerializer, **errors(401, 403, 404)})
    def get(self, request, slug: str):
        """The unit's draft pledge (token; the unit's officers and heads, the agency head).
        404 when there is none."""
        draft = selectors.maklumat_draft(editing_unit(request, slug))
        if draft is None:
            raise Http404
        return Response(MaklumatSerializer(draft).data)

    @extend_schema(responses={200: MaklumatSerializer, **errors(400, 401, 403, 404)})
    def put(self, request, slug: str):
        """Write the unit's draft pledge, opening one when there is none (write scope; the unit's
        officers and heads, the agency head). A pledge in force is never changed: the draft
        replaces it when set and published."""
        unit = editing_unit(request, slug)
        data = MaklumatWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        draft = selectors.maklumat_draft(unit)
        start = (
            {name: getattr(draft, name) for name in standard_services.PLEDGE_FIELDS}
            if draft
            else standard_services.new_maklumat_text(unit)
        )
        form = standard_forms.MaklumatForm(data=start | data.validated_data, instance=draft)
        cleaned = check_form(form)
        draft = standard_services.save_maklumat_draft(actor=request.user, unit=unit, data=cleaned)
        return Response(MaklumatSerializer(draft).data)


class MaklumatPublish(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = MaklumatPublishSerializer
    queryset = Maklumat.objects.none()

    @extend_schema(responses={200: MaklumatSerializer, **errors(400, 401, 403, 404)})
    def post(self, request, slug: str):
        """Set and publish the draft pledge: it comes into force and the pledge in force until
        now becomes history (write scope; the unit head, the agency head). 404 without a draft."""
        unit = get_unit(request, slug)
        if not can_set_standards(request.user, unit):
            raise PermissionDenied
        draft = selectors.maklumat_draft(unit)
        if draft is None:
            raise Http404
        data = MaklumatPublishSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        form = standard_forms.MaklumatPublishForm(
            data={"set_on": data.validated_data["set_on"].isoformat()}
        )
        cleaned = check_form(form)
        pledge = standard_services.publish_maklumat(
            actor=request.user, maklumat=draft, set_on=cleaned["set_on"]
        )
        return Response(MaklumatSerializer(pledge).data)
