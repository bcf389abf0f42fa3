"""Reports made as a citizen makes them: through ``services.submit_complaint``."""

import uuid

import factory

from pantau.complaints import services
from pantau.complaints.models import Category, Complaint
from pantau.organisations.tests.factories import ServiceUnitFactory


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    code = factory.Sequence(lambda n: f"kategori-{n}")
    name = factory.Sequence(lambda n: f"Kategori {n}")


class ComplaintFactory(factory.Factory):
    """``ComplaintFactory(unit=unit_a, subject=…)``; the access code is on ``complaint.code``."""

    class Meta:
        model = Complaint

    kind = Complaint.Kind.COMPLAINT
    unit = factory.SubFactory(ServiceUnitFactory)
    subject = "Antrean panjang"
    description = "Tiga jam menunggu."
    reporter_name = "Budi"
    reporter_email = "budi@example.id"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        complaint, code, _created = services.submit_complaint(
            data=kwargs, files=[], submission_token=uuid.uuid4()
        )
        complaint.code = code
        return complaint
