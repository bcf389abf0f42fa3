"""What the SKM services tell the units' systems (webhooks, ``pantau.events``): a result
published."""

from django.utils import timezone

from pantau.common import site
from pantau.events.models import WebhookEvent
from pantau.events.webhooks import emit


def skm_result_published(period) -> None:
    def data() -> dict:
        from .selectors import period_results

        results = period_results(period)
        return {
            "period": period.pk,
            "label": period.label,
            "starts_on": period.starts_on,
            "ends_on": period.ends_on,
            "respondents": results.respondents,
            "ikm": str(results.ikm.ikm) if results.ikm else None,
            "grade": results.ikm.grade if results.ikm else None,
            "published_at": timezone.localtime(period.published_at).isoformat(timespec="seconds"),
            "url": site.base_url() + f"/api/v1/skm/results/{period.pk}/",
        }

    emit(WebhookEvent.SKM_PUBLISHED, unit_ids={period.unit_id}, data=data)
