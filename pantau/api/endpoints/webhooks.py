"""``/api/v1/units/{slug}/webhooks/``: a unit head registers HTTPS endpoints of the unit's own
system for signed events, removes them, reads the delivery log and resends a delivery."""

from django.shortcuts import get_object_or_404
from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.response import Response

from pantau.events import services as event_services
from pantau.events.models import WebhookDelivery, WebhookEndpoint, WebhookEvent

from .. import selectors, services
from ..permissions import WriteScope, get_unit
from ..schema import errors


class WebhookSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    events = serializers.ListField(child=serializers.ChoiceField(choices=WebhookEvent.choices))

    class Meta:
        model = WebhookEndpoint
        fields = ["id", "unit", "url", "events", "is_active", "created_at"]
        read_only_fields = ["id", "unit", "is_active", "created_at"]


class WebhookCreatedSerializer(WebhookSerializer):
    secret = serializers.CharField(help_text="The signing secret, shown this once.")

    class Meta(WebhookSerializer.Meta):
        fields = [*WebhookSerializer.Meta.fields, "secret"]


class DeliverySerializer(serializers.ModelSerializer):
    endpoint = serializers.CharField(source="endpoint.url")
    event = serializers.ChoiceField(choices=WebhookEvent.choices, source="event.type")
    event_id = serializers.UUIDField(
        source="event.uuid", help_text="The event's id: the same on every retry and resend."
    )
    resent = serializers.SerializerMethodField(help_text="Whether this delivery is a resend.")

    class Meta:
        model = WebhookDelivery
        fields = [
            "id",
            "event_id",
            "event",
            "endpoint",
            "status",
            "attempts",
            "response_code",
            "error",
            "created_at",
            "last_attempt_at",
            "delivered_at",
            "resent",
        ]

    def get_resent(self, delivery) -> bool:
        return delivery.resent_by_id is not None


class WebhookList(generics.ListCreateAPIView):
    """The unit's webhooks (GET), or a new one (POST); unit head, token with the write scope."""

    permission_classes = [WriteScope]
    serializer_class = WebhookSerializer
    queryset = WebhookEndpoint.objects.none()
    cursor_ordering = "id"

    def get_queryset(self):
        return selectors.unit_webhooks(get_unit(self.request, self.kwargs["slug"], managed=True))

    @extend_schema(
        request=WebhookSerializer,
        responses={201: WebhookCreatedSerializer, **errors(400, 401, 403, 404)},
    )
    def post(self, request, slug: str):
        unit = get_unit(request, slug, managed=True)
        data = WebhookSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        endpoint = services.register_webhook(
            actor=request.user,
            unit=unit,
            url=data.validated_data["url"],
            events=data.validated_data["events"],
        )
        return Response(WebhookCreatedSerializer(endpoint).data, status=status.HTTP_201_CREATED)


class WebhookDetail(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = WebhookSerializer
    queryset = WebhookEndpoint.objects.none()

    @extend_schema(responses={204: None, **errors(401, 403, 404)})
    def delete(self, request, slug: str, pk: int):
        """Remove a webhook; its delivery log goes with it."""
        unit = get_unit(request, slug, managed=True)
        services.remove_webhook(
            actor=request.user, endpoint=get_object_or_404(selectors.unit_webhooks(unit), pk=pk)
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class DeliveryList(generics.ListAPIView):
    """The delivery log of the unit's webhooks, newest first."""

    permission_classes = [WriteScope]
    serializer_class = DeliverySerializer
    queryset = WebhookDelivery.objects.none()
    cursor_ordering = "-id"

    def get_queryset(self):
        return selectors.deliveries(get_unit(self.request, self.kwargs["slug"], managed=True))


class DeliveryResend(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = DeliverySerializer
    queryset = WebhookDelivery.objects.none()

    @extend_schema(request=None, responses={202: DeliverySerializer, **errors(400, 401, 403, 404)})
    def post(self, request, slug: str, pk: int):
        """Send a delivery's event to its webhook again, with the same event id and payload; the
        answer is the new delivery of the log. 400 while the event is still waiting to go to
        that address, or while the webhook is paused."""
        unit = get_unit(request, slug, managed=True)
        delivery = get_object_or_404(selectors.deliveries(unit), pk=pk)
        resend = event_services.resend_delivery(actor=request.user, delivery=delivery)
        return Response(DeliverySerializer(resend).data, status=status.HTTP_202_ACCEPTED)


urlpatterns = [
    path("units/<slug:slug>/webhooks/", WebhookList.as_view(), name="webhook-list"),
    path("units/<slug:slug>/webhooks/<int:pk>/", WebhookDetail.as_view(), name="webhook-detail"),
    path(
        "units/<slug:slug>/webhooks/deliveries/", DeliveryList.as_view(), name="webhook-deliveries"
    ),
    path(
        "units/<slug:slug>/webhooks/deliveries/<int:pk>/resend/",
        DeliveryResend.as_view(),
        name="webhook-delivery-resend",
    ),
]
