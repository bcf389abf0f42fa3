from io import BytesIO

import pytest
from openpyxl import load_workbook

from pantau.evaluations.models import Lokus

from .conftest import SCORES, advance, score_all

pytestmark = pytest.mark.django_db


def _published(lokus, evaluator, **overrides):
    advance(lokus.round, evaluator, "open_self_assessment", "start_scoring")
    lokus = Lokus.objects.get(pk=lokus.pk)
    score_all(lokus, evaluator, **overrides)
    advance(lokus.round, evaluator, "start_verification", "publish_results")
    return Lokus.objects.get(pk=lokus.pk)


def test_unit_report_as_pdf_and_xlsx(client_for, lokus_a, evaluator_a, officer_a):
    lokus = _published(lokus_a, evaluator_a)
    base = f"/manage/evaluasi/{lokus.round_id}/lokus/{lokus.pk}/"
    client = client_for(officer_a)
    pdf = client.get(base + "laporan.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    book = load_workbook(BytesIO(client.get(base + "laporan.xlsx").content))
    summary = {row[0]: row[1] for row in book.worksheets[0].iter_rows(values_only=True)}
    assert summary["IPP"] == 3.5 and "B-" in summary.values()
    codes = [row[0] for row in book.worksheets[2].iter_rows(min_row=2, values_only=True)]
    assert len(codes) == 30
    # not an A: no certificate
    assert client.get(base + "piagam.pdf").status_code == 404


def test_certificate_for_grade_a(client_for, lokus_a, evaluator_a, officer_a):
    lokus = _published(lokus_a, evaluator_a, **{code: 5 for code in SCORES})
    assert lokus.grade == "A"
    response = client_for(officer_a).get(
        f"/manage/evaluasi/{lokus.round_id}/lokus/{lokus.pk}/piagam.pdf"
    )
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_reports_are_404_for_another_unit(client_for, lokus_a, evaluator_a, officer_b):
    lokus = _published(lokus_a, evaluator_a, **{code: 5 for code in SCORES})
    base = f"/manage/evaluasi/{lokus.round_id}/lokus/{lokus.pk}/"
    client = client_for(officer_b)
    for suffix in ("laporan.pdf", "laporan.xlsx", "piagam.pdf"):
        assert client.get(base + suffix).status_code == 404
    assert client.get(f"/manage/evaluasi/{lokus.round_id}/peringkat.xlsx").status_code == 404
    assert client.get(f"/manage/evaluasi/{lokus.round_id}/ringkasan.pdf").status_code == 404


def test_ranking_workbook_for_the_body(client_for, lokus_a, evaluator_a, officer_a):
    lokus = _published(lokus_a, evaluator_a)
    response = client_for(evaluator_a).get(f"/manage/evaluasi/{lokus.round_id}/peringkat.xlsx")
    rows = list(load_workbook(BytesIO(response.content)).worksheets[0].iter_rows(values_only=True))
    assert rows[2][:2] == (1, "Loket Dinas Sosial A") and rows[2][3] == 3.5
    summary = client_for(evaluator_a).get(f"/manage/evaluasi/{lokus.round_id}/ringkasan.pdf")
    assert summary.status_code == 200 and summary.content.startswith(b"%PDF")
    assert (
        client_for(officer_a).get(f"/manage/evaluasi/{lokus.round_id}/ringkasan.pdf").status_code
        == 404
    )
    # a unit officer sees its own result but not the round's ranking
    assert (
        client_for(officer_a).get(f"/manage/evaluasi/{lokus.round_id}/peringkat.xlsx").status_code
        == 404
    )


def test_result_page_compares_with_the_previous_round(client_for, evaluator_a, lokus_a, officer_a):
    from pantau.evaluations import services

    from .conftest import schedule

    lokus = _published(lokus_a, evaluator_a)
    earlier = services.create_round(
        actor=evaluator_a, body=lokus.round.body, name="PEKPPP 2024", year=2024,
        instrument=lokus.round.instrument, method="weighted", mode="external", **schedule(),
    )  # fmt: skip
    old = services.add_lokus(
        actor=evaluator_a, round_=earlier, unit=lokus.unit, service_class="goods",
        evaluators=[evaluator_a],
    )  # fmt: skip
    _published(old, evaluator_a, **{"1.a.Ak": 0})
    page = (
        client_for(officer_a)
        .get(f"/manage/evaluasi/{lokus.round_id}/lokus/{lokus.pk}/")
        .content.decode()
    )
    assert "PEKPPP 2024" in page
