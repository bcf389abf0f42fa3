"""A card as a document: headings, facts, tables and lists in words, built once from the stored
figures. The screen (and its print version) and the PDF both render this, so they say the
same thing (issue 21 item 4)."""

from dataclasses import dataclass, field
from datetime import date

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from pantau.common.numbers import fmt

from .models import ReportCard
from .selectors import comparison_rows


@dataclass
class Table:
    caption: str
    head: list[str]
    rows: list[list[str]]
    numeric: set[int] = field(default_factory=set)  # columns aligned right


@dataclass
class Section:
    key: str
    title: str
    intro: str = ""
    facts: list[tuple[str, str]] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    note: str = ""


@dataclass
class Document:
    title: str
    unit: str
    agency: str
    status_line: str
    message: str
    sections: list[Section]


def _num(value: object, places: int) -> str:
    return fmt(value, places)


def _day(iso: str | None) -> str:
    return date_format(date.fromisoformat(iso), "j F Y") if iso else "—"


def _said(figures: dict) -> Section:
    section = Section("said", _("What citizens said"))
    skm = figures.get("skm")
    if skm is None or skm.get("ikm") is None:
        section.intro = _("The unit published no satisfaction survey (SKM) result for this year.")
    else:
        section.facts += [
            (
                _("Satisfaction index (IKM)"),
                _("%(ikm)s · grade %(grade)s (%(performance)s), %(period)s")
                % {
                    "ikm": _num(skm["ikm"], 2),
                    "grade": skm["grade"],
                    "performance": skm["performance"],
                    "period": skm["from_period"],
                },
            ),
            (_("Respondents"), str(skm["respondents"])),
        ]
        if skm["weakest"]:
            section.tables.append(
                Table(
                    caption=_("Weakest elements (lowest NRR first, out of 4)"),
                    head=[_("Element"), "NRR"],
                    rows=[
                        [f"{row['code']} {row['label']}", _num(row["nrr"], 2)]
                        for row in skm["weakest"]
                    ],
                    numeric={1},
                )
            )
        if skm["periods"]:
            section.tables.append(
                Table(
                    caption=_("Satisfaction survey results published for the year"),
                    head=[_("Period"), "IKM", _("Grade"), _("Respondents"), _("Published on")],
                    rows=[
                        [
                            row["label"],
                            _num(row["ikm"], 2),
                            row["grade"],
                            _("%(n)s of %(required)s")
                            % {"n": row["respondents"], "required": row["required"]},
                            _day(row["published_on"]),
                        ]
                        for row in skm["periods"]
                    ],
                    numeric={1},
                )
            )
    complaints = figures["complaints"]
    section.facts += [
        (_("Complaints received"), str(complaints["received"])),
        (_("Complaints answered"), str(complaints["answered"])),
        (
            _("Answered within the deadline"),
            "—"
            if complaints["on_time_share"] is None
            else f"{_num(complaints['on_time_share'], 1)} %",
        ),
        (
            _("Median days to answer"),
            "—"
            if complaints["median_days"] is None
            else _("%(days)s days") % {"days": _num(complaints["median_days"], 1)},
        ),
        (
            _("Reporters' rating of the follow-up (1–5)"),
            _num(complaints["rating"], 2),
        ),
    ]
    return section


def _found(figures: dict, available: bool) -> Section:
    section = Section("found", _("What observers found"))
    observations = figures.get("observations")
    if not observations:
        section.intro = (
            _("No mystery-shopping visit was recorded for the unit in this year.")
            if available
            else _("Mystery shopping is not recorded in this installation yet.")
        )
        return section
    section.facts.append((_("Visits"), str(observations["visits"])))
    for checklist in observations["checklists"]:
        table = Table(
            caption=_("%(label)s: %(visits)s visits, latest on %(day)s")
            % {
                "label": checklist["label"],
                "visits": checklist["visits"],
                "day": _day(checklist["latest_on"]),
            },
            head=[_("Figure"), _("Score (0–100)")],
            rows=[
                [_("Latest visit"), _num(checklist["latest_score"], 1)],
                [_("Mean of the year's visits"), _num(checklist["average_score"], 1)],
            ],
            numeric={1},
        )
        section.tables.append(table)
        section.items += [
            _(
                "%(label)s, failed at the latest visit: %(code)s %(text)s (%(times)s times in the year)"
            )
            % {
                "label": checklist["label"],
                "code": item["code"],
                "text": item["text"],
                "times": item["times_failed"],
            }
            for item in checklist["failed"]
        ]
    return section


