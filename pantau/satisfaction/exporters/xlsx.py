"""The SKM workbook: results, elements, profile, and the raw data (one row per respondent)."""

from io import BytesIO

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from pantau.common.spreadsheet import Workbook, number_cell
from pantau.surveys.models import Answer, Item, ItemOption, Response

from ..models import SurveyPeriod
from ..report import ReportData


def _plan_rows(sheet, report: ReportData) -> None:
    """The follow-up plan (the register's actions on the period's elements) under the results."""
    sheet.append([])
    sheet.append([_("Follow-up plan")])
    sheet.append([_("Element"), _("Action"), _("Responsible"), _("Deadline"), _("Status")])
    for action in report.plan:
        sheet.append(
            [
                action.element.shown_label if action.element else action.element_key,
                action.plan_text,
                action.owner_label,
                action.due_on,
                str(action.get_status_display()),
            ]
        )
    if report.plan_summary.percent is not None:
        sheet.append(
            [
                _("Actions realised (%)"),
                number_cell(sheet, report.plan_summary.percent, 0),
            ]
        )


def export_xlsx(report: ReportData) -> bytes:
    """Long: a workbook written sheet by sheet in the order the page shows them; each sheet is a
    few lines of openpyxl."""
    period = report.period
    results = report.results
    workbook = Workbook(write_only=True)
    summary = workbook.create_sheet(_("Results")[:31])
    summary.append([_("Service unit"), period.unit.name])
    summary.append([_("Period"), period.label])
    summary.append([_("Respondents"), results.respondents])
    summary.append([_("Required sample (Krejcie & Morgan)"), results.required])
    if results.ikm:
        summary.append(["IKM (1–4)", number_cell(summary, results.ikm.ikm_4, 3)])
        summary.append(["IKM (25–100)", number_cell(summary, results.ikm.ikm, 2)])
        summary.append([_("Grade"), results.ikm.grade])
        summary.append([_("Performance"), results.ikm.performance])
        summary.append(
            [
                _("Element weight"),
                str(dict(SurveyPeriod.WeightMode.choices).get(results.ikm.weights, "")),
            ]
        )
        if results.margin_points is not None:
            summary.append(
                [
                    _("Margin of error at 95 % (points)"),
                    number_cell(summary, results.margin_points, 1),
                ]
            )
    _plan_rows(summary, report)
    elements = workbook.create_sheet(_("Elements")[:31])
    elements.append(
        [_("Code"), _("Element"), _("Answers"), _("Sum"), "NRR", _("Weighted NRR"), _("Rank")]
    )
    for row in results.elements:
        elements.append(
            [
                row.item.code,
                row.item.shown_label,
                row.answered,
                row.total,
                number_cell(elements, row.nrr, 3),
                number_cell(elements, row.weighted_nrr, 3),
                row.rank,
            ]
        )
    profile = workbook.create_sheet(_("Profile")[:31])
    for table in report.profile:
        profile.append([table.item.shown_label])
        for label, count in table.rows:
            profile.append([label, count])
        profile.append([])
    raw = workbook.create_sheet(_("Data")[:31])
    items = list(
        Item.objects.filter(version_id=period.collection.version_id)
        .select_related("section")
        .order_by("section__position", "position")
    )
    raw.append(
        [
            _("Number"),
            _("Submitted at (%(zone)s)") % {"zone": settings.TIME_ZONE},
            _("Source"),
            _("Service"),
        ]
        + [item.code if item.section.kind == "scored" else item.key for item in items]
    )
    position = {item.pk: index for index, item in enumerate(items)}
    # Words, not codes, for the answers that are choices (gender, education, occupation) and
    # the source; the scored elements stay numbers 1–4 for computing (issue 17).
    options = {
        (option.item_id, option.value): option.shown_label
        for option in ItemOption.objects.filter(
            item__in=[item for item in items if item.section.kind != "scored"]
        )
    }
    sources = dict(Response.Source.choices)
    current = None
    record: list | None = None
    answers = (
        Answer.objects.filter(collection_id=period.collection_id)
        .order_by("response_id")
        .values_list(
            "response_id",
            "response__number",
            "response__submitted_at",
            "response__source",
            "service__name",
            "item_id",
            "value_int",
            "value_text",
        )
    )
    for (
        response_id,
        number,
        submitted_at,
        source,
        service,
        item_id,
        value,
        text,
    ) in answers.iterator(chunk_size=5000):
        if response_id != current:
            if record is not None:
                raw.append(record)
            current = response_id
            record = [
                number,
                timezone.localtime(submitted_at).replace(tzinfo=None),
                str(sources.get(source, source)),
                service,
            ] + [None] * len(items)
        label = options.get((item_id, value)) if value is not None else None
        if label is not None:
            cell = f"{label}: {text}" if text else label
        else:
            cell = text if value is None else value  # type: ignore[assignment]  # a number stays a number
        record[4 + position[item_id]] = cell  # type: ignore[index]
    if record is not None:
        raw.append(record)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
