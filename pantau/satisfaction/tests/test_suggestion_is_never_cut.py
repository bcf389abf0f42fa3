"""The SKM suggestion box is never cut by the browser (issue 19: a suggestion was cut to 2,000
characters): it shows a count, and a longer one is refused with every character kept."""

import re

from django.urls import reverse

from pantau.surveys.models import Response

from .conftest import answers_post


def test_the_suggestion_box_counts_instead_of_cutting(client, period_a, service_a):
    url = reverse("survey:form", args=[period_a.collection.token])
    page = client.get(url).content.decode()
    box = re.search(r"<textarea[^>]*>", page).group(0)
    assert not re.search(r"\smaxlength=", box) and 'data-maxlength="2000"' in box
    data = answers_post(period_a, service=service_a)
    name = re.search(r'name="([^"]+)"', box).group(1)
    data[name] = "Tolong tambah kursi. " * 120  # 2,520 characters
    response = client.post(url, data)
    assert response.status_code == 200 and Response.objects.count() == 0
    assert response.context["form"][name].value() == data[name]
