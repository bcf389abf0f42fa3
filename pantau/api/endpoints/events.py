"""``/api/v1/events/``: the "events since" feed (issue 20). The events the webhooks of the units
you manage receive, with the same payloads, in the order they happened, so that a receiver that
was down reads what it missed: ``?after=<id of the last event you have>&limit=``."""

from django.conf import settings
from django.urls import path
from django.utils.translation import gettext as _
from drf_spectacular.utils import (
    OpenApiParameter,
    PolymorphicProxySerializer,
    extend_schema,
)
from rest_framework import exceptions, generics, serializers
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from pantau.complaints.models import Complaint, Status
from pantau.events import selectors
from pantau.events.models import Event, WebhookEvent
from pantau.organisations.selectors import managed_units

from ..filters import check_parameters
from ..permissions import ReadScope, narrow_units
from ..schema import errors

DEFAULT_LIMIT = 100
MAX_LIMIT = 500


class ComplaintEventData(serializers.Serializer):
    tracking_number = serializers.CharField()
    kind = serializers.ChoiceField(choices=Complaint.Kind.choices)
    status = serializers.ChoiceField(choices=Status.choices)
    category = serializers.CharField(allow_null=True, help_text="The category's code.")
    subject = serializers.CharField(
        help_text="The public summary (masked), or a placeholder until staff approve one."
    )
    confidential = serializers.BooleanField()
    created_at = serializers.DateTimeField()
    resolution_due = serializers.DateField(allow_null=True)
    url = serializers.URLField(help_text="The report in the API (needs a token).")


class ComplaintStatusEventData(ComplaintEventData):
    previous_status = serializers.ChoiceField(choices=Status.choices)
    action = serializers.CharField(help_text="The workflow step, e.g. verify, assign, answer.")


class SkmEventData(serializers.Serializer):
    period = serializers.IntegerField()
    label = serializers.CharField()  # type: ignore[assignment]  # the payload field, not Field.label
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    respondents = serializers.IntegerField(min_value=0)
    ikm = serializers.CharField(allow_null=True, help_text='The IKM as a decimal, e.g. "82.45".')
    grade = serializers.CharField(allow_null=True)
    published_at = serializers.DateTimeField()
    url = serializers.URLField(help_text="The published result in the API.")


def _payload(name: str, event: WebhookEvent, data: type[serializers.Serializer]) -> type:
    """The serializer of one event's payload: ``{"id", "event", "created_at", "unit", "data"}``."""
    fields = {
        "id": serializers.UUIDField(help_text="The event's id, as in X-Pantau-Delivery."),
        "event": serializers.ChoiceField(choices=[(event.value, event.label)]),
        "created_at": serializers.DateTimeField(),
        "unit": serializers.SlugField(help_text="The unit whose event it is."),
        "data": data(),
    }
    return type(name, (serializers.Serializer,), {**fields, "__module__": __name__})


EventPayload = PolymorphicProxySerializer(
    component_name="EventPayload",
    serializers={
        WebhookEvent.COMPLAINT_CREATED.value: _payload(
            "ComplaintCreatedEvent", WebhookEvent.COMPLAINT_CREATED, ComplaintEventData
        ),
        WebhookEvent.COMPLAINT_STATUS.value: _payload(
            "ComplaintStatusChangedEvent", WebhookEvent.COMPLAINT_STATUS, ComplaintStatusEventData
        ),
        WebhookEvent.SKM_PUBLISHED.value: _payload(
            "SkmResultPublishedEvent", WebhookEvent.SKM_PUBLISHED, SkmEventData
        ),
    },
    resource_type_field_name="event",
    many=False,
)


class EventPageSerializer(serializers.Serializer):
    next = serializers.URLField(
        allow_null=True,
        help_text="The following page; null when you have every event there is now.",
    )
    results = serializers.ListField(child=EventPayload)


def _limit(request) -> int:
    value = request.query_params.get("limit")
    if value is None:
        return DEFAULT_LIMIT
    if value.isascii() and value.isdigit() and len(value) <= 3 and 1 <= int(value) <= MAX_LIMIT:
        return int(value)
    raise exceptions.ValidationError(
        {
            "limit": [
                _("Give a whole number of rows from 1 to %(maximum)s.") % {"maximum": MAX_LIMIT}
            ]
        }
    )


def _after(request, units) -> Event | None:
    value = request.query_params.get("after")
    if value is None:
        return None
    try:
        uuid = serializers.UUIDField().to_internal_value(value)
    except serializers.ValidationError:
        uuid = None
    event = selectors.find_event(units, str(uuid)) if uuid else None
    if event is None:
        raise exceptions.ValidationError(
            {
                "after": [
                    _(
                        "There is no event with this id among yours, or it is older than the "
                        "%(days)s days events are kept: start again without “after”."
                    )
                    % {"days": settings.PANTAU_EVENT_RETENTION_DAYS}
                ]
            },
            code="unknown",
        )
    return event


class EventFeed(generics.GenericAPIView):
    """Events of the units whose webhooks you manage (a token limited to some units: of those),
    oldest first, each exactly as its webhooks receive it. Read from the beginning (no `after`),
    or from the event after the one whose `id` you give, and follow `next` until it is null. The
    events of the last few seconds appear a moment later, so that none is ever skipped."""

    permission_classes = [ReadScope]
    serializer_class = EventPageSerializer
    queryset = Event.objects.none()
    pagination_class = None
    query_parameters = ("after", "limit")

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "after",
                {"type": "string", "format": "uuid"},
                description="The `id` of the last event you have; the page starts after it.",
            ),
            OpenApiParameter(
                "limit",
                {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT},
                description=f"Events per page, 1 to {MAX_LIMIT} ({DEFAULT_LIMIT} by default).",
            ),
        ],
        responses={200: EventPageSerializer, **errors(400, 401)},
    )
    def get(self, request):
        check_parameters(request, self)
        units = narrow_units(request, managed_units(request.user))
        limit = _limit(request)
        events, more = selectors.events_page(units, after=_after(request, units), limit=limit)
        following = None
        if more:
            following = replace_query_param(
                request.build_absolute_uri(), "after", str(events[-1].uuid)
            )
        return Response({"next": following, "results": [event.payload for event in events]})


urlpatterns = [path("events/", EventFeed.as_view(), name="event-feed")]
