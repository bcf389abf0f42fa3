"""Every staff page of the register refuses a user of another unit with 404 and changes nothing;
the overview shows only the units a user reaches."""

import pytest
from django.urls import reverse

from pantau.innovations.models import Innovation

from .factories import make_innovation

pytestmark = pytest.mark.django_db


@pytest.fixture
def innovation_a(unit_a, officer_a, media):
    from decimal import Decimal

    from django.core.files.uploadedfile import SimpleUploadedFile

    from pantau.common.files import check_upload
    from pantau.innovations import services

    from .factories import PDF

    innovation = make_innovation(unit_a, actor=officer_a, is_public=False)
    upload = SimpleUploadedFile("bukti.pdf", PDF, content_type="application/pdf")
    checked = check_upload(
        upload,
        types=frozenset({"application/pdf"}),
        max_bytes=10_000,
        too_large="%(name)s",
        not_allowed="%(name)s",
    )
    services.attach_evidence(actor=officer_a, innovation=innovation, files=[checked])
    services.record_effect(
        actor=officer_a, innovation=innovation, metric_key="skm.ikm", before=Decimal(70), after=80
    )
    return innovation


def _pages(unit, innovation):
    one = [unit.slug, innovation.pk]
    return {
        "innovations:innovation-list": [unit.slug],
        "innovations:innovation-create": [unit.slug],
        "innovations:innovation-detail": one,
        "innovations:innovation-edit": one,
        "innovations:innovation-stage": one,
        "innovations:legal-basis": one,
        "innovations:legal-basis-file": one,
        "innovations:evidence-file": [*one, innovation.files.get().pk],
        "innovations:replicate": [innovation.pk],
    }


def _posts(unit, innovation):
    one = [unit.slug, innovation.pk]
    return {
        "innovations:innovation-create": ([unit.slug], {"title": "x"}),
        "innovations:innovation-edit": (one, {"title": "Diubah"}),
        "innovations:innovation-stage": (one, {"stage": "trial", "on": "2025-02-01"}),
        "innovations:legal-basis": (one, {"legal_basis_title": "Diubah"}),
        "innovations:evidence-upload": (one, {}),
        "innovations:effect-add": (one, {"metric_key": "skm.ikm", "before": "1", "after": "2"}),
        "innovations:effect-remove": ([*one, innovation.effects.get().pk], {}),
        "innovations:replicate": ([innovation.pk], {"unit": "1", "owner": "1"}),
    }


@pytest.mark.parametrize("user", ["officer_b", "unit_head_b"])
def test_a_user_of_another_unit_gets_404_everywhere(
    request, client_for, innovation_a, unit_a, user
):
    client = client_for(request.getfixturevalue(user))
    for name, args in _pages(unit_a, innovation_a).items():
        assert client.get(reverse(name, args=args)).status_code == 404, name
    for name, (args, body) in _posts(unit_a, innovation_a).items():
        assert client.post(reverse(name, args=args), body).status_code == 404, name
    innovation_a.refresh_from_db()
    assert (innovation_a.title, innovation_a.stage, innovation_a.effects.count()) == (
        "Jemput bola lansia",
        "idea",
        1,
    )
    assert Innovation.objects.count() == 1


def test_the_overview_shows_an_outsider_only_their_own_units(
    client_for, officer_b, unit_b, innovation_a
):
    own = make_innovation(unit_b, title="Layanan malam PTSP")
    page = client_for(officer_b).get(reverse("innovations:overview"))
    assert [i.pk for i in page.context["page"].object_list] == [own.pk]


def test_a_user_of_another_agency_copies_only_what_the_catalogue_shows(
    client_for, officer_b, unit_a, innovation_a
):
    client = client_for(officer_b)
    url = reverse("innovations:replicate", args=[innovation_a.pk])
    assert client.get(url).status_code == 404
    innovation_a.is_public = True
    innovation_a.save()
    assert client.get(url).status_code == 200
