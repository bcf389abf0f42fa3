import hashlib
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from pantau.organisations.tests.factories import ContactChannelFactory, ServiceFactory
from pantau.standards import services
from pantau.standards.models import Forum

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

CONTENT = {
    "time_limit_value": 3,
    "time_limit_unit": "working_days",
    "time_limit_note": "",
    "fee_is_free": True,
    "fee_amount": None,
    "fee_legal_basis": "",
    "fee_note": "",
    "product": "Surat rekomendasi PBI-JKN",
    "complaint_handling": "Pengaduan diterima di loket pengaduan dan dijawab paling lambat 5 hari kerja.",
    "legal_basis": "UU 25/2009 tentang Pelayanan Publik",
    "facilities": "Ruang tunggu, loket, komputer",
    "staff_competence": "Memahami ketentuan PBI-JKN",
    "internal_supervision": "Kepala seksi",
    "staff_count": "3 orang",
    "service_guarantee": "Pelayanan sesuai standar",
    "safety_guarantee": "Data pemohon dijaga kerahasiaannya",
    "staff_evaluation": "Evaluasi kinerja setiap semester",
    "change_note": "",
    "review_months": 12,
}
REQUIREMENTS = [("Fotokopi KTP", "1 lembar"), ("Fotokopi Kartu Keluarga", "")]
STEPS = [("Pemohon mengambil nomor antrean", ""), ("Petugas memeriksa berkas", "petugas loket")]


def pdf_upload(name="sk.pdf") -> services.Upload:
    upload = SimpleUploadedFile(name, PDF, content_type="application/pdf")
    return services.Upload(
        file=upload, content_type="application/pdf", sha256=hashlib.sha256(PDF).hexdigest()
    )


@pytest.fixture
def service_a(unit_a):
    ContactChannelFactory(unit=unit_a, kind="whatsapp", value="0812 3456 7890")
    return ServiceFactory(unit=unit_a, name="Surat rekomendasi PBI-JKN", slug="rekomendasi-pbi")


@pytest.fixture
def service_b(unit_b):
    return ServiceFactory(unit=unit_b, name="Surat keterangan domisili", slug="domisili")


@pytest.fixture
def forum_a(unit_a, unit_head_a):
    forum = services.save_forum(
        actor=unit_head_a,
        unit=unit_a,
        data={
            "topic": Forum.Topic.DRAFTING,
            "title": "FKP penyusunan standar pelayanan",
            "held_on": date(2026, 1, 15),
            "place": "Aula Dinas Sosial",
            "online_link": "",
            "minutes": "Peserta menyepakati persyaratan.",
        },
    )
    for name, kind in [
        ("Ibu Sari", "service_user"),
        ("Dr. Hadi", "expert"),
        ("Pak Budi", "provider"),
    ]:
        services.add_participant(
            actor=unit_head_a, forum=forum, data={"name": name, "organisation": "", "kind": kind}
        )
    forum.participants.update(attended=True)
    return services.mark_forum_held(actor=unit_head_a, forum=forum)


@pytest.fixture
def draft_a(service_a, officer_a):
    version = services.start_version(actor=officer_a, service=service_a)
    return services.update_version(
        actor=officer_a, version=version, data=CONTENT, requirements=REQUIREMENTS, steps=STEPS
    )


@pytest.fixture
def published_a(draft_a, forum_a, unit_head_a):
    version = services.record_discussion(actor=unit_head_a, version=draft_a, forum=forum_a)
    version = services.set_version(
        actor=unit_head_a,
        version=version,
        decree_number="188/12/SK/2026",
        decree_date=date(2026, 2, 1),
        decree_file=pdf_upload(),
    )
    return services.publish_version(actor=unit_head_a, version=version)
