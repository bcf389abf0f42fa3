"""What the evaluation report of one lokus contains (shared by the PDF and XLSX exporters)."""

from dataclasses import dataclass

from . import selectors
from .models import Lokus


@dataclass
class LokusReport:
    lokus: Lokus
    blocks: list[selectors.AspectBlock]
    aspects: list[dict]
    recommendations: list
    previous: Lokus | None


def build_report(lokus: Lokus) -> LokusReport:
    return LokusReport(
        lokus=lokus,
        blocks=selectors.lokus_sheet(lokus),
        aspects=selectors.result_rows(lokus),
        recommendations=list(selectors.recommendations_of(lokus)),
        previous=selectors.previous_result(lokus),
    )
