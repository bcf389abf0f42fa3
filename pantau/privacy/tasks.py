from celery import shared_task

from pantau.events.services import remove_old_events

from .services import apply_retention


@shared_task
def apply_retention_task() -> int:
    """The daily retention run (CELERY_BEAT_SCHEDULE): personal data whose purpose is served,
    and stored events older than PANTAU_EVENT_RETENTION_DAYS (issue 20); returns how many
    records were blanked or deleted."""
    blanked = sum(len(result.ids) for result in apply_retention(dry_run=False))
    return blanked + remove_old_events()
