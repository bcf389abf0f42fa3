"""Which Open311 client sent which report, so that the report's public responses flow back to
that client (the servicerequestupdates extension) and ``tokens/{token_id}`` can answer."""

from django.db import models

from pantau.common.models import TimeStampedModel


class Submission(TimeStampedModel):
    complaint = models.OneToOneField(
        "complaints.Complaint", on_delete=models.CASCADE, related_name="open311_submission"
    )
    api_token = models.ForeignKey(
        "api.ApiToken", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    token = models.UUIDField(unique=True)

    def __str__(self) -> str:
        return str(self.token)
