"""The monthly recap PDF prints every count as the page does, thousands separator included, and
embeds its fonts (issue 17)."""

import io
import re

from django.urls import reverse
from pypdf import PdfReader

from pantau.common.pdf import fonts_not_embedded
from pantau.complaints import selectors
from pantau.complaints.tests.conftest import report


def _cells(html: str) -> list[list[str]]:
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [
        [
            re.sub(r"<[^>]+>", "", cell).strip()
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)
        ]
        for row in re.findall(r"<tr>(.*?)</tr>", body)
    ]


def test_every_row_of_the_pdf_equals_the_page(client_for, officer_a, unit_a, monkeypatch):
    report(unit_a)
    real = selectors.monthly_recap

    def busier(unit, year):  # a unit of a big city: counts over a thousand
        data = real(unit, year)
        for row in data["rows"]:
            row["months"] = [n * 1234 + m for m, n in enumerate(row["months"])]
            row["total"] = sum(row["months"])
        return data

    monkeypatch.setattr(selectors, "monthly_recap", busier)
    client = client_for(officer_a)
    page = client.get(reverse("complaints:recap"), {"year": "2026"}).content.decode()
    pdf = client.get(reverse("complaints:recap"), {"year": "2026", "format": "pdf"}).content
    text = " ".join(sheet.extract_text() for sheet in PdfReader(io.BytesIO(pdf)).pages)
    flat = " ".join(text.split())
    rows = _cells(page)
    assert rows and any("." in cell for row in rows for cell in row[1:])  # "1.234"
    for label, *numbers in rows:
        assert " ".join([label, *numbers]) in flat, (label, numbers)
    assert "2026" in flat and "2.026" not in flat
    assert fonts_not_embedded(pdf) == set()
