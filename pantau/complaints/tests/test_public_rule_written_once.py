"""Which reports the public may see is decided in one place, ``selectors.publicly_visible``
(issue 18): the register and Open311 (requests, updates, a token's submissions) all use it, and
no other module filters on the confidential flag by hand."""

import re
from pathlib import Path

from django.test import Client

from pantau.complaints.selectors import publicly_visible
from pantau.complaints.tests.conftest import report

PANTAU = Path(__file__).resolve().parents[2]
BY_HAND = re.compile(r"confidential=False|confidential__|complaint__confidential")


def test_no_module_filters_the_confidential_flag_by_hand():
    offenders = [
        str(path.relative_to(PANTAU))
        for path in PANTAU.rglob("*.py")
        if "tests" not in path.parts
        and "migrations" not in path.parts
        and BY_HAND.search(path.read_text())
    ]
    assert offenders == []
    assert str(publicly_visible("complaint__")) == "(AND: ('complaint__confidential', False))"


def test_a_confidential_report_is_neither_in_the_register_nor_in_open311(unit_a, db):
    shown, _code = report(unit_a, subject="Antrean panjang")
    hidden, _code = report(unit_a, subject="Rahasia", confidential=True)
    client = Client()
    register = client.get("/lapor/register/").content.decode()
    requests = client.get("/open311/v2/requests.json").content.decode()
    for body in (register, requests):
        assert shown.tracking_number in body and hidden.tracking_number not in body
