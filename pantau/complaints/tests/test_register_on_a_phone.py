"""On a phone the register shows what a report is about first (issue 19: its title column was off
screen at 360 px): the subject, then the status and the unit; the number comes last."""

import re

from django.urls import reverse

from pantau.complaints.public_text import public_subject
from pantau.complaints.tests.conftest import report


def test_the_subject_is_the_first_column(client, unit_a):
    complaint, _code = report(unit_a, subject="Antrean panjang di loket")
    body = client.get(reverse("complaints:register")).content.decode()
    headers = re.findall(r'<th scope="col">([^<]+)</th>', body.split("<thead>", 1)[1])
    assert headers[:3] == ["Judul", "Status", "Unit"] and headers[-1] == "Nomor"
    first_cell = re.search(r'<tbody><tr><td><a href="([^"]+)">([^<]+)</a></td>', body)
    assert first_cell.group(2) == public_subject(complaint)  # the title as the public may read it
    assert first_cell.group(1) == reverse(
        "complaints:public-report", args=[complaint.tracking_number]
    )
