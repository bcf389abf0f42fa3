"""One-time links for officers to answer Form B without signing in."""

from django.urls import reverse

from pantau.studies import services
from pantau.studies.models import ProviderInvitation, ProviderParticipation, RespondentGroup
from pantau.surveys.models import Response
from pantau.surveys.selectors import version_items

from .conftest import form_post, group

PROVIDER = RespondentGroup.Role.PROVIDER


def test_head_makes_one_link_per_officer_of_the_unit(unit_head_a, officer_a, officer_b, study_a):
    created = services.invite_providers(actor=unit_head_a, study=study_a)
    assert {i.user for i in created} == {unit_head_a, officer_a}
    assert services.invite_providers(actor=unit_head_a, study=study_a) == []


def test_officer_answers_once_through_the_link_without_signing_in(
    client, unit_head_a, officer_a, study_a
):
    services.invite_providers(actor=unit_head_a, study=study_a)
    invitation = ProviderInvitation.objects.get(user=officer_a)
    g = group(study_a, PROVIDER)
    url = reverse("study:invited", args=[invitation.token])
    assert client.get(url).status_code == 200
    response = client.post(url, form_post(version_items(g.collection.version), 5))
    assert response.status_code == 200
    saved = Response.objects.get(collection=g.collection)
    assert saved.entered_by is None
    invitation.refresh_from_db()
    assert invitation.used_at is not None
    assert ProviderParticipation.objects.filter(group=g, user=officer_a).exists()
    again = client.post(url, form_post(version_items(g.collection.version), 1))
    assert "studies/public/invitation_used.html" in [t.name for t in again.templates]
    assert Response.objects.filter(collection=g.collection).count() == 1


def test_link_of_an_officer_who_answered_signed_in_saves_nothing(
    client, client_for, unit_head_a, officer_a, study_a
):
    services.invite_providers(actor=unit_head_a, study=study_a)
    g = group(study_a, PROVIDER)
    client_for(officer_a).post(
        reverse("studies:provider-answer", args=[study_a.pk]),
        form_post(version_items(g.collection.version)),
    )
    token = ProviderInvitation.objects.get(user=officer_a).token
    response = client.post(
        reverse("study:invited", args=[token]), form_post(version_items(g.collection.version))
    )
    assert response.status_code == 409
    assert Response.objects.filter(collection=g.collection).count() == 1


def test_unknown_link_is_404(client, study_a):
    assert client.get(reverse("study:invited", args=["nope"])).status_code == 404


def test_only_the_unit_head_sees_the_links_not_officers_or_heads_of_other_units(
    client_for, officer_a, unit_head_b, unit_head_a, study_a
):
    url = reverse("studies:invitations", args=[study_a.pk])
    assert client_for(officer_a).get(url).status_code == 404
    assert client_for(unit_head_b).get(url).status_code == 404
    assert client_for(unit_head_a).post(url).status_code == 302
    assert ProviderInvitation.objects.count() == 2
