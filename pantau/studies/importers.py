"""Import a group's questionnaires from a CSV or XLSX file (answers collected on paper or
elsewhere).

One row per respondent and a header row. Columns named by the item codes of the group's form
(``SNS_1`` … for the scored statements, answer 1–5 as written on the paper, reverse-scored items
included, empty = not answered) and by the keys of the questions about the respondent
(``jenis-kelamin``, ``usia``, … with the option's number, optional). Other columns, such as
``group``, ``number`` or ``submitted_at`` of Pantau's own export, are ignored, so an export can be
read back. Every row is checked first; if any row is wrong nothing is imported and the report says
which rows and why.
"""

from pathlib import Path

from django.utils.translation import gettext as _

from pantau.common.readers import read_table
from pantau.common.tabular import TableError
from pantau.surveys.imports import ImportReport
from pantau.surveys.models import Item, Section
from pantau.surveys.services import ResponseRow

MAX_ROWS = 100_000


def _number(cell: str) -> int | None:
    text = cell.strip().replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return None
    return int(value) if value.is_integer() else None


def template_columns(version_id: int) -> tuple[list[str], list[str]]:
    """The header ``read_group_file`` reads for a group's form (the statements by their code,
    the questions about the respondent by their key) and an example row: the middle answer of
    each, which the officer overwrites."""
    columns: list[str] = []
    example: list[str] = []
    items = (
        Item.objects.filter(version_id=version_id)
        .select_related("section")
        .prefetch_related("options")
        .order_by("section__position", "position")
    )
    for item in items:
        values = sorted(option.value for option in item.options.all())
        if not values:
            continue  # free text is not imported
        columns.append(item.code if item.section.kind == Section.Kind.SCORED else item.key)
        example.append(str(values[len(values) // 2]))
    return columns, example


def read_group_file(path: Path, version_id: int) -> ImportReport:
    report = ImportReport()
    try:
        header, rows = read_table(path)
    except TableError as error:
        report.errors.append(str(error))
        return report
    items = list(
        Item.objects.filter(version_id=version_id)
        .select_related("section")
        .prefetch_related("options")
    )
    by_name = {}
    for item in items:
        name = item.code if item.section.kind == Section.Kind.SCORED else item.key
        by_name[name.lower()] = item
        if item.section.kind == Section.Kind.SCORED and item.reverse_scored:
            by_name.setdefault(f"{name}R".lower(), item)  # as the raw export names it (SNS_4R)
    columns: list[tuple[int, Item]] = []
    for index, name in enumerate(header):
        found = by_name.get(name.strip().lower())
        if found is not None:
            columns.append((index, found))
    scored = [item for item in items if item.section.kind == Section.Kind.SCORED]
    present = {item.pk for _index, item in columns}
    missing = [item.code for item in scored if item.pk not in present]
    if missing:
        report.errors.append(
            _("The file has no column for %(codes)s; name the columns by the item codes.")
            % {"codes": ", ".join(missing)}
        )
        return report
    for line, row in enumerate(rows, start=2):
        if line - 1 > MAX_ROWS:
            report.errors.append(_("The file has more than %(max)s rows.") % {"max": MAX_ROWS})
            break
        answers: list[tuple[Item, int | None, str]] = []
        for index, item in columns:
            cell = row[index].strip() if index < len(row) else ""
            if not cell:
                if item.required and item.section.kind == Section.Kind.SCORED:
                    report.errors.append(
                        _("Row %(row)s, %(column)s: the answer is missing.")
                        % {"row": line, "column": item.code}
                    )
                continue
            value = _number(cell)
            allowed = {option.value for option in item.options.all()}
            if value is None or value not in allowed:
                report.errors.append(
                    _("Row %(row)s, %(column)s: “%(value)s” is not one of the answers %(allowed)s.")
                    % {
                        "row": line,
                        "column": item.code
                        if item.section.kind == Section.Kind.SCORED
                        else item.key,
                        "value": cell[:30],
                        "allowed": ", ".join(str(v) for v in sorted(allowed)),
                    }
                )
                continue
            answers.append((item, value, ""))
        if answers:
            report.rows.append(ResponseRow(answers=answers))
    if not report.rows and not report.errors:
        report.errors.append(_("The file has no rows below the header."))
    return report
