"""KPIs made as a unit head or an agency head makes them: through ``pantau.kpis.services``."""

import hashlib
import uuid
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from pantau.common.files import CheckedUpload
from pantau.kpis import periods, services
from pantau.kpis.services import Definition

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf_upload(name: str = "daftar-penerima.pdf") -> CheckedUpload:
    upload = SimpleUploadedFile(name, PDF, content_type="application/pdf")
    return CheckedUpload(upload, "application/pdf", hashlib.sha256(PDF).hexdigest())


def make_indicator(actor, *, unit=None, agency=None, **fields):
    """``make_indicator(unit_head_a, unit=unit_a, metric="skm.ikm")``: a custom quarterly KPI
    named "Penerima bantuan tersalurkan" unless told otherwise."""
    values = {"name": "Penerima bantuan tersalurkan", "unit_of_measure": "orang"}
    values.update(fields)
    return services.define_indicator(
        actor=actor, unit=unit, agency=agency, definition=Definition(**values)
    )


def make_target(actor, indicator, start_key, end_key, value, **extra):
    start = periods.from_key(indicator.frequency, start_key)
    end = periods.from_key(indicator.frequency, end_key)
    return services.set_target(
        actor=actor,
        indicator=indicator,
        starts_on=start.starts_on,
        ends_on=end.ends_on,
        value=Decimal(str(value)),
        **extra,
    )


def make_measurement(actor, indicator, unit, key, value, *, evidence=None, note="Rekap bulanan"):
    return services.record_measurement(
        actor=actor,
        indicator=indicator,
        unit=unit,
        period=periods.from_key(indicator.frequency, key),
        value=Decimal(str(value)),
        evidence_note=note,
        evidence=evidence,
    )


def published_skm(unit, head, *, year, number, kind="quarter", scores=((3,) * 9,)):
    """A published SKM period of the unit whose answers are ``scores`` (one tuple of nine per
    respondent), published with a reason since the sample is small."""
    from pantau.organisations.tests.factories import ServiceFactory
    from pantau.satisfaction import services as skm
    from pantau.satisfaction.instrument import ELEMENT_KEYS
    from pantau.surveys.models import Item
    from pantau.surveys.services import submit_response

    service = ServiceFactory(unit=unit)
    period = skm.create_period(
        actor=head,
        unit=unit,
        kind=kind,
        year=year,
        number=number,
        population=50,
        services=[service],
    )
    skm.change_period_status(actor=head, period=period, action="open")
    items = {i.key: i for i in Item.objects.filter(version=period.collection.version)}
    for answer in scores:
        submit_response(
            collection=period.collection,
            answers=[(items[k], s, "") for k, s in zip(ELEMENT_KEYS, answer, strict=True)],
            submission_token=uuid.uuid4(),
            source="web",
            service=service,
        )
    return skm.publish_period(actor=head, period=period, media=["website"], reason="Uji coba")
