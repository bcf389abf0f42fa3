"""``GET requests``: public reports, paged, or synced with ``updated_after``; ``POST requests``:
a new report from a client holding an api_key, once per idempotency key."""

from datetime import timedelta

from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.response import Response

from pantau.api.permissions import token_of

from .. import mapping, params, posting, selectors, services
from .base import KeyReusedError, Open311View

DEFAULT_DAYS = 90  # the standard's default window for GET requests
DEFAULT_REQUESTS = 200

LIST_PARAMETERS = (
    frozenset({"service_request_id", "service_code", "start_date", "end_date", "status"})
    | params.PAGING
)


def _codes(text: str, name: str, *, upper: bool = False) -> list[str]:
    """A comma-separated list, as the standard writes several values."""
    values = [v.strip() for v in str(text).split(",") if v.strip()]
    if len(values) > params.MAX_PAGE_SIZE or any(len(v) > 40 for v in values):
        raise exceptions.ValidationError({name: _("Give at most 1000 values of 40 characters.")})
    return [v.upper() for v in values] if upper else values


class Requests(Open311View):
    xml_tags = ("service_requests", "request")

    def get(self, request, format=None):
        query = request.query_params
        params.refuse_unknown(query, LIST_PARAMETERS)
        numbers = _codes(query.get("service_request_id", ""), "service_request_id", upper=True)
        statuses = set(_codes(query.get("status", ""), "status"))
        if not statuses <= {"open", "closed"}:
            raise exceptions.ValidationError({"status": _("status is open or closed.")})
        status = statuses.pop() if len(statuses) == 1 else ""  # both = any
        page = params.page(query, default_size=DEFAULT_REQUESTS, numeric_ids=False)
        quiet = numbers or page.syncing  # no default window for these
        start, end = params.window(query, default=None if quiet else timedelta(days=DEFAULT_DAYS))
        reports = selectors.public_requests(
            jurisdiction=self.jurisdiction(),
            numbers=numbers,
            service_codes=_codes(query.get("service_code", ""), "service_code"),
            start=start,
            end=end,
            status=status,
        )
        if page.syncing:
            reports = selectors.changed_after(
                reports,
                after=page.updated_after,
                after_number=page.after_id,
                settled=page.settled(),
            )
        rows = list(reports[page.offset : page.offset + page.size + 1])
        more, rows = len(rows) > page.size, rows[: page.size]
        last = (rows[-1].updated_at, rows[-1].tracking_number) if rows else None
        labels = mapping.request_labels()
        return Response(
            [mapping.as_request(r, labels) for r in rows],
            headers=params.links(request, page, more=more, last=last),
        )

    def post(self, request, format=None):
        token = token_of(request)
        if token is None or not token.can_write:
            raise exceptions.PermissionDenied(
                _("Send an api_key: a Pantau API token with the write scope.")
            )
        # The standard posts a form; its Swagger description puts the same fields in the query.
        data = {**request.query_params.dict(), **posting.flat(request.data)}
        if any("\x00" in str(value) for value in data.values()):
            raise exceptions.ValidationError(_("The request contains a NUL character."))
        key = posting.idempotency_key(request, data)
        digest = posting.request_hash(data)
        try:
            # A replay answers before the checks: the first answer stands even if a rule changed.
            complaint = services.replay_of(api_token=token, key=key, digest=digest)
            replayed = complaint is not None
            if complaint is None:
                report = posting.report_from(data, self.jurisdiction(source=data))
                complaint, replayed = services.post_request(
                    api_token=token, report=report, key=key, digest=digest
                )
        except services.KeyReused:
            raise KeyReusedError(_reused()) from None
        answer = {
            # Pantau knows the id at once: the id, never a token (the standard's token is for
            # servers that do not).
            "service_request_id": complaint.tracking_number,
            "service_notice": _(
                "The report is received; the unit verifies it within a few working days."
            ),
        }
        return Response([answer], headers={"Idempotent-Replayed": "true"} if replayed else None)


def _reused() -> str:
    return _(
        "This idempotency key was used for another request in the last 24 hours; send a new "
        "key for a new report."
    )
