"""Import SKM questionnaires from a CSV or XLSX file exported by another tool.

The file has one row per respondent and a header row (names are case-insensitive):

| column | content |
|---|---|
| `layanan` | the service's name as listed in the survey period (required) |
| `tanggal` | date of the answer, `YYYY-MM-DD` or `DD/MM/YYYY`, inside the period (optional) |
| `U1` … `U9` (and a unit's own elements by their code) | score 1–4; empty means not answered |
| `jenis_kelamin` | `L`/`P`, `Laki-laki`/`Perempuan` or 1/2 (optional) |
| `usia` | age in years, 15–100 (optional) |
| `pendidikan` | `SD`, `SMP`, `SMA`, `S1`, `S2`, `S3` or 1–6 (optional) |
| `pekerjaan` | `PNS`, `TNI`, `POLRI`, `Swasta`, `Wirausaha`, `Lainnya` or 1–6 (optional) |
| `pekerjaan_lainnya` | what "Lainnya" is (needed with `Lainnya`) |
| `saran` | suggestion, free text (optional) |

Every row is checked first; if any row is invalid nothing is imported and the report says which
rows and why.
"""

from datetime import date, datetime, time
from pathlib import Path

from django.utils import timezone
from django.utils.translation import gettext as _

from pantau.common.readers import read_table
from pantau.common.tabular import TableError
from pantau.surveys.imports import ImportReport
from pantau.surveys.models import Item, Section
from pantau.surveys.services import ResponseRow

from .instrument import AGE, EDUCATION, ELEMENT_KEYS, GENDER, OCCUPATION, SUGGESTION
from .models import SurveyPeriod

GENDER_WORDS = {
    "l": 1,
    "laki-laki": 1,
    "laki laki": 1,
    "pria": 1,
    "p": 2,
    "perempuan": 2,
    "wanita": 2,
}
MAX_ROWS = 100_000
SCORES = {"1": 1, "2": 2, "3": 3, "4": 4, "1.0": 1, "2.0": 2, "3.0": 3, "4.0": 4}


def _parse_date(text: str) -> date | None:
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return datetime.strptime(text, pattern).date()  # noqa: DTZ007 - a calendar date, no time
        except ValueError:
            continue
    return None


def _choice_value(item: Item, text: str) -> int | None:
    lowered = text.strip().lower()
    for option in item.options.all():
        if lowered in (str(option.value), option.label.lower(), option.label_en.lower()):
            return option.value
    return None


def template_columns(period: SurveyPeriod) -> tuple[list[str], list[str]]:
    """The header ``read_skm_file`` expects for this period (its questionnaire's elements, the
    unit's own included) and an example row, for the downloadable template."""
    codes = list(
        Item.objects.filter(
            version_id=period.collection.version_id, section__kind=Section.Kind.SCORED
        )
        .order_by("section__position", "position")
        .values_list("code", flat=True)
    )
    service = period.services.filter(is_active=True).order_by("name").first()
    columns = [
        "layanan",
        "tanggal",
        *codes,
        "jenis_kelamin",
        "usia",
        "pendidikan",
        "pekerjaan",
        "pekerjaan_lainnya",
        "saran",
    ]
    example = [
        service.name if service else "",
        period.starts_on.isoformat(),
        *["4" for _code in codes],
        "P",
        "35",
        "SMA",
        "Swasta",
        "",
        "",
    ]
    return columns, example


