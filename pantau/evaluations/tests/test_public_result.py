"""The report card on the public portal shows a unit's evaluation result once it is announced."""

from decimal import Decimal

from django.urls import reverse

from pantau.evaluations import selectors
from pantau.evaluations.models import Lokus, Round


def _result(lokus, status):
    Lokus.objects.filter(pk=lokus.pk).update(
        ipp=Decimal("3.50"), grade="B-", label="Baik (dengan catatan)", rank=1
    )
    Round.objects.filter(pk=lokus.round_id).update(status=status)


def test_result_is_hidden_while_the_round_is_still_scoring(client, lokus_a, unit_a):
    _result(lokus_a, Round.Status.SCORING)
    assert selectors.public_result(unit_a) is None
    page = client.get(reverse("portal:unit-report-card", args=[unit_a.slug])).content.decode()
    assert "3,50" not in page and "Belum ada hasil evaluasi yang diumumkan." in page


def test_announced_result_shows_ipp_grade_and_rank(client, lokus_a, unit_a):
    _result(lokus_a, Round.Status.RESULTS)
    result = selectors.public_result(unit_a)
    assert (result.ipp, result.grade, result.ranked) == (Decimal("3.50"), "B-", 1)
    page = client.get(reverse("portal:unit-report-card", args=[unit_a.slug])).content.decode()
    assert "IPP 3,50" in page and "B-" in page and lokus_a.round.name in page
