"""Requests of data subjects and breaches, as the data protection officer records them."""

import factory
from django.utils import timezone

from pantau.privacy.models import Breach, SubjectRequest


class SubjectRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SubjectRequest

    kind = SubjectRequest.Kind.ACCESS
    name = "Budi Santoso"
    email = "budi@example.id"
    received_at = factory.LazyFunction(timezone.now)


class BreachFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Breach

    detected_at = factory.LazyFunction(timezone.now)
    description = "Laptop petugas hilang."
    data_affected = "Nama dan nomor telepon pelapor."
    subjects = 12
