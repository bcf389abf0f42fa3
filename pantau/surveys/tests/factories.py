"""Questionnaires of the engine: an instrument, a version built from a small spec
(``pantau.surveys.specs``), and a collection answering it."""

import factory

from pantau.organisations.tests.factories import ServiceUnitFactory
from pantau.surveys.models import Collection, Instrument, InstrumentVersion
from pantau.surveys.specs import ItemSpec, SectionSpec, VersionSpec, build_version, scale

TWO_QUESTIONS = VersionSpec(
    sections=(
        SectionSpec(
            kind="scored",
            title="Pelayanan",
            title_en="Service",
            items=(
                ItemSpec(
                    key="ramah",
                    code="Q1",
                    text="Petugas ramah?",
                    options=scale(range(1, 5), ["1", "2", "3", "4"]),
                ),
                ItemSpec(
                    key="cepat",
                    code="Q2",
                    text="Layanan cepat?",
                    options=scale(range(1, 5), ["1", "2", "3", "4"]),
                ),
            ),
        ),
    )
)


class InstrumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Instrument

    code = factory.Sequence(lambda n: f"uji-{n}")
    name = factory.Sequence(lambda n: f"Kuesioner uji {n}")
    purpose = Instrument.Purpose.PERCEPTION


class VersionFactory(factory.Factory):
    """``VersionFactory(spec=…)``: a version built by ``build_version`` (two questions by default)."""

    class Meta:
        model = InstrumentVersion

    instrument = factory.SubFactory(InstrumentFactory)
    number = 1
    spec = TWO_QUESTIONS

    @classmethod
    def _create(cls, model_class, *args, instrument, number, spec):
        return build_version(instrument, number=number, spec=spec)


class CollectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Collection

    version = factory.SubFactory(VersionFactory)
    unit = factory.SubFactory(ServiceUnitFactory)
    status = Collection.Status.OPEN
