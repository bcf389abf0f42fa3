"""The columns of the annual documents, shared by the page's table, the PDF and the XLSX so the
three say the same: a column's heading and each row's value in it."""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from pantau.common.numbers import fmt, rounded

from ..annual import AnnualDocument, Row


@dataclass(frozen=True)
class Column:
    heading: str
    value: Callable[[Row], Any]  # a number, a date or text (the XLSX keeps numbers numbers)
    places: int | None = None  # decimals of a number column
    is_money: bool = False
    width: float = 1.0  # the column's share of the PDF page's width, relative to the others


def money(value: Decimal | float | None) -> str:
    whole = rounded(value, 0)
    if whole is None:
        return ""
    return "Rp " + number_format(whole, 0, use_l10n=True, force_grouping=True)


def day(value: Any) -> str:
    return "" if value is None else date_format(value, "j M Y")


def point_text(point: Any) -> str:
    return "" if point is None else f"{fmt(point.value, 2)} ({point.label})"


def yes_no(value: bool | None) -> str:
    if value is None:
        return ""
    return _("yes") if value else _("no")


def _improved(row: Row) -> str:
    if row.improved is None:
        return row.waiting if row.after is None else _("no change")
    return _("better") if row.improved else _("worse")


def plan_columns(document: AnnualDocument) -> list[Column]:
    columns = [
        Column(_("Service unit"), lambda row: row.unit.name, width=1.1),
        Column(_("Action"), lambda row: row.action.title, width=2.2),
        Column(_("Source"), lambda row: row.source, width=1.5),
        Column(_("Figure it should move"), lambda row: row.figure, width=1.5),
        Column(_("Owner"), lambda row: row.owner, width=1.0),
        Column(_("Due date"), lambda row: row.action.due_on, width=0.8),
        Column(_("Budget (Rp)"), lambda row: row.action.budget, 0, is_money=True, width=1.0),
        Column(_("Baseline"), lambda row: row.action.baseline, 2, width=0.6),
        Column(_("Target"), lambda row: row.action.target, 2, width=0.6),
    ]
    if document.is_plan:
        columns.append(Column(_("Status"), lambda row: row.status, width=0.7))
    return columns


def report_columns(document: AnnualDocument) -> list[Column]:
    return [
        Column(_("Service unit"), lambda row: row.unit.name, width=1.0),
        Column(_("Action"), lambda row: row.action.title, width=1.8),
        Column(_("Source"), lambda row: row.source, width=1.2),
        Column(_("Owner"), lambda row: row.owner, width=0.9),
        Column(_("Due date"), lambda row: row.action.due_on, width=0.8),
        Column(_("Status"), lambda row: row.status, width=0.7),
        Column(_("Completed on"), lambda row: row.action.completed_on, width=0.8),
        Column(_("Done on time"), lambda row: yes_no(row.on_time), width=0.5),
        Column(
            _("What was done"),
            lambda row: row.action.evidence_note or row.action.drop_reason,
            width=1.8,
        ),
        Column(_("Evidence files"), lambda row: row.files, 0, width=0.5),
        Column(_("Figure it should move"), lambda row: row.figure, width=1.2),
        Column(_("Target"), lambda row: row.action.target, 2, width=0.6),
        Column(_("Before"), lambda row: point_text(row.before), width=1.0),
        Column(_("After"), lambda row: point_text(row.after), width=1.0),
        Column(_("Change"), _improved),
    ]


def columns(document: AnnualDocument) -> list[Column]:
    return plan_columns(document) if document.is_plan else report_columns(document)


def as_text(column: Column, row: Row) -> str:
    """A cell as the page and the PDF show it."""
    value = column.value(row)
    if value is None:
        return ""
    if column.places is not None and isinstance(value, Decimal | int | float):
        return money(value) if column.is_money else fmt(value, column.places)
    if hasattr(value, "isoformat"):
        return day(value)
    return str(value)


def summary(document: AnnualDocument) -> list[tuple[str, str]]:
    """The document's figures in words: how many actions, done, on time, carried over."""
    totals = document.totals
    lines = [
        (_("Actions due in %(year)s") % {"year": document.year}, str(totals.total)),
        (_("Budget set aside"), money(totals.budget) or "—"),
    ]
    if document.is_plan:
        lines.append(
            (_("Carried over from earlier years, still open"), str(len(document.carried_in)))
        )
        return lines
    share = totals.done_share
    on_time = totals.on_time_share
    lines += [
        (_("Done"), f"{totals.done}" + (f" ({fmt(share, 1)} %)" if share is not None else "")),
        (
            _("Done by the due date"),
            f"{totals.done_on_time}" + (f" ({fmt(on_time, 1)} %)" if on_time is not None else ""),
        ),
        (_("Done late"), str(totals.done_late)),
        (_("In progress"), str(totals.in_progress)),
        (_("Not started"), str(totals.planned)),
        (_("Dropped"), str(totals.dropped)),
        (
            _("Carried over to %(year)s") % {"year": document.next_year},
            str(totals.open),
        ),
    ]
    return lines
