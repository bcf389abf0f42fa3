"""A long questionnaire answered a page at a time, its progress kept on the server (issue 19: the
perception study's 36 statements made one 13,800 px page on a phone, and a lost connection lost
everything).

The items are cut into pages of whole sections (``split``). Each page sent is checked on its own
and its answers kept in the respondent's session (``Draft``), so a dropped connection or a closed
tab costs at most the page on screen: opening the link again on the same phone goes back to the
page reached, with every earlier answer in place. Only the last page submits, through the same
form and engine rules as a one-page questionnaire. A kiosk or an officer's assisted link starts
every visit afresh, because the next person on that device is someone else.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest, QueryDict

from .models import Item

if TYPE_CHECKING:
    from django import forms

SESSION_PREFIX = "pantau_draft:"
PAGE = "halaman"  # the query parameter and hidden field naming the page (1-based)
ACTION = "aksi"
NEXT, BACK, SEND = "lanjut", "kembali", "kirim"


def split(items: Sequence[Item], per_page: int) -> list[list[Item]]:
    """Pages of whole sections, each holding at most ``per_page`` items unless one section alone
    is longer. ``per_page`` 0 keeps everything on one page."""
    if per_page <= 0:
        return [list(items)]
    sections: list[list[Item]] = []
    for item in items:
        if not sections or sections[-1][0].section_id != item.section_id:
            sections.append([])
        sections[-1].append(item)
    pages: list[list[Item]] = []
    for section in sections:
        if pages and len(pages[-1]) + len(section) <= per_page:
            pages[-1].extend(section)
        else:
            pages.append(list(section))
    return pages


def first_page_with_errors(pages: Sequence[Sequence[Item]], form: forms.Form) -> int:
    """The first page (1-based) holding a field the whole form refused; the first page when the
    refused field is on none (a domain's own field, asked on the first page)."""
    for number, page in enumerate(pages, start=1):
        if any(name.split("__")[0] == item.key for item in page for name in form.errors):
            return number
    return 1


@dataclass(frozen=True)
class Progress:
    """What the page shows of where the respondent is: "Page 2 of 5"."""

    page: int
    count: int
    key: str  # names the answers kept on this phone until the page is sent (``draft.js``)

    @property
    def first(self) -> bool:
        return self.page == 1

    @property
    def last(self) -> bool:
        return self.page == self.count

    @property
    def percent(self) -> int:
        return round(100 * (self.page - 1) / self.count)


class Draft:
    """The answers of the pages sent so far, in the session, per questionnaire link."""

    def __init__(self, request: HttpRequest, token: str) -> None:
        self.session = request.session
        self.key = SESSION_PREFIX + token
        stored = self.session.get(self.key) or {}
        self.submission_token: str = stored.get("submission_token", "")
        self.values: dict[str, list[str]] = stored.get("values", {})
        self.reached: int = int(stored.get("reached", 1))

    @property
    def exists(self) -> bool:
        return bool(self.submission_token)

    def start(self, submission_token: str) -> None:
        self.submission_token = submission_token
        self.values = {}
        self.reached = 1
        self.save()

    def keep(self, data: QueryDict, names: Sequence[str], *, reached: int | None = None) -> None:
        """Keep what was sent for ``names`` (empty answers too, so that a cleared answer stays
        cleared) and, after a page that passed its checks, the furthest page reached."""
        for name in names:
            self.values[name] = [value for value in data.getlist(name) if value != ""]
        if reached is not None:
            self.reached = max(self.reached, reached)
        self.save()

    def initial(self) -> dict[str, str]:
        """The kept answers as a form's initial values, to show a page seen before."""
        return {name: values[0] for name, values in self.values.items() if values}

    def data(self, extra: QueryDict | None = None) -> QueryDict:
        """Every page's answers as one form submission, ``extra`` (the last page) on top."""
        merged = QueryDict(mutable=True)
        for name, values in self.values.items():
            merged.setlist(name, values)
        if extra is not None:
            for name in extra:
                merged.setlist(name, extra.getlist(name))
        merged["submission_token"] = self.submission_token
        return merged

    def save(self) -> None:
        self.session[self.key] = {
            "submission_token": self.submission_token,
            "values": self.values,
            "reached": self.reached,
        }

    def clear(self) -> None:
        self.session.pop(self.key, None)


def requested_page(request: HttpRequest, draft: Draft, count: int) -> int:
    """The page asked for (1-based), never beyond the furthest one reached: a respondent cannot
    skip the pages whose answers were not checked."""
    source: Any = request.POST if request.method == "POST" else request.GET
    try:
        page = int(source.get(PAGE) or (draft.reached if draft.exists else 1))
    except (TypeError, ValueError):
        page = 1
    return max(1, min(page, draft.reached, count))
