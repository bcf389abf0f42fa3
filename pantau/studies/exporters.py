"""Exports of a study: the raw answers (CSV/XLSX, one row per respondent, ready for SPSS or
``pantau stats``) and every result table (XLSX, one sheet per table; CSV, the tables one after
another). Numbers are written unrounded, so a re-run elsewhere can be compared digit by digit."""

import io
import math

from django.utils import timezone
from django.utils.translation import gettext as _

from pantau.common.spreadsheet import Workbook, csv_writer

from .models import RespondentGroup
from .selectors import StudyResults, raw_rows, reversed_columns

RAW_FIXED = ["group", "unit", "number", "submitted_on", "submitted_at", "source"]


def _category(code) -> str:
    from .presenters import CATEGORY_LABELS

    return str(CATEGORY_LABELS.get(code, code or ""))


def _value(value):
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def raw_when(role, submitted_at, source) -> list:
    """The date for everyone; the time and the channel only for recipients: a unit has a few
    officers, and when and how one answered could tell which one it was (issue 15)."""
    local = timezone.localtime(submitted_at)
    if role == RespondentGroup.Role.PROVIDER:
        return [local.date().isoformat(), None, None]
    return [local.date().isoformat(), local.isoformat(), source]


def _role(role) -> str:
    """The group in words ("Penerima layanan"), as the page names it, not its code (issue 17)."""
    return str(RespondentGroup.Role(role).label)


def raw_table(study) -> tuple[list[str], list[list]]:
    columns, rows = raw_rows(study)
    body = [
        [role, unit, number, *raw_when(role, submitted_at, source)]
        + [answers.get(c) for c in columns]
        for role, unit, number, submitted_at, source, answers in rows
    ]
    return RAW_FIXED + columns, body


def _for_people(body: list[list]) -> list[list]:
    """The rows of the downloadable files: the group and the channel in words ("Penerima
    layanan", "Daring"), not their codes (issue 17). The API keeps the codes."""
    from pantau.surveys.models import Response

    sources = dict(Response.Source.choices)
    group, source = RAW_FIXED.index("group"), RAW_FIXED.index("source")
    return [
        [
            _role(value)
            if i == group
            else str(sources.get(value, value))
            if i == source and value
            else value
            for i, value in enumerate(row)
        ]
        for row in body
    ]


def marked_header(study, header: list[str]) -> list[str]:
    """The header of the CSV/XLSX files: a column the page turns round is named with an R
    (``SNS_4R``), as questionnaire data usually marks reverse-scored items; ``pantau stats`` and
    the study import read it so (issue 17). Values stay as answered."""
    turned = reversed_columns(study)
    return [f"{name}R" if name in turned else name for name in header]


def raw_csv(study) -> bytes:
    header, body = raw_table(study)
    header = marked_header(study, header)
    body = _for_people(body)
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writerow(header)
    writer.writerows([["" if v is None else v for v in row] for row in body])
    return buffer.getvalue().encode("utf-8")


def raw_xlsx(study) -> bytes:
    header, body = raw_table(study)
    header = marked_header(study, header)
    body = _for_people(body)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Answers")[:31])
    sheet.append(header)
    for row in body:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


ITEM_COLUMNS = [
    "item",
    "mean",
    "sd",
    "r_item_total",
    "r_corrected",
    "r_corrected_p",
    "alpha_if_deleted",
]


def _item_row(item: str, i: dict) -> list:
    return [
        item,
        i["mean"],
        i["sd"],
        i["r_item_total"],
        i["r_corrected"],
        i["r_corrected_p"],
        i["alpha_if_deleted"],
    ]


def result_tables(results: StudyResults) -> list[tuple[str, list[str], list[list]]]:
    """(title, header, rows) for every table of the results page, in its order."""
    tables: list[tuple[str, list[str], list[list]]] = []
    _descriptives(results, tables)
    _profile(results, tables)
    _dimensions(results, tables)
    _by_group(results, tables)
    _gaps(results, tables)
    _regression(results, tables)
    return tables


def _descriptives(results: StudyResults, tables: list) -> None:
    rows = []
    for role, descriptives in results.descriptives.items():
        for code, d in descriptives.items():
            rows.append(
                [_role(role), code, d.n, _value(d.mean), _value(d.sd), _category(d.category)]
                + [d.counts.get(v, 0) for v in range(1, 6)]
            )
    tables.append(
        (
            _("Item descriptives"),
            ["group", "item", "n", "mean", "sd", "category", "n_1", "n_2", "n_3", "n_4", "n_5"],
            rows,
        )
    )


