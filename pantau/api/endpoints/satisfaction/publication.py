"""A period's status steps and its publication, through satisfaction.services."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.response import Response

from pantau.satisfaction import services as skm_services

from ...permissions import WriteScope
from ...schema import errors
from .periods import reachable_periods
from .serializers import PeriodDetailSerializer, PublishSerializer, StatusActionSerializer


class PeriodStatus(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = StatusActionSerializer

    @extend_schema(responses={200: PeriodDetailSerializer, **errors(400, 401, 403, 404)})
    def post(self, request, pk: int):
        """Open or close a period's collection of answers (unit head)."""
        period = get_object_or_404(reachable_periods(request), pk=pk)
        data = StatusActionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        skm_services.change_period_status(
            actor=request.user, period=period, action=data.validated_data["action"]
        )
        return Response(PeriodDetailSerializer(period).data)


class PeriodPublish(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = PublishSerializer

    @extend_schema(responses={200: PeriodDetailSerializer, **errors(400, 401, 403, 404)})
    def post(self, request, pk: int):
        """Publish a period's results and record where (unit head)."""
        period = get_object_or_404(reachable_periods(request), pk=pk)
        data = PublishSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        skm_services.publish_period(
            actor=request.user,
            period=period,
            media=data.validated_data["media"],
            reason=data.validated_data.get("reason", ""),
        )
        return Response(PeriodDetailSerializer(period).data)
