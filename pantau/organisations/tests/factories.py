from datetime import time

import factory

from pantau.organisations import search_index
from pantau.organisations.models import Agency, ContactChannel, OpeningHours, Service, ServiceUnit


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    name = factory.Sequence(lambda n: f"Dinas Contoh {n}")
    slug = factory.Sequence(lambda n: f"dinas-contoh-{n}")
    kind = Agency.Kind.REGIONAL_OFFICE


class ServiceUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceUnit
        skip_postgeneration_save = True

    agency = factory.SubFactory(AgencyFactory)
    name = factory.Sequence(lambda n: f"Unit Layanan {n}")
    slug = factory.Sequence(lambda n: f"unit-layanan-{n}")
    address = "Jl. Merdeka No. 1"
    city = "Kota Contoh"
    province = "Provinsi Contoh"

    @factory.post_generation
    def search_document(obj, create, extracted, **kwargs):
        """The directory's search document, as the services that create units would keep it."""
        if create:
            search_index.refresh_units([obj.pk])


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service
        skip_postgeneration_save = True

    unit = factory.SubFactory(ServiceUnitFactory)
    name = factory.Sequence(lambda n: f"Layanan {n}")
    slug = factory.Sequence(lambda n: f"layanan-{n}")

    @factory.post_generation
    def unit_search_document(obj, create, extracted, **kwargs):
        """The unit's search document holds its active services' names (create_service)."""
        if create:
            search_index.refresh_units([obj.unit_id])


class OpeningHoursFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OpeningHours

    unit = factory.SubFactory(ServiceUnitFactory)
    weekday = 1
    opens = time(8, 0)
    closes = time(16, 0)


class ContactChannelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactChannel

    unit = factory.SubFactory(ServiceUnitFactory)
    kind = ContactChannel.Kind.PHONE
    value = "021 555 0101"
