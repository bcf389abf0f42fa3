"""The content of the SKM report (laporan hasil SKM), shared by the print page, the PDF and the XLSX.

Outline (agency practice, domain spec 1.7): I Pendahuluan; II Metodologi (period, method, sample,
processing with the interval table); III Hasil (respondent profile, per-element results, suggestions);
IV Kesimpulan dan saran (with the follow-up plan).
"""

from dataclasses import dataclass

from django.db.models import Count

from pantau.analytics.ikm import DEFAULT_BANDS
from pantau.surveys.models import Response

from . import selectors
from .models import SurveyPeriod


@dataclass
class ReportData:
    period: SurveyPeriod
    results: selectors.PeriodResults
    profile: list
    sources: list[tuple[str, int]]
    suggestions: list
    theme_counts: list
    plan: list
    plan_summary: selectors.FollowUpSummary
    bands: tuple

    @property
    def weakest(self):
        return [row for row in sorted(self.results.elements, key=lambda r: r.rank or 99)][:3]

    @property
    def strongest(self):
        return [row for row in sorted(self.results.elements, key=lambda r: -(r.rank or 0))][:3]


def build_report(period: SurveyPeriod) -> ReportData:
    suggestions, theme_counts = selectors.suggestions_with_themes(period, limit=30)
    labels = dict(Response.Source.choices)
    sources = [
        (str(labels.get(source, source)), n)
        for source, n in Response.objects.filter(collection_id=period.collection_id)
        .values_list("source")
        .annotate(n=Count("id"))
        .order_by("source")
    ]
    return ReportData(
        period=period,
        results=selectors.period_results(period),
        profile=selectors.respondent_profile(period),
        sources=sources,
        suggestions=suggestions,
        theme_counts=theme_counts,
        plan=selectors.follow_up_actions(period),
        plan_summary=selectors.follow_up_summary(period),
        bands=DEFAULT_BANDS,
    )