def _profile(results: StudyResults, tables: list) -> None:
    tables.append(
        (
            _("Respondent profile"),
            ["group", "question", "answer", "value", "n", "percent"],
            [
                [
                    _role(role),
                    q["item"].key,
                    row["option"].label,
                    row["option"].value,
                    row["n"],
                    row["share"],
                ]
                for role, questions in results.profile.items()
                for q in questions
                for row in q["options"]
            ],
        )
    )


def _dimensions(results: StudyResults, tables: list) -> None:
    for title, analysis in (
        (_("NPS dimensions"), results.overall),
        (_("Service quality"), results.quality),
    ):
        dims = analysis.get("dimensions", {}) if analysis else {}
        tables.append(
            (
                title,
                ["dimension", "n", "mean", "sd", "alpha", "alpha_ci_low", "alpha_ci_high"],
                [
                    [code, d["n"], d["mean"], d["sd"], d["alpha"], *d["alpha_ci95"]]
                    for code, d in dims.items()
                ],
            )
        )
        tables.append(
            (
                title + " · " + _("items"),
                ITEM_COLUMNS,
                [
                    _item_row(item, i)
                    for d in dims.values()
                    for item, i in d["items_detail"].items()
                ],
            )
        )


def _by_group(results: StudyResults, tables: list) -> None:
    for role, analysis in results.by_group.items():
        tables.append(
            (
                _("NPS dimensions") + " · " + str(RespondentGroup.Role(role).label),
                [*ITEM_COLUMNS, "dimension_alpha"],
                [
                    [*_item_row(item, i), d["alpha"]]
                    for d in analysis["dimensions"].values()
                    for item, i in d["items_detail"].items()
                ],
            )
        )


def _gaps(results: StudyResults, tables: list) -> None:
    gap_rows = []
    for code, d in (results.overall or {}).get("dimensions", {}).items():
        gap = d.get("gap")
        if gap:
            gap_rows.append(
                [
                    code,
                    gap["mean_diff"],
                    gap["welch_t"],
                    gap["welch_df"],
                    gap["welch_p"],
                    gap["mwu_u"],
                    gap["mwu_p"],
                    gap["hedges_g"],
                    gap["rank_biserial"],
                ]
            )
    for row in results.item_gaps:
        w, u = row["welch"], row["mwu"]
        gap_rows.append(
            [row["code"], w.mean_diff, w.t, w.df, w.p, u.u, u.p, w.hedges_g, u.rank_biserial]
        )
    tables.append(
        (
            _("Gap (providers − recipients)"),
            [
                "dimension_or_item",
                "mean_diff",
                "welch_t",
                "welch_df",
                "welch_p",
                "mwu_u",
                "mwu_p",
                "hedges_g",
                "rank_biserial",
            ],
            [[_value(v) for v in row] for row in gap_rows],
        )
    )


def _regression(results: StudyResults, tables: list) -> None:
    fit = results.regression
    tables.append(
        (
            _("Regression of service quality (Y) on the NPS dimensions"),
            ["term", "b", "se", "t", "p", "vif"],
            [
                [
                    _("(constant)") if c.name == "const" else c.name,
                    c.b,
                    c.se,
                    _value(c.t),
                    _value(c.p),
                    _value(c.vif),
                ]
                for c in (fit.coefficients if fit else [])
            ]
            + (
                [
                    ["n", fit.n, None, None, None, None],
                    ["r2", fit.r2, None, None, None, None],
                    ["adj_r2", fit.adj_r2, None, None, None, None],
                    ["f", _value(fit.f), None, None, fit.f_p, None],
                ]
                if fit
                else []
            ),
        )
    )


