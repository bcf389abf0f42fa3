"""mySociety's ``servicerequestupdates`` extension: ``GET`` the public steps of reports (paged, or
synced with ``updated_after``); ``POST`` a reporter's comment from the client that posted the
report."""

from datetime import timedelta

from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.response import Response

from pantau.api.permissions import token_of

from .. import mapping, params, posting, selectors, services
from ..models import Submission
from .base import Open311View

DEFAULT_DAYS = 7
DEFAULT_UPDATES = 1000  # mySociety's clients read one answer per window; they do not page

LIST_PARAMETERS = frozenset({"start_date", "end_date"}) | params.PAGING


class ServiceRequestUpdates(Open311View):
    """The client that posted a report (its api_key) also reads the public notes and answers;
    everyone else reads the steps only."""

    xml_tags = ("service_request_updates", "request_update")

    def get(self, request, format=None):
        query = request.query_params
        params.refuse_unknown(query, LIST_PARAMETERS)
        page = params.page(query, default_size=DEFAULT_UPDATES, numeric_ids=True)
        start, end = params.window(
            query, default=None if page.syncing else timedelta(days=DEFAULT_DAYS)
        )
        events = selectors.public_updates(jurisdiction=self.jurisdiction(), start=start, end=end)
        if page.syncing:
            events = selectors.updates_after(
                events,
                after=page.updated_after,
                after_id=int(page.after_id) if page.after_id else None,
                settled=page.settled(),
            )
        rows = list(events[page.offset : page.offset + page.size + 1])
        more, rows = len(rows) > page.size, rows[: page.size]
        token = token_of(request)
        own = set()
        if token is not None and rows:
            own = set(
                Submission.objects.filter(
                    api_token=token, complaint_id__in={e.complaint_id for e in rows}
                ).values_list("complaint_id", flat=True)
            )
        last = (rows[-1].at, str(rows[-1].pk)) if rows else None
        return Response(
            [_update(event, own=event.complaint_id in own) for event in rows],
            headers=params.links(request, page, more=more, last=last),
        )

    def post(self, request, format=None):
        token = token_of(request)
        if token is None or not token.can_write:
            raise exceptions.PermissionDenied(
                _("Send an api_key: a Pantau API token with the write scope.")
            )
        data = {**request.query_params.dict(), **posting.flat(request.data)}
        number = str(data.get("service_request_id", "") or "").strip().upper()
        submission = (
            Submission.objects.filter(api_token=token, complaint__tracking_number=number[:20])
            .select_related("complaint")
            .first()
            if number
            else None
        )
        if submission is None:
            raise exceptions.NotFound(
                _("There is no request with this service_request_id that this api_key posted.")
            )
        description = str(data.get("description", "") or "").strip()
        if not description:
            raise exceptions.ValidationError({"description": _("Write the comment.")})
        if len(description) > posting.DESCRIPTION_MAX or "\x00" in description:
            raise exceptions.ValidationError(
                {
                    "description": _("Ensure this field has no more than %(max)s characters.")
                    % {"max": posting.DESCRIPTION_MAX}
                }
            )
        media = request.query_params.getlist("media_url") + _many(request.data, "media_url")
        event = services.post_update(
            complaint=submission.complaint,
            description=description,
            media_urls=[str(url).strip()[:500] for url in media if str(url).strip()][:10],
        )
        return Response([{"update_id": str(event.pk)}])


def _many(data, name: str) -> list:
    """Every value of ``name`` in a posted form (``getlist``) or JSON object (a list or one)."""
    if hasattr(data, "getlist"):
        return data.getlist(name)
    value = data.get(name) if isinstance(data, dict) else None
    return value if isinstance(value, list) else [] if value is None else [value]


def _update(event, *, own: bool) -> dict:
    return {
        "update_id": str(event.pk),
        "service_request_id": event.complaint.tracking_number,
        "status": mapping.open311_status(event.to_status or event.complaint.status),
        "external_status_code": event.to_status,
        "updated_datetime": mapping.stamp(event.at),
        "description": event.note if own and event.note else event.action_label,
        # Attachments are the reporter's and never public: present, empty (as the extension
        # allows).
        "media_url": "",
    }