def read_skm_file(path: Path, *, period: SurveyPeriod, max_errors: int = 200) -> ImportReport:
    """Long: one pass over the rows that checks each column in the order of the documented table
    (module docstring), so that all of a row's problems are reported together."""
    report = ImportReport()
    try:
        header, rows = read_table(path)
    except TableError as error:
        report.errors.append(str(error))
        return report
    columns = {name.strip().lower(): index for index, name in enumerate(header) if name.strip()}
    items = list(
        Item.objects.filter(version_id=period.collection.version_id)
        .select_related("section")
        .prefetch_related("options")
    )
    scored = [item for item in items if item.section.kind == Section.Kind.SCORED]
    by_key = {item.key: item for item in items}
    services = {s.name.strip().lower(): s for s in period.services.all()}

    # The nine national elements are required columns; a unit's own elements may be left out.
    missing = [
        item.code
        for item in scored
        if item.key in ELEMENT_KEYS and item.code.lower() not in columns
    ]
    if "layanan" not in columns:
        missing.insert(0, "layanan")
    if missing:
        report.errors.append(
            _("The header lacks the column(s): %(columns)s.") % {"columns": ", ".join(missing)}
        )
        return report

    def cell(row: list[str], name: str) -> str:
        index = columns.get(name)
        return row[index].strip() if index is not None and index < len(row) else ""

    for line, row in enumerate(rows, start=2):
        if len(report.rows) >= MAX_ROWS:
            report.errors.append(
                _("The file has more than %(max)s rows; split it.") % {"max": MAX_ROWS}
            )
            break
        if not any(value.strip() for value in row):
            continue  # blank line
        problems: list[str] = []
        answers: list[tuple[Item, int | None, str]] = []
        service = services.get(cell(row, "layanan").lower())
        if service is None:
            problems.append(
                _("service “%(name)s” is not one of this survey's services")
                % {"name": cell(row, "layanan")}
            )
        filled = 0
        for item in scored:
            text = cell(row, item.code.lower())
            if not text:
                continue
            filled += 1
            if text in SCORES:
                answers.append((item, SCORES[text], ""))
            else:
                problems.append(
                    _("%(code)s is “%(value)s”, not a score from 1 to 4")
                    % {"code": item.code, "value": text}
                )
        if not filled:
            problems.append(_("no element is answered"))
        when = None
        if cell(row, "tanggal"):
            day = _parse_date(cell(row, "tanggal"))
            if day is None:
                problems.append(
                    _("the date “%(value)s” is not YYYY-MM-DD or DD/MM/YYYY")
                    % {"value": cell(row, "tanggal")}
                )
            elif not period.starts_on <= day <= period.ends_on:
                problems.append(
                    _("the date %(value)s is outside the survey period")
                    % {"value": cell(row, "tanggal")}
                )
            else:
                when = timezone.make_aware(datetime.combine(day, time(12, 0)))
        gender = cell(row, "jenis_kelamin")
        if gender and GENDER in by_key:
            value = GENDER_WORDS.get(gender.lower()) or _choice_value(by_key[GENDER], gender)
            if value is None:
                problems.append(_("jenis_kelamin “%(value)s” is not L or P") % {"value": gender})
            else:
                answers.append((by_key[GENDER], value, ""))
        age = cell(row, "usia")
        if age and AGE in by_key:
            if age.isdigit() and 15 <= int(age) <= 100:
                answers.append((by_key[AGE], int(age), ""))
            else:
                problems.append(_("usia “%(value)s” is not an age from 15 to 100") % {"value": age})
        for key in (EDUCATION, OCCUPATION):
            text = cell(row, key)
            if text and key in by_key:
                value = _choice_value(by_key[key], text)
                if value is None:
                    problems.append(
                        _("%(column)s “%(value)s” is not one of the listed answers")
                        % {"column": key, "value": text}
                    )
                    continue
                other = cell(row, f"{key}_lainnya") if value == by_key[key].other_value else ""
                if value == by_key[key].other_value and not other:
                    problems.append(
                        _("%(column)s is “Lainnya” but %(column)s_lainnya is empty")
                        % {"column": key}
                    )
                    continue
                answers.append((by_key[key], value, other))
        suggestion = cell(row, "saran")
        if suggestion and SUGGESTION in by_key:
            answers.append((by_key[SUGGESTION], None, suggestion[:2000]))
        if problems:
            if len(report.errors) < max_errors:
                report.errors.append(
                    _("Row %(line)s: %(problems)s.")
                    % {"line": line, "problems": "; ".join(problems)}
                )
            else:
                report.errors.append(_("... and more rows with errors."))
                break
            continue
        report.rows.append(ResponseRow(answers=answers, service=service, submitted_at=when))
    if not report.rows and not report.errors:
        report.errors.append(_("The file has no respondent rows below the header."))
    return report
