"""The evaluator's scores (F-02), through evaluations.forms.ScoreForm and services.save_score."""

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.response import Response

from pantau.evaluations import forms as evaluation_forms
from pantau.evaluations import permissions as evaluation_permissions
from pantau.evaluations import services as evaluation_services
from pantau.evaluations.models import (
    Score,
)

from ...forms import check_form
from ...permissions import WriteScope
from ...schema import errors
from .lookups import indicator_of, lokus_of
from .serializers import ScoreSerializer, ScoreWriteSerializer


class ScoreSubmit(generics.GenericAPIView):
    permission_classes = [WriteScope]
    serializer_class = ScoreWriteSerializer
    queryset = Score.objects.none()

    @extend_schema(responses={200: ScoreSerializer, **errors(400, 401, 403, 404)})
    def post(self, request, pk: int):
        """Save your score (F-02) of one indicator of a unit you are assigned to evaluate, while
        scoring is open; sent again, it replaces your score (an assigned evaluator)."""
        lokus = lokus_of(request, pk)
        if not evaluation_permissions.can_score(request.user, lokus):
            raise Http404
        data = ScoreWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        indicator = indicator_of(lokus, values["indicator"])
        form = evaluation_forms.ScoreForm(
            data={"score": str(values["score"]), "note": values["note"], "mode": values["mode"]}
        )
        cleaned = check_form(form)
        score = evaluation_services.save_score(
            actor=request.user, lokus=lokus, indicator=indicator, **cleaned
        )
        return Response(ScoreSerializer(score).data, status=status.HTTP_200_OK)