def _promised(figures: dict) -> Section:
    standards = figures["standards"]
    section = Section("promised", _("What the unit promised"))
    section.facts += [
        (_("Services"), str(standards["services"])),
        (
            _("Services with a standard in force"),
            "—"
            if standards["in_force_share"] is None
            else f"{_num(standards['in_force_share'], 1)} %",
        ),
        (
            _("Standards reviewed on time"),
            "—"
            if standards["reviewed_share"] is None
            else f"{_num(standards['reviewed_share'], 1)} %",
        ),
    ]
    maklumat = standards.get("maklumat")
    if maklumat is None:
        section.note = _("The unit had no published service pledge (Maklumat Pelayanan).")
    else:
        section.facts.append(
            (
                _("Service pledge (Maklumat Pelayanan)"),
                _("set on %(day)s by the %(title)s")
                % {"day": _day(maklumat["set_on"]), "title": maklumat["signatory_title"]},
            )
        )
        section.items += [maklumat["promise"], maklumat["improvement"], maklumat["sanction"]]
    return section


def _did(figures: dict) -> Section:
    actions = figures["actions"]
    section = Section("did", _("What the unit did"))
    section.facts += [
        (_("Improvement actions done in the year"), str(actions["done"])),
        (
            _("Done by their due date"),
            "—"
            if actions["done_on_time_share"] is None
            else f"{_num(actions['done_on_time_share'], 1)} %",
        ),
        (_("Overdue"), str(actions["overdue"])),
        (_("Still open"), str(actions["open"])),
    ]
    for highlight in actions["highlights"]:
        text = _("%(title)s (%(source)s), done on %(day)s") % {
            "title": highlight["title"],
            "source": highlight["source"],
            "day": _day(highlight["completed_on"]),
        }
        figure = highlight.get("figure")
        if figure and figure.get("after") is not None:
            text += " · " + _(
                "%(name)s: %(before)s (%(before_label)s) → %(after)s (%(after_label)s)"
            ) % {
                "name": figure["name"],
                "before": _num(figure["before"], 2),
                "before_label": figure["before_label"],
                "after": _num(figure["after"], 2),
                "after_label": figure["after_label"],
            }
        section.items.append(text)
    if actions["highlights"]:
        section.intro = _("You said, we did:")
    return section


def _peers(card: ReportCard) -> Section:
    peers = card.figures["peers"]
    section = Section("peers", _("Compared with peers"))
    count = len(peers["units"])
    if not count:
        section.intro = _("No other unit of the same kind to compare with (%(group)s).") % {
            "group": peers["group"]
        }
        return section
    section.intro = ngettext(
        "Compared with %(count)s other unit (%(group)s): %(names)s.",
        "Compared with %(count)s other units (%(group)s): %(names)s.",
        count,
    ) % {"count": count, "group": peers["group"], "names": ", ".join(peers["units"])}
    rows = []
    for row in comparison_rows(card):
        places = 2 if row.key in ("ikm", "rating") else 1
        rank = (
            "—" if row.rank is None else _("%(rank)s of %(of)s") % {"rank": row.rank, "of": row.of}
        )
        rows.append([row.label, _num(row.value, places), _num(row.median, places), rank])
    section.tables.append(
        Table(
            caption=_("The unit's figures beside the median of the group (rank 1 is the best)"),
            head=[_("Figure"), _("This unit"), _("Median"), _("Rank")],
            rows=rows,
            numeric={1, 2},
        )
    )
    section.note = _("Fewer days to answer is better; for every other figure, higher is better.")
    return section


def build(card: ReportCard, *, observations_available: bool) -> Document:
    figures = card.figures
    if card.is_published and card.published_at is not None:
        status = _("Published on %(day)s; figures as computed on %(computed)s.") % {
            "day": date_format(localtime(card.published_at), "j F Y"),
            "computed": date_format(localtime(card.computed_at), "j F Y"),
        }
    else:
        status = _("Draft, not published; figures as computed on %(computed)s.") % {
            "computed": date_format(localtime(card.computed_at), "j F Y H:i")
        }
    return Document(
        title=_("Report card %(year)s") % {"year": card.year},
        unit=figures["unit"]["name"],
        agency=figures["unit"]["agency"],
        status_line=status,
        message=card.message,
        sections=[
            _said(figures),
            _found(figures, observations_available),
            _promised(figures),
            _did(figures),
            _peers(card),
        ],
    )
