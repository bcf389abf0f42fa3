"""A unit's monthly "what we did with your reports" (issue 19; the Cakung and Duren Sawit study
asks for follow-up reports announced regularly): what residents reported in a month, what the
unit answered and how fast, by category, and the answers it published.

Everything comes from the records, so the summary is there every month without anyone writing
it, and it cannot say more than the records do. Only public reports count in what is listed
(``selectors.publicly_visible``); the figures count every report of the unit, confidential ones
included, as the statistics page does, because a count names nobody. Month boundaries are the
unit's own time zone (WITA in Lombok Timur).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db.models import Avg, Count, F, Q
from django.utils import timezone

from .models import Complaint, Status
from .public_text import public_answer_text, public_subject
from .selectors import publicly_visible

ANSWERED = (Status.ANSWERED, Status.CLOSED)
LISTED = 30  # published answers shown on one month's page


@dataclass(frozen=True)
class Month:
    year: int
    month: int

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    def next(self) -> Month:
        return Month(self.year + self.month // 12, self.month % 12 + 1)

    def previous(self) -> Month:
        return Month(self.year - (self.month == 1), (self.month - 2) % 12 + 1)

    def bounds(self, zone: str) -> tuple[dt.datetime, dt.datetime]:
        tz = ZoneInfo(zone)
        start = dt.datetime(self.year, self.month, 1, tzinfo=tz)
        following = self.next()
        return start, dt.datetime(following.year, following.month, 1, tzinfo=tz)

    @property
    def slug(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def current_month(unit) -> Month:
    today = timezone.now().astimezone(ZoneInfo(unit.time_zone)).date()
    return Month(today.year, today.month)


def months_with_reports(unit, *, limit: int = 24) -> list[Month]:
    """The months (newest first) in which the unit received or answered a report."""
    from django.db.models.functions import TruncMonth

    zone = ZoneInfo(unit.time_zone)
    found: set[Month] = set()
    for field in ("created_at", "answered_at"):
        for (moment,) in (
            Complaint.objects.filter(unit=unit, **{f"{field}__isnull": False})
            .annotate(month=TruncMonth(field, tzinfo=zone))
            .values_list("month")
            .distinct()
            .order_by("-month")[:limit]
        ):
            found.add(Month(moment.year, moment.month))
    return sorted(found, key=lambda m: (m.year, m.month), reverse=True)[:limit]


def _median_days(durations: list[dt.timedelta]) -> float | None:
    if not durations:
        return None
    days = sorted(d.total_seconds() / 86400 for d in durations)
    middle = len(days) // 2
    return days[middle] if len(days) % 2 else (days[middle - 1] + days[middle]) / 2


def month_summary(unit, month: Month) -> dict:
    """The month's figures (two grouped queries and one of durations) and its published
    answers (one query)."""
    start, end = month.bounds(unit.time_zone)
    reports = Complaint.objects.filter(unit=unit)
    received = reports.filter(created_at__gte=start, created_at__lt=end)
    answered = reports.filter(
        status__in=ANSWERED, answered_at__gte=start, answered_at__lt=end
    ).select_related(None)
    totals = answered.aggregate(
        answered=Count("id"),
        on_time=Count("id", filter=Q(answered_at__date__lte=F("resolution_due"))),
        mean_rating=Avg("rating"),
        rated=Count("rating"),
    )
    by_category = list(
        received.values("category__name")
        .annotate(
            received=Count("id"),
            answered=Count("id", filter=Q(status__in=ANSWERED)),
        )
        .order_by("-received", "category__name")
    )
    durations = [
        done - made
        for made, done in answered.values_list("created_at", "answered_at")
        if done is not None
    ]
    published = list(
        answered.filter(publicly_visible())
        .exclude(public_answer="")
        .select_related("category")
        .only(
            "tracking_number",
            "kind",
            "public_summary",
            "public_answer",
            "status",
            "answered_at",
            "reporter_name",
            "category__name",
        )
        .order_by("-answered_at")[:LISTED]
    )
    count = totals["answered"]
    return {
        "month": month,
        "received": received.count(),
        "answered": count,
        "on_time": totals["on_time"],
        "on_time_share": round(totals["on_time"] / count * 100) if count else None,
        "median_days": _median_days(durations),
        "rating": totals["mean_rating"],
        "rated": totals["rated"],
        "by_category": by_category,
        "published": [
            {
                "number": report.tracking_number,
                "kind": report.get_kind_display(),
                "category": report.category.name if report.category else "",
                "subject": public_subject(report),
                "answer": public_answer_text(report),
                "answered_at": report.answered_at,
            }
            for report in published
        ],
    }