def results_xlsx(results: StudyResults) -> bytes:
    workbook = Workbook(write_only=True)
    for number, (title, header, rows) in enumerate(result_tables(results), start=1):
        sheet = workbook.create_sheet(f"{number} {title}"[:31].replace("/", "-"))
        sheet.append(header)
        for row in rows:
            sheet.append([_value(v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def results_csv(results: StudyResults) -> bytes:
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    for title, header, rows in result_tables(results):
        writer.writerow([title])
        writer.writerow(header)
        writer.writerows([["" if _value(v) is None else v for v in row] for row in rows])
        writer.writerow([])
    return buffer.getvalue().encode("utf-8")


def _spss_name(name: str) -> str:
    """SPSS variable names: letters, digits and underscores, starting with a letter."""
    cleaned = "".join(c if c.isalnum() or c == "_" else "_" for c in name)
    return cleaned if cleaned[:1].isalpha() else f"v_{cleaned}"


def raw_sav(study) -> bytes:
    """The raw answers as an SPSS .sav file with variable labels (the statements) and value labels
    (the answer labels), so that the researcher can re-run the analysis in SPSS. The group is
    coded 1 = recipients, 2 = providers; reverse-scored items are as answered (recode in SPSS).

    Long: the SPSS file's variables, labels and values written in the order PSPP lists them."""
    import tempfile
    from pathlib import Path

    import pandas as pd
    import pyreadstat

    from pantau.surveys.models import Item, Section

    header, body = raw_table(study)
    items: dict[str, Item] = {}
    roles = [RespondentGroup.Role.RECIPIENT, RespondentGroup.Role.PROVIDER]
    groups = sorted(study.groups.select_related("collection"), key=lambda g: roles.index(g.role))
    for group in groups:  # Form A first: its statements label the paired items
        for item in (
            Item.objects.filter(version_id=group.collection.version_id)
            .select_related("section")
            .prefetch_related("options")
        ):
            name = item.code if item.section.kind == Section.Kind.SCORED else item.key
            items.setdefault(name, item)
    from django.conf import settings

    from pantau.surveys.models import Response

    # Each group's own statements: a paired item (SNS_1 in Form A and Form B) gets both.
    statements: dict[str, dict[str, str]] = {}
    for group in groups:
        for item in Item.objects.filter(version_id=group.collection.version_id).select_related(
            "section"
        ):
            name = item.code if item.section.kind == Section.Kind.SCORED else item.key
            statements.setdefault(name, {})[group.role] = item.text
    names = [_spss_name(h) for h in header]
    frame = pd.DataFrame(body, columns=names)
    frame["group"] = [roles.index(role) + 1 for role in frame["group"]]
    frame["submitted_on"] = pd.to_datetime(frame["submitted_on"])
    # Local time (the server's zone, named in the label), never UTC without a zone (issue 17).
    frame["submitted_at"] = (
        pd.to_datetime(frame["submitted_at"], utc=True)
        .dt.tz_convert(settings.TIME_ZONE)
        .dt.tz_localize(None)
    )
    sources = dict(Response.Source.choices)
    frame["source"] = [
        "" if pd.isna(value) else str(sources.get(value, value)) for value in frame["source"]
    ]
    labels: dict[str, str | None] = {
        "group": str(_("Respondent group")),
        "number": str(_("Receipt number")),
        "unit": str(_("Service unit")),
        "submitted_on": str(_("Date answered")),
        "submitted_at": str(_("Time answered (%(zone)s)") % {"zone": settings.TIME_ZONE}),
        "source": str(_("How it was answered (recipients only)")),
    }
    value_labels: dict[str, dict[int | float, str]] = {
        "group": {i + 1: str(role.label) for i, role in enumerate(roles)}
    }
    measure = {"group": "nominal", "source": "nominal"}
    formats = {"group": "F1.0", "submitted_on": "EDATE10", "submitted_at": "DATETIME20"}
    for column, name in zip(header, names, strict=True):
        if column not in items:
            continue
        item = items[column]
        frame[name] = pd.to_numeric(frame[name], errors="coerce")
        own = statements.get(column, {})
        if len(own) > 1 and len(set(own.values())) > 1:
            label = " | ".join(
                f"{RespondentGroup.Role(role).label}: {text}" for role, text in sorted(own.items())
            )
        else:
            label = item.text
        labels[name] = label[:250] + (f" ({_('reverse-scored')})" if item.reverse_scored else "")
        value_labels[name] = {o.value: o.label for o in item.options.all()}
        measure[name] = "ordinal" if item.section.kind == Section.Kind.SCORED else "nominal"
        whole = frame[name].dropna()
        if (whole == whole.round()).all():
            width = max(1, len(str(int(whole.abs().max())))) if len(whole) else 1
            formats[name] = f"F{width}.0"  # "4", not "4.00"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "study.sav"
        pyreadstat.write_sav(
            frame,
            str(path),
            file_label=study.title[:64],
            column_labels=labels,
            variable_value_labels=value_labels,
            variable_measure=measure,
            variable_format=formats,
        )
        return path.read_bytes()
