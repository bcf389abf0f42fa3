"""What the PEKPPP endpoints read: rounds, lokus results, rankings, scores."""

import django_filters
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from pantau.evaluations import selectors
from pantau.evaluations.models import (
    Lokus,
    Round,
    Score,
)
from pantau.organisations.models import Agency

from ...filters import IntegerFilter, KnownValueFilter
from ...permissions import token_unit_ids
from .lookups import is_published

# --- Serializers ----------------------------------------------------------------------------


class AspectResultSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField(source="aspect.name", default="")
    weight = serializers.FloatField()
    evaluator = serializers.FloatField(help_text="Evaluator form (F-02) score, 0–5.")
    citizen = serializers.FloatField(
        allow_null=True, help_text="Citizen form (F-03) score, 0–5; null when not used."
    )
    blended = serializers.FloatField()
    contribution = serializers.FloatField(help_text="weight × blended, its share of the IPP.")


class ResultSerializer(serializers.Serializer):
    ipp = serializers.DecimalField(max_digits=3, decimal_places=2)
    grade = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # a field named like a DRF Field attribute
    rank = serializers.IntegerField(allow_null=True, help_text="1 = the highest IPP of the round.")
    method = serializers.CharField()
    instrument = serializers.CharField(help_text="The instrument version the result used.")
    instrument_id = serializers.IntegerField()
    evaluator_share = serializers.FloatField()
    citizen_used = serializers.BooleanField()
    computed_at = serializers.DateTimeField()
    aspects = AspectResultSerializer(many=True)


class LokusSerializer(serializers.ModelSerializer):
    round = serializers.PrimaryKeyRelatedField(read_only=True)
    unit = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    ipp = serializers.SerializerMethodField()
    grade = serializers.SerializerMethodField()
    rank = serializers.SerializerMethodField()

    class Meta:
        model = Lokus
        fields = ["id", "round", "unit", "service_class", "ipp", "grade", "rank"]

    def _result(self, lokus, name):
        return getattr(lokus, name) if is_published(lokus.round) else None

    @extend_schema_field(serializers.DecimalField(max_digits=3, decimal_places=2, allow_null=True))
    def get_ipp(self, lokus):
        ipp = self._result(lokus, "ipp")
        return None if ipp is None else float(ipp)

    def get_grade(self, lokus) -> str | None:
        return self._result(lokus, "grade") or None

    def get_rank(self, lokus) -> int | None:
        return self._result(lokus, "rank")


class LokusDetailSerializer(LokusSerializer):
    round_status = serializers.CharField(source="round.status")
    result = serializers.SerializerMethodField()
    problem = serializers.SerializerMethodField()

    class Meta(LokusSerializer.Meta):
        fields = ["id", "round", "round_status", "unit", "service_class", "result", "problem"]

    @extend_schema_field(ResultSerializer(allow_null=True))
    def get_result(self, lokus) -> dict | None:
        if not is_published(lokus.round) or lokus.ipp is None:
            return None
        stored = lokus.result or {}
        return ResultSerializer(
            {
                **stored,
                "ipp": lokus.ipp,
                "grade": lokus.grade,
                "label": lokus.label,
                "rank": lokus.rank,
                "computed_at": lokus.computed_at,
                "aspects": selectors.result_rows(lokus),
            }
        ).data

    def get_problem(self, lokus) -> str | None:
        """Why a published round gave this unit no result (a missing or unreconciled score)."""
        if not is_published(lokus.round) or lokus.ipp is not None:
            return None
        return (lokus.result or {}).get("error")


class RoundSerializer(serializers.ModelSerializer):
    body = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    instrument = serializers.CharField(
        source="instrument.__str__", help_text="The instrument version."
    )
    results_published = serializers.SerializerMethodField()

    class Meta:
        model = Round
        fields = [
            "id",
            "name",
            "year",
            "body",
            "mode",
            "status",
            "method",
            "instrument",
            "results_on",
            "results_published",
        ]

    def get_results_published(self, round_) -> bool:
        return is_published(round_)


class RoundDetailSerializer(RoundSerializer):
    lokus = serializers.SerializerMethodField(help_text="The units of the round you may see.")

    class Meta(RoundSerializer.Meta):
        fields = [
            *RoundSerializer.Meta.fields,
            "self_assessment_opens",
            "self_assessment_closes",
            "citizen_opens",
            "citizen_closes",
            "scoring_opens",
            "scoring_closes",
            "verification_opens",
            "verification_closes",
            "follow_up_due",
            "lokus",
        ]

    @extend_schema_field(LokusSerializer(many=True))
    def get_lokus(self, round_) -> list[dict]:
        lokus = selectors.lokus_for(self.context["request"].user, round_)
        ids = token_unit_ids(self.context["request"])
        if ids is not None:
            lokus = lokus.filter(unit_id__in=ids)
        return list(LokusSerializer(lokus.order_by("unit__name"), many=True).data)


class ScoreWriteSerializer(serializers.Serializer):
    indicator = serializers.CharField(
        max_length=20, help_text="The indicator's code in the round's instrument."
    )
    score = serializers.IntegerField(min_value=0, max_value=5)
    note = serializers.CharField(max_length=4000, help_text="What the score rests on.")
    mode = serializers.ChoiceField(choices=Score.Mode.choices, default=Score.Mode.DESK)


class ScoreSerializer(serializers.ModelSerializer):
    indicator = serializers.CharField(source="indicator.code")

    class Meta:
        model = Score
        fields = ["indicator", "score", "note", "mode", "updated_at"]


class RoundFilter(django_filters.FilterSet):
    year = IntegerFilter(min_value=2000, max_value=2100)
    status = django_filters.ChoiceFilter(choices=Round.Status.choices)
    body = KnownValueFilter(
        field_name="body__slug", model=Agency, help_text="Evaluating body's slug."
    )

    class Meta:
        model = Round
        fields: list[str] = []
