"""No year, id, code or count used as a value is ever written with a thousands separator
(issue 17: the recap's links carried year=2.021 and the server silently used this year).

A crawler follows every same-site link from the home pages, signed in as the administrator
(who may see every page) and as a visitor, in Indonesian and in English, over the demo data;
on each page it reads every link, form action and form value, and every year written beside the
word for year. It reads the CSV and XLSX downloads it finds, and the PDFs (their years, and
that every font is embedded)."""

import re
from collections import deque
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import Client

from pantau.common.demo import load_demo

# 2.021, 12,345 — not 0.111 (a weight mode's code) or 3,5 (a decimal).
SEPARATED = re.compile(r"(?<![\d.,])[1-9]\d{0,2}(?:[.,]\d{3})+(?![\d])")
ATTRIBUTE = re.compile(r'\b(?:href|action|value|src|data-[a-z-]+)="([^"]*)"')
YEAR_WORD = re.compile(
    r"\b(?:tahun|Tahun|year|Year|TW [IV]+|Triwulan [IV]+|Quarter [IV]+)\s+(\d[.,]\d{3})\b"
)
SKIP = ("/admin/", "/accounts/logout", "/static/", "/media/", "/api/", "/i18n/")
DOWNLOAD = re.compile(r"\.(pdf|xlsx|csv|sav|svg|json|xml)$|format=|/qr|/poster")
START = [
    "/",
    "/units/",
    "/lapor/register/",
    "/accounts/home/",
    "/manage/units/",
    "/manage/complaints/",
]
LIMIT = 220
FILE_LIMIT = 40  # CSV and XLSX downloads read per crawl


LOCALISED_CELL = re.compile(r"-?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?|-?[1-9]\d{0,2}(?:\.\d{3})+,\d+")
FILE = re.compile(r"(\.csv|\.xlsx|format=csv|format=xlsx)")
PDF = re.compile(r"(\.pdf$|format=pdf)")
PDF_LIMIT = 15  # PDFs read per crawl


def _check_pdf(client: Client, link: str, language: str) -> list[str]:
    """A PDF's text has no year written with a separator ("Tahun 2.026"), and every font it
    uses is embedded (issue 17)."""
    import io

    from pypdf import PdfReader

    from pantau.common.pdf import fonts_not_embedded

    response = client.get(link)
    if response.status_code != 200 or not response.content.startswith(b"%PDF"):
        return []
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    problems = [f"{language} {link}: year written {year!r}" for year in YEAR_WORD.findall(text)]
    missing = fonts_not_embedded(response.content)
    if missing:
        problems.append(f"{language} {link}: fonts not embedded {sorted(missing)}")
    return problems


def _file_cells(response) -> list[str]:
    """The text cells of a CSV or XLSX download (numbers stored as numbers are fine)."""
    import csv
    import io

    content = response.content
    if content[:2] == b"PK":
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(content), read_only=True)
        return [
            value
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if isinstance(value, str)
        ]
    text = content.decode("utf-8-sig", errors="replace")
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def _check_file(client: Client, link: str, language: str) -> list[str]:
    response = client.get(link)
    if response.status_code != 200:
        return []
    # In a file a dot is the decimal point ("3.275" is an NRR), so only what no machine-readable
    # number looks like is flagged: comma grouping ("2,026") or both marks ("1.234,5").
    return [
        f"{language} {link}: cell {cell!r}"
        for cell in _file_cells(response)
        if LOCALISED_CELL.fullmatch(cell.strip())
    ]


def _crawl(client: Client, language: str, seen: set[str]) -> list[str]:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    problems, queue, files, pdfs = [], deque(START), set(), set()
    while queue and len(seen) < LIMIT:
        path = queue.popleft()
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        for value in ATTRIBUTE.findall(html):
            if SEPARATED.search(value.replace("&amp;", "&")) and not value.startswith("http"):
                problems.append(f"{language} {path}: {value!r}")
            link = value.replace("&amp;", "&").split("#")[0]
            if value.startswith("/") and not value.startswith(SKIP) and not DOWNLOAD.search(value):
                if urlsplit(link).path and link not in seen:
                    queue.append(link)
            elif value.startswith("/") and FILE.search(link) and len(files) < FILE_LIMIT:
                if link not in files:
                    files.add(link)
                    seen.add(link)
                    problems += _check_file(client, link, language)
            elif value.startswith("/") and PDF.search(link) and len(pdfs) < PDF_LIMIT:
                if link not in pdfs:
                    pdfs.add(link)
                    seen.add(link)
                    problems += _check_pdf(client, link, language)
        for year in YEAR_WORD.findall(re.sub(r"<[^>]+>", " ", html)):
            problems.append(f"{language} {path}: year written {year!r}")
    return problems


@pytest.mark.django_db
def test_no_year_id_or_count_used_as_a_value_is_localised(django_user_model):
    load_demo(seed=2026, scale=0.05)
    admin = django_user_model.objects.get(username="admin")
    problems = []
    for language in ("id", "en"):
        staff, seen = Client(), set()
        staff.force_login(admin)
        problems += _crawl(staff, language, seen)
        # The crawl reaches the pages whose years went wrong, and more.
        assert "/manage/complaints/recap/" in seen and len(seen) >= 100, sorted(seen)[:20]
        assert any(FILE.search(link) for link in seen)  # and it read downloads too
        assert any(PDF.search(link) for link in seen)  # and PDFs
        problems += _crawl(Client(), language, set())
    assert problems == [], "\n".join(sorted(set(problems))[:40])
