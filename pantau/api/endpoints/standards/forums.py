"""Consultation forums: planned, participants and attendance, held, agreements, through
standards.services.forums."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.response import Response

from pantau.standards import forms as standard_forms
from pantau.standards import selectors
from pantau.standards import services as standard_services
from pantau.standards.models import (
    Agreement,
    Forum,
    StandardVersion,
)

from ...forms import check_form
from ...permissions import WriteScope
from ...schema import errors
from .pledges import editing_unit
from .serializers import (
    AgreementCreateSerializer,
    AgreementWriteSerializer,
    AttendanceWriteSerializer,
    ForumCreateSerializer,
    ForumEditSerializer,
    ForumWriteSerializer,
    ParticipantWriteSerializer,
)

# --- Consultation forums: planned, participants and attendance, held, agreements ----------------


def save_forum(request, unit, forum: Forum | None) -> Forum:
    data = (ForumCreateSerializer if forum is None else ForumWriteSerializer)(data=request.data)
    data.is_valid(raise_exception=True)
    start = {
        name: getattr(forum, name, "") or ""
        for name in ("topic", "title", "held_on", "place", "online_link", "minutes")
    }
    form = standard_forms.ForumForm(data=start | data.validated_data, instance=forum)
    cleaned = check_form(form)
    forum = standard_services.save_forum(actor=request.user, unit=unit, data=cleaned, forum=forum)
    return selectors.get_forum(unit, forum.pk)


class ForumParticipants(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = ParticipantWriteSerializer
    queryset = Forum.objects.none()

    @extend_schema(responses={201: ForumEditSerializer, **errors(400, 401, 403, 404)})
    def post(self, request, slug: str, pk: int):
        """Invite a participant, with whom they represent (write scope; the unit's officers and
        heads, the agency head). Attendance is recorded with ``…/attendance/``."""
        unit = editing_unit(request, slug)
        forum = selectors.get_forum(unit, pk)
        data = ParticipantWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        cleaned = check_form(standard_forms.ParticipantForm(data=data.validated_data))
        standard_services.add_participant(actor=request.user, forum=forum, data=cleaned)
        return Response(
            ForumEditSerializer(selectors.get_forum(unit, pk)).data,
            status=status.HTTP_201_CREATED,
        )


class ForumAttendance(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = AttendanceWriteSerializer
    queryset = Forum.objects.none()

    @extend_schema(responses={200: ForumEditSerializer, **errors(400, 401, 403, 404)})
    def put(self, request, slug: str, pk: int):
        """Record who attended: the participants listed did, the others did not (write scope;
        the unit's officers and heads, the agency head). 400 for an id not of this forum."""
        unit = editing_unit(request, slug)
        forum = selectors.get_forum(unit, pk)
        data = AttendanceWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        ids = set(data.validated_data["attended"])
        if ids - {participant.pk for participant in forum.participants.all()}:
            raise serializers.ValidationError(
                {"attended": [_("Choose participants of this forum.")]}
            )
        standard_services.set_attendance(actor=request.user, forum=forum, attended_ids=ids)
        return Response(ForumEditSerializer(selectors.get_forum(unit, pk)).data)


class ForumHeld(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = None
    queryset = Forum.objects.none()

    @extend_schema(request=None, responses={200: ForumEditSerializer, **errors(400, 401, 403, 404)})
    def post(self, request, slug: str, pk: int):
        """Record the forum as held: it then shows publicly and a draft standard can be recorded
        as discussed in it (write scope; the unit's officers and heads, the agency head). 400
        when it is dated in the future or nobody is recorded as attending."""
        unit = editing_unit(request, slug)
        forum = selectors.get_forum(unit, pk)
        standard_services.mark_forum_held(actor=request.user, forum=forum)
        return Response(ForumEditSerializer(selectors.get_forum(unit, pk)).data)


def _save_agreement(request, unit, forum: Forum, agreement: Agreement | None) -> None:
    write = AgreementCreateSerializer if agreement is None else AgreementWriteSerializer
    data = write(data=request.data)
    data.is_valid(raise_exception=True)
    values = dict(data.validated_data)
    standards = StandardVersion.objects.filter(service__unit=unit).select_related("service")
    start = {
        "text": getattr(agreement, "text", ""),
        "standard": getattr(agreement, "standard_id", None) or "",
        "action": getattr(agreement, "action", ""),
        "outcome": getattr(agreement, "outcome", Agreement.Outcome.PENDING),
        "outcome_note": getattr(agreement, "outcome_note", ""),
    }
    if "standard" in values:
        wanted = values.pop("standard")
        version = (
            standards.filter(
                service__slug=wanted["service"]["slug"], number=wanted["number"]
            ).first()
            if wanted
            else None
        )
        if wanted and version is None:
            raise serializers.ValidationError({"standard": [_("Choose a standard of this unit.")]})
        start["standard"] = version.pk if version else ""
    form = standard_forms.AgreementForm(
        data=start | values, instance=agreement, standards=standards
    )
    cleaned = check_form(form)
    standard_services.save_agreement(
        actor=request.user, forum=forum, data=cleaned, agreement=agreement
    )


class ForumAgreements(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = AgreementCreateSerializer
    queryset = Agreement.objects.none()

    @extend_schema(responses={201: ForumEditSerializer, **errors(400, 401, 403, 404)})
    def post(self, request, slug: str, pk: int):
        """Record an agreement reached in the forum, with the standard it changes (write scope;
        the unit's officers and heads, the agency head)."""
        unit = editing_unit(request, slug)
        forum = selectors.get_forum(unit, pk)
        _save_agreement(request, unit, forum, None)
        return Response(
            ForumEditSerializer(selectors.get_forum(unit, pk)).data,
            status=status.HTTP_201_CREATED,
        )


class ForumAgreement(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = AgreementWriteSerializer
    queryset = Agreement.objects.none()

    @extend_schema(responses={200: ForumEditSerializer, **errors(400, 401, 403, 404)})
    def patch(self, request, slug: str, pk: int, agreement: int):
        """Change an agreement, e.g. record what happened to it (``outcome``: ``done`` or
        ``dropped``, with ``outcome_note``); what is left out keeps its value (write scope;
        the unit's officers and heads, the agency head)."""
        unit = editing_unit(request, slug)
        forum = selectors.get_forum(unit, pk)
        item = get_object_or_404(Agreement, forum=forum, pk=agreement)
        _save_agreement(request, unit, forum, item)
        return Response(ForumEditSerializer(selectors.get_forum(unit, pk)).data)
