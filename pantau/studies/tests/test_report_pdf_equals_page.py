"""The study report PDF prints the results page's figures, figure by figure, rounded as the page
rounds them, and embeds its fonts (issue 17)."""

import io

from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from pantau.common.numbers import fmt
from pantau.common.pdf import fonts_not_embedded
from pantau.studies import presenters, selectors

from .conftest import fill


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


def test_each_dimension_figure_of_the_pdf_is_on_the_page(client_for, unit_head_a, study_a):
    fill(study_a, recipients=30, providers=12)
    client = client_for(unit_head_a)
    page = client.get(reverse("studies:study-results", args=[study_a.pk])).content.decode()
    pdf = client.get(reverse("studies:report-pdf", args=[study_a.pk])).content
    text = _text(pdf)
    rows = presenters.dimension_rows(selectors.study_results(study_a))
    assert len(rows) >= 3
    checked = 0
    with translation.override("id"):
        for row in rows:
            for group in row["groups"]:
                for figure in (
                    fmt(group["mean"], 2),
                    fmt(group["sd"], 2),
                    fmt(group["alpha"], 3),
                ):
                    assert figure in page and figure in text, (row["code"], figure)
                    checked += 1
            gap = row["gap"]
            for figure in (
                fmt(gap["mean_diff"], 2),
                fmt(gap["welch_p"], 3),
                fmt(gap["hedges_g"], 2),
            ):
                assert figure in page and figure in text, (row["code"], figure)
                checked += 1
            # The page's cell "mean (SD)" is printed whole in the PDF.
            first = row["groups"][0]
            assert f"{fmt(first['mean'], 2)} ({fmt(first['sd'], 2)})" in text
    assert checked >= 30
    assert fonts_not_embedded(pdf) == set()
