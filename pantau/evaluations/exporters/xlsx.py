"""Workbooks: the evaluation of one lokus, and a round's ranking."""

from io import BytesIO

from django.utils.translation import gettext as _

from pantau.common.spreadsheet import Workbook

from ..models import Score
from ..report import LokusReport


def _save(workbook: Workbook) -> bytes:
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def export_lokus_xlsx(report: LokusReport) -> bytes:
    lokus = report.lokus
    workbook = Workbook(write_only=True)
    summary = workbook.create_sheet(_("Result")[:31])
    summary.append([_("Service unit"), lokus.unit.name])
    summary.append([_("Round"), lokus.round.name])
    summary.append([_("Instrument"), str(lokus.round.instrument)])
    summary.append(["IPP", float(lokus.ipp) if lokus.ipp is not None else None])
    summary.append([_("Category"), lokus.grade])
    summary.append([_("Label"), lokus.label])
    summary.append([_("Rank"), lokus.rank])
    if lokus.result and "method" in lokus.result:
        summary.append([_("Method"), lokus.result["method"]])
        summary.append([_("Evaluator share"), lokus.result["evaluator_share"]])
    aspects = workbook.create_sheet(_("Aspects")[:31])
    aspects.append([_("Aspect"), _("Weight"), "F-02", "F-03", _("Score"), _("Contribution")])
    for row in report.aspects:
        aspects.append(
            [str(row["aspect"] or row["code"]), row["weight"], row["evaluator"], row["citizen"],
             row["blended"], row["contribution"]]
        )  # fmt: skip
    indicators = workbook.create_sheet(_("Indicators")[:31])
    indicators.append(
        [_("Code"), _("Indicator"), _("Weight"), _("Claimed by the unit"), _("Evaluator"),
         _("Score"), _("Mode"), _("Note"), _("Final")]
    )  # fmt: skip
    for block in report.blocks:
        for line in block.rows:
            claimed = line.self_assessment.claimed_score if line.self_assessment else None
            scores: list[Score | None] = list(line.scores) or [None]
            for score in scores:
                indicators.append(
                    [
                        line.indicator.code,
                        line.indicator.name,
                        float(line.indicator.weight),
                        claimed,
                        score.evaluator.username if score else None,
                        score.score if score else None,
                        score.get_mode_display() if score else None,
                        score.note if score else None,
                        line.final,
                    ]
                )
    recommendations = workbook.create_sheet(_("Recommendations")[:31])
    recommendations.append(
        [_("Aspect"), _("Recommendation"), _("Status"), _("Action plan"), _("Progress")]
    )
    for rec in report.recommendations:
        recommendations.append(
            [str(rec.aspect), rec.text, rec.get_status_display(), rec.action_plan, rec.progress]
        )
    return _save(workbook)


def export_ranking_xlsx(round_, lokus_list) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Ranking")[:31])
    sheet.append([round_.name])
    sheet.append(
        [_("Rank"), _("Service unit"), _("Class of service"), "IPP", _("Category"), _("Label")]
    )
    for lokus in lokus_list:
        sheet.append(
            [lokus.rank, lokus.unit.name, lokus.get_service_class_display(),
             float(lokus.ipp), lokus.grade, lokus.label]
        )  # fmt: skip
    return _save(workbook)
