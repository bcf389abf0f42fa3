"""A report pasted at length is never cut by the browser and sent short: the text boxes carry no
maxlength, show a live count, and an over-long text is refused with the limit named while the
form keeps every character (issue 19: 20,000 characters pasted, 10,000 lost)."""

import re

from django.urls import reverse

from pantau.complaints.models import Complaint

from .test_views import _post


def test_the_boxes_have_a_count_and_no_maxlength(client, unit_a):
    page = client.get(reverse("complaints:new")).content.decode()
    box = re.search(r"<textarea[^>]*name=\"description\"[^>]*>", page).group(0)
    assert not re.search(r"\smaxlength=", box)
    assert 'data-maxlength="10000"' in box and "dari %(max)s karakter" in box
    assert "js/charcount.js" in page


def test_an_over_long_report_is_refused_and_kept_whole(client, unit_a):
    pasted = "Antrean tidak bergerak sejak pagi. " * 600  # 21,000 characters
    response = _post(client, unit_a, description=pasted)
    assert response.status_code == 200 and Complaint.objects.count() == 0
    body = response.content.decode()
    assert "10000" in body or "10.000" in body  # the limit is named
    assert response.context["form"]["description"].value() == pasted  # nothing lost


def test_a_report_at_the_limit_is_saved_whole(client, unit_a):
    text = "x" * 10000
    _post(client, unit_a, description=text)
    assert Complaint.objects.get().description == text
