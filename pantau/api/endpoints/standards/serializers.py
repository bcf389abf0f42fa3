"""What the standards endpoints read and write: the shapes of a standard, a pledge, a forum and a
publication record."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from pantau.standards import selectors
from pantau.standards.models import (
    Agreement,
    Forum,
    Maklumat,
    Medium,
    Participant,
    Publication,
    StandardVersion,
)

from ...forms import MAX_ID

# --- Serializers ----------------------------------------------------------------------------


class RequirementSerializer(serializers.Serializer):
    text = serializers.CharField()
    note = serializers.CharField()


class StepSerializer(serializers.Serializer):
    text = serializers.CharField()
    actor = serializers.CharField()


class TimeLimitSerializer(serializers.Serializer):
    value = serializers.IntegerField(source="time_limit_value", allow_null=True)
    unit = serializers.CharField(source="time_limit_unit")
    note = serializers.CharField(source="time_limit_note")


class FeeSerializer(serializers.Serializer):
    free = serializers.BooleanField(source="fee_is_free")
    amount = serializers.IntegerField(
        source="fee_amount", allow_null=True, help_text="Rupiah; null when free."
    )
    legal_basis = serializers.CharField(source="fee_legal_basis")
    note = serializers.CharField(source="fee_note")


class VersionSummarySerializer(serializers.ModelSerializer):
    forum = serializers.PrimaryKeyRelatedField(
        read_only=True, allow_null=True, help_text="The consultation forum it was discussed in."
    )

    class Meta:
        model = StandardVersion
        fields = [
            "number",
            "status",
            "decree_number",
            "decree_date",
            "published_at",
            "superseded_at",
            "change_note",
            "forum",
        ]


class StandardSerializer(VersionSummarySerializer):
    """The six service-delivery components (the public part of a standard)."""

    service = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    requirements = RequirementSerializer(many=True, source="requirements.all")
    steps = StepSerializer(many=True, source="steps.all")
    time_limit = TimeLimitSerializer(source="*")
    fee = FeeSerializer(source="*")

    class Meta(VersionSummarySerializer.Meta):
        fields = [
            "service",
            *VersionSummarySerializer.Meta.fields,
            "review_months",
            "requirements",
            "steps",
            "time_limit",
            "fee",
            "product",
            "complaint_handling",
        ]


class InForceSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    decree_date = serializers.DateField(allow_null=True)
    time_limit = TimeLimitSerializer(source="*")
    free = serializers.BooleanField(source="fee_is_free")
    fee_amount = serializers.IntegerField(allow_null=True)


class ServiceStandardSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    name = serializers.CharField()
    description = serializers.CharField()
    standard = InForceSerializer(
        allow_null=True, help_text="The version in force, or null when none is published."
    )


class MaklumatSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Maklumat
        fields = [
            "unit",
            "number",
            "status",
            "promise",
            "improvement",
            "sanction",
            "signatory_name",
            "signatory_title",
            "set_on",
            "published_at",
        ]


class ForumSerializer(serializers.ModelSerializer):
    agreements = serializers.IntegerField(source="agreement_count")
    carried_out = serializers.IntegerField(
        source="done_count", help_text="Agreements carried out so far."
    )

    class Meta:
        model = Forum
        fields = ["id", "topic", "title", "held_on", "place", "agreements", "carried_out"]


class ParticipantCountSerializer(serializers.Serializer):
    kind = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # a field named like a DRF Field attribute
    attended = serializers.IntegerField()


class AgreementStandardSerializer(serializers.Serializer):
    service = serializers.CharField(source="service.slug")
    number = serializers.IntegerField()


class AgreementSerializer(serializers.ModelSerializer):
    standard = AgreementStandardSerializer(
        allow_null=True, help_text="The standard version it changes."
    )

    class Meta:
        model = Agreement
        fields = ["text", "standard", "action", "outcome", "outcome_note"]


class ForumDetailSerializer(serializers.ModelSerializer):
    participants = serializers.SerializerMethodField()
    agreements = AgreementSerializer(many=True, source="agreements.all")

    class Meta:
        model = Forum
        fields = ["id", "topic", "title", "held_on", "place", "participants", "agreements"]

    @extend_schema_field(ParticipantCountSerializer(many=True))
    def get_participants(self, forum) -> list[dict]:
        return list(
            ParticipantCountSerializer(
                [
                    {"kind": kind, "label": label, "attended": n}
                    for kind, label, n in selectors.participant_type_counts(forum)
                ],
                many=True,
            ).data
        )


class PublicationSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    target = serializers.SerializerMethodField(
        help_text="What was published: standard-<id>, maklumat-<id> or skm-<SKM period id>."
    )
    url = serializers.CharField(help_text="The link, on electronic media; empty otherwise.")
    has_evidence = serializers.SerializerMethodField()

    class Meta:
        model = Publication
        fields = [
            "id",
            "unit",
            "subject",
            "target",
            "medium",
            "published_on",
            "url",
            "note",
            "has_evidence",
            "recorded_at",
        ]

    def get_target(self, record) -> str:
        for prefix, key in (("standard", "standard_id"), ("maklumat", "maklumat_id")):
            if getattr(record, key):
                return f"{prefix}-{getattr(record, key)}"
        return f"skm-{record.skm_period_id}"

    def get_has_evidence(self, record) -> bool:
        return bool(record.evidence)


class PublicationWriteSerializer(serializers.Serializer):
    target = serializers.CharField(
        max_length=40,
        help_text="What was published: standard-<id> (a published or replaced version), "
        "maklumat-<id> (a set pledge) or skm-<SKM period id> (a published period).",
    )
    medium = serializers.ChoiceField(choices=Medium.choices)
    published_on = serializers.DateField()
    url = serializers.URLField(
        max_length=200,
        required=False,
        allow_blank=True,
        default="",
        help_text="Required for electronic media (website, social media, app, SIPPN).",
    )
    note = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class ForumWriteSerializer(serializers.Serializer):
    """A forum's plan and minutes; on creation ``topic``, ``title`` and ``held_on`` are
    required, on a change what is left out keeps its value."""

    topic = serializers.ChoiceField(choices=Forum.Topic.choices, required=False)
    title = serializers.CharField(max_length=200, required=False)
    held_on = serializers.DateField(required=False)
    place = serializers.CharField(
        max_length=200,
        required=False,
        allow_blank=True,
        help_text="The place, or give the online link.",
    )
    online_link = serializers.URLField(max_length=200, required=False, allow_blank=True)
    minutes = serializers.CharField(
        required=False, allow_blank=True, help_text="The minutes (notulen); not public."
    )


class ForumCreateSerializer(ForumWriteSerializer):
    """A new forum: its topic, title and date are required."""

    topic = serializers.ChoiceField(choices=Forum.Topic.choices)
    title = serializers.CharField(max_length=200)
    held_on = serializers.DateField()


class ParticipantEditSerializer(serializers.ModelSerializer):
    class Meta:
        model = Participant
        fields = ["id", "name", "organisation", "kind", "attended"]


class AgreementEditSerializer(AgreementSerializer):
    class Meta(AgreementSerializer.Meta):
        fields = ["id", *AgreementSerializer.Meta.fields]


class ForumEditSerializer(serializers.ModelSerializer):
    """A forum as its unit's editors see it: planned or held, with the minutes and the names."""

    online_link = serializers.CharField(help_text="The online link; empty when none.")
    participants = ParticipantEditSerializer(many=True, source="participants.all")
    agreements = AgreementEditSerializer(many=True, source="agreements.all")

    class Meta:
        model = Forum
        fields = [
            "id",
            "topic",
            "title",
            "held_on",
            "place",
            "online_link",
            "status",
            "minutes",
            "participants",
            "agreements",
        ]


class ParticipantWriteSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=120)
    organisation = serializers.CharField(
        max_length=160, required=False, allow_blank=True, default=""
    )
    kind = serializers.ChoiceField(
        choices=Participant.Kind.choices, help_text="Whom they represent."
    )


class AttendanceWriteSerializer(serializers.Serializer):
    attended = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID),
        max_length=1000,
        help_text="The ids of the participants who attended; the others did not.",
    )


class AgreementWriteSerializer(serializers.Serializer):
    """An agreement; on creation ``text`` is required, on a change what is left out keeps its
    value."""

    text = serializers.CharField(required=False)
    standard = AgreementStandardSerializer(
        required=False, allow_null=True, help_text="A version of a standard of the unit it changes."
    )
    action = serializers.CharField(max_length=300, required=False, allow_blank=True)
    outcome = serializers.ChoiceField(choices=Agreement.Outcome.choices, required=False)
    outcome_note = serializers.CharField(max_length=300, required=False, allow_blank=True)


class AgreementCreateSerializer(AgreementWriteSerializer):
    """A new agreement: its text is required."""

    text = serializers.CharField()
