"""The public catalogue (no sign-in): every public innovation with its problem, condition before
and after, stage, unit and agency, and who copied it; found by words, stage, agency (its whole
tree) and province; never an innovation staff kept among themselves, never the team's names."""

import pytest
from django.urls import reverse

from pantau.innovations import services

from .factories import institutionalised, make_innovation

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(unit_a, unit_b, officer_b):
    original = institutionalised(
        unit_a,
        is_public=True,
        team="Siti Aminah, Rahmat Hidayat",
        after="Satu kunjungan petugas ke rumah cukup.",
    )
    services.replicate_innovation(
        actor=officer_b, original=original, unit=unit_b, owner=officer_b, modification="Lewat RT."
    )
    hidden = make_innovation(unit_a, title="Kotak saran digital")
    return original, hidden


def _ids(response):
    return [item.pk for item in response.context["page"].object_list]


def test_the_catalogue_lists_public_innovations_with_their_copies(client, published):
    original, hidden = published
    response = client.get(reverse("public_innovations:catalogue"))
    assert response.status_code == 200
    assert _ids(response) == [original.pk]
    assert response.context["page"].object_list[0].replication_count == 1
    body = response.content.decode()
    assert "Jemput bola lansia" in body and "Kotak saran" not in body
    assert "Siti Aminah" not in body


def test_words_stage_agency_and_province_filter(client, published, agency_a, province_a):
    original, _hidden = published
    url = reverse("public_innovations:catalogue")
    assert _ids(client.get(url, {"q": "lansia loket"})) == [original.pk]
    assert _ids(client.get(url, {"q": "lansia helikopter"})) == []
    assert _ids(client.get(url, {"stage": "institutionalised"})) == [original.pk]
    assert _ids(client.get(url, {"stage": "idea"})) == []
    assert _ids(client.get(url, {"agency": province_a.slug})) == [original.pk]  # its tree
    assert _ids(client.get(url, {"agency": "kec-b"})) == []
    assert _ids(client.get(url, {"province": "Provinsi A"})) == [original.pk]
    assert _ids(client.get(url, {"province": "Provinsi B"})) == []
    choices = client.get(url).context
    assert {a.slug for a in choices["agencies"]} >= {agency_a.slug, province_a.slug}
    assert choices["provinces"] == ["Provinsi A"]


def test_an_innovations_page_shows_its_story_and_who_copied_it(client, published, unit_b):
    original, hidden = published
    copy = unit_b.innovations.get()
    page = client.get(reverse("public_innovations:innovation", args=[original.pk]))
    assert page.status_code == 200
    body = page.content.decode()
    assert "Satu kunjungan petugas" in body and "12/2025" in body
    assert "Siti Aminah" not in body
    assert (
        page.context["innovation"].public_replications,
        page.context["unshown_replications"],
    ) == (
        [],
        1,
    )
    copy.is_public = True
    copy.save()
    page = client.get(reverse("public_innovations:innovation", args=[original.pk]))
    assert [c.pk for c in page.context["innovation"].public_replications] == [copy.pk]
    copied = client.get(reverse("public_innovations:innovation", args=[copy.pk]))
    assert copied.context["original"] == original
    assert client.get(reverse("public_innovations:innovation", args=[hidden.pk])).status_code == 404


def test_the_home_page_links_to_the_catalogue(client):
    body = client.get(reverse("portal:home")).content.decode()
    assert reverse("public_innovations:catalogue") in body
