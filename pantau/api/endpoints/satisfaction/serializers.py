"""What the SKM endpoints read and write: periods, their results, the questionnaire and its
answers."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from pantau.satisfaction import selectors
from pantau.satisfaction.models import Medium, SurveyPeriod
from pantau.surveys.selectors import version_items

from ...forms import MAX_ID


class IkmSummarySerializer(serializers.Serializer):
    respondents = serializers.IntegerField()
    ikm = serializers.DecimalField(max_digits=5, decimal_places=2, allow_null=True)
    grade = serializers.CharField(allow_null=True)
    performance = serializers.CharField(allow_null=True)


class PeriodSerializer(serializers.ModelSerializer):
    """A period in a list. Its figures are ``results``, as in the detail (which adds the
    elements); ``result``, the same object under its old name, stays for one release
    (issue 20) and then goes."""

    unit = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    label = serializers.CharField(read_only=True)  # type: ignore[assignment]  # a field named like a DRF Field attribute
    status = serializers.CharField(source="collection.status", read_only=True)
    results = serializers.SerializerMethodField()
    result = serializers.SerializerMethodField(
        help_text="Deprecated: the same as `results`; it goes in the next release."
    )

    class Meta:
        model = SurveyPeriod
        fields = [
            "id",
            "unit",
            "kind",
            "year",
            "number",
            "label",
            "starts_on",
            "ends_on",
            "status",
            "population",
            "weight_mode",
            "published_at",
            "results",
            "result",
        ]

    @extend_schema_field(IkmSummarySerializer)
    def get_results(self, period) -> dict:
        point = self.context.get("points", {}).get(period.pk)
        ikm = point.ikm if point else None
        return {
            "respondents": point.respondents if point else 0,
            "ikm": ikm.ikm if ikm else None,
            "grade": ikm.grade if ikm else None,
            "performance": ikm.performance if ikm else None,
        }

    @extend_schema_field(IkmSummarySerializer)
    def get_result(self, period) -> dict:
        return self.get_results(period)


class ElementSerializer(serializers.Serializer):
    key = serializers.CharField(source="item.key")
    code = serializers.CharField(source="item.code")
    label = serializers.CharField(source="item.shown_label")  # type: ignore[assignment]  # a field named like a DRF Field attribute
    answered = serializers.IntegerField()
    total = serializers.IntegerField()
    nrr = serializers.FloatField(allow_null=True)
    weighted_nrr = serializers.FloatField(allow_null=True)
    rank = serializers.IntegerField(allow_null=True, help_text="1 = the weakest element.")


class ServiceCountSerializer(serializers.Serializer):
    service = serializers.IntegerField(source="service.pk")
    name = serializers.CharField(source="service.name")
    respondents = serializers.IntegerField()


class ServiceRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class ResultsSerializer(serializers.Serializer):
    respondents = serializers.IntegerField()
    required_sample = serializers.IntegerField(source="required")
    ikm = serializers.DecimalField(
        source="ikm.ikm", max_digits=5, decimal_places=2, default=None, allow_null=True
    )
    ikm_4 = serializers.FloatField(source="ikm.ikm_4", default=None, allow_null=True)
    grade = serializers.CharField(source="ikm.grade", default=None, allow_null=True)
    performance = serializers.CharField(source="ikm.performance", default=None, allow_null=True)
    weights = serializers.CharField(source="ikm.weights", default=None, allow_null=True)
    problem = serializers.CharField()
    elements = ElementSerializer(many=True)
    by_service = ServiceCountSerializer(many=True)


class PeriodDetailSerializer(PeriodSerializer):
    results = serializers.SerializerMethodField()

    class Meta(PeriodSerializer.Meta):
        fields = [f for f in PeriodSerializer.Meta.fields if f not in ("results", "result")] + [
            "results"
        ]

    @extend_schema_field(ResultsSerializer)
    def get_results(self, period) -> dict:
        # The public detail (context "as_published") shows what was published while a correction
        # is under way; staff see the answers as they stand (issue 17).
        if self.context.get("as_published"):
            return ResultsSerializer(selectors.public_results(period)).data
        return ResultsSerializer(selectors.period_results(period)).data


class OptionSerializer(serializers.Serializer):
    value = serializers.IntegerField()
    label = serializers.CharField(source="shown_label")  # type: ignore[assignment]  # a field named like a DRF Field attribute


class QuestionSerializer(serializers.Serializer):
    key = serializers.CharField()
    code = serializers.CharField()
    text = serializers.CharField(source="shown_text")
    kind = serializers.CharField()
    required = serializers.BooleanField()  # type: ignore[assignment]  # a field named like a DRF Field attribute
    min_value = serializers.IntegerField(allow_null=True)
    max_value = serializers.IntegerField(allow_null=True)
    options = OptionSerializer(many=True, source="options.all")


class QuestionnaireSerializer(serializers.Serializer):
    period = serializers.IntegerField(source="pk")
    unit = serializers.CharField(source="unit.slug")
    label = serializers.CharField()  # type: ignore[assignment]  # a field named like a DRF Field attribute
    requires_code = serializers.BooleanField()
    services = serializers.SerializerMethodField()
    questions = serializers.SerializerMethodField()

    @extend_schema_field(ServiceRefSerializer(many=True))
    def get_services(self, period) -> list[dict]:
        return [{"id": s.pk, "name": s.name} for s in period.services.filter(is_active=True)]

    @extend_schema_field(QuestionSerializer(many=True))
    def get_questions(self, period) -> list[dict]:
        return list(QuestionSerializer(version_items(period.collection.version), many=True).data)


class AnswersSerializer(serializers.Serializer):
    submission_token = serializers.UUIDField(
        help_text="A new UUID per questionnaire; sent again, it is saved once."
    )
    service = serializers.IntegerField(
        min_value=1, max_value=MAX_ID, help_text="Id of the service received."
    )
    answers = serializers.DictField(
        child=serializers.CharField(allow_blank=True, max_length=2000),
        help_text=(
            "Question → the chosen value (or the text written). A question is named by its key,"
            " or a scored element by its code (U1 … U9) as in the import file."
        ),
    )


class ResponseSubmitSerializer(AnswersSerializer):
    access_code = serializers.CharField(required=False, allow_blank=True, max_length=20)


class ReceiptSerializer(serializers.Serializer):
    receipt_number = serializers.CharField()
    held_for_review = serializers.BooleanField(
        help_text="True when the answers equal ones sent from the same device within 24 hours: "
        "they are kept, not refused, and counted once the unit confirms them."
    )


class StatusActionSerializer(serializers.Serializer):
    action = serializers.ChoiceField(choices=["open", "close"])


class PublishSerializer(serializers.Serializer):
    media = serializers.ListField(
        child=serializers.ChoiceField(choices=Medium.choices), min_length=1, max_length=6
    )
    reason = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=1000,
        help_text="Required when fewer respondents answered than the sample requires: why the "
        "results are published now (shown with them).",
    )
