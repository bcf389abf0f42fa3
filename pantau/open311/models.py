"""Which Open311 client sent which report, so that the report's public responses flow back to
that client (the servicerequestupdates extension), ``tokens/{token_id}`` can answer, and the same
POST sent again with its idempotency key answers with the first report instead of a second one."""

from django.db import models
from django.db.models import Q

from pantau.common.models import TimeStampedModel


class Submission(TimeStampedModel):
    complaint = models.OneToOneField(
        "complaints.Complaint", on_delete=models.CASCADE, related_name="open311_submission"
    )
    api_token = models.ForeignKey(
        "api.ApiToken", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    token = models.UUIDField(unique=True)
    # The client's ``Idempotency-Key`` header or ``attribute[submission_token]`` (issue 20), and
    # a digest of what it posted with it: the same key with other content is refused.
    idempotency_key = models.CharField(max_length=200, blank=True)
    request_hash = models.CharField(max_length=64, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["api_token", "idempotency_key"],
                condition=~Q(idempotency_key=""),
                name="open311_one_report_per_key",
            )
        ]

    def __str__(self) -> str:
        return str(self.token)
