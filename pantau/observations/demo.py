"""Demo observation visits (issue 21): the Cakung/Duren Sawit study recommends mystery shoppers
and the SETIA behaviour standard. The evaluator of Kota Jakarta Timur runs the programme; a
volunteer observer from a university (no role in any unit) visits both PTSP offices.

Duren Sawit scores high on SETIA (its officers guide citizens through the digital service);
Cakung's first visit in February 2026 fails "the same rules for everyone" and "guides citizens
who struggle with the digital service" (the study's findings), its head plans an action from the
second finding, and the visit in August finds it put right. Both are checked against their
published standard for the business domicile letter. One visit to Cakung is still to come.
Fixed values; a second run changes nothing (a visit is found by unit, checklist, date).
"""

from datetime import date
from typing import Any

from pantau.accounts.models import Membership, Role, User
from pantau.common.demo import DemoContext, upsert
from pantau.surveys.models import CheckAnswer, Item
from pantau.surveys.selectors import version_items

from . import services
from .models import Visit

CAKUNG, DUREN_SAWIT = "ptsp-kecamatan-cakung", "ptsp-kecamatan-duren-sawit"
SERVICE = "surat-keterangan-domisili-usaha"

# unit, checklist, day, items answered "no", items "not applicable", {item: note}
VISITS: list[tuple[str, str, date, tuple[str, ...], tuple[str, ...], dict[str, str]]] = [
    (
        CAKUNG,
        "behaviour",
        date(2026, 2, 12),
        ("setia-t1", "setia-e2", "setia-i2"),
        (),
        {
            "setia-t1": "Pemohon di depan saya dilayani lebih dulu karena mengenal petugas.",
            "setia-e2": "Saya diminta mendaftar daring sendiri di ruang tunggu tanpa dibantu.",
        },
    ),
    (
        DUREN_SAWIT,
        "behaviour",
        date(2026, 2, 13),
        ("setia-i2",),
        (),
        {"setia-e2": "Petugas mendampingi mengisi formulir daring di tablet loket."},
    ),
    (
        CAKUNG,
        "standard",
        date(2026, 3, 5),
        ("tampil-waktu", "terap-waktu"),
        ("tampil-produk",),
        {"terap-waktu": "Surat selesai hari kerja kedua, standar satu hari kerja."},
    ),
    (
        DUREN_SAWIT,
        "standard",
        date(2026, 3, 6),
        (),
        (),
        {},
    ),
    (
        CAKUNG,
        "behaviour",
        date(2026, 8, 20),
        ("setia-i2",),
        (),
        {"setia-e2": "Ada petugas pendamping layanan digital di ruang tunggu."},
    ),
    (
        DUREN_SAWIT,
        "behaviour",
        date(2026, 8, 21),
        (),
        ("setia-e3",),
        {},
    ),
]
UPCOMING = (CAKUNG, "standard", date(2027, 1, 14))


def _person(
    ctx: DemoContext, username: str, first: str, last: str, role: Any = None, agency: Any = None
) -> User:
    user = upsert(
        User,
        username=username,
        defaults={"first_name": first, "last_name": last, "email": f"{username}@pantau.example"},
    )
    if not user.check_password(ctx.password):
        user.set_password(ctx.password)
        user.save()
    if role is not None:
        Membership.objects.get_or_create(user=user, role=role, agency=agency, unit=None)
    return user


def _answers(visit: Visit, no: tuple[str, ...], not_applicable: tuple[str, ...]) -> list:
    rows = []
    for item in version_items(visit.collection.version):
        if item.kind != Item.Kind.YES_NO_NA:
            continue
        value = CheckAnswer.YES
        if item.key in no:
            value = CheckAnswer.NO
        elif item.key in not_applicable:
            value = CheckAnswer.NOT_APPLICABLE
        rows.append((item, int(value), ""))
    return rows


def load(ctx: DemoContext) -> None:
    coordinator = _person(
        ctx,
        "penilai.jaktim",
        "Yuniar",
        "Pratama",
        Role.EVALUATOR,
        ctx.objects["agency:kota-jakarta-timur"],
    )
    observer = _person(ctx, "pengamat.jaktim", "Nadia", "Putri")
    ctx.objects["user:penilai.jaktim"], ctx.objects["user:pengamat.jaktim"] = coordinator, observer
    for login in (
        ("penilai.jaktim", "Evaluator, Kota Jakarta Timur: runs the mystery-shopping visits"),
        ("pengamat.jaktim", "Observer (mystery shopper), a university volunteer with no unit"),
    ):
        if login not in ctx.logins:
            ctx.logins.append(login)
    for slug, kind, day, no, not_applicable, notes in VISITS:
        unit = ctx.objects[f"unit:{slug}"]
        if Visit.objects.filter(unit=unit, kind=kind, planned_on=day).exists():
            continue
        visit = services.schedule_visit(
            actor=coordinator,
            unit=unit,
            kind=kind,
            service=ctx.objects.get(f"service:{slug}:{SERVICE}"),
            planned_on=day,
            observer=observer,
            scenario="Mengurus surat keterangan domisili usaha untuk warung makan.",
            today=day,
        )
        services.submit_visit(
            actor=observer,
            visit=visit,
            answers=_answers(visit, no, not_applicable),
            evidence={key: services.Evidence(note=note) for key, note in notes.items()},
            today=day,
        )
        if (slug, day) == (CAKUNG, date(2026, 2, 12)):
            _plan_from_finding(ctx, visit)
    slug, kind, day = UPCOMING
    unit = ctx.objects[f"unit:{slug}"]
    if not Visit.objects.filter(unit=unit, kind=kind, planned_on=day).exists():
        services.schedule_visit(
            actor=coordinator,
            unit=unit,
            kind=kind,
            service=ctx.objects.get(f"service:{slug}:{SERVICE}"),
            planned_on=day,
            observer=observer,
            scenario="Menanyakan biaya dan lama penerbitan surat keterangan domisili usaha.",
            today=date(2026, 12, 1),
        )


def _plan_from_finding(ctx: DemoContext, visit: Visit) -> None:
    """Cakung's head plans the action the August visit will find done."""
    from pantau.improvements.models import Action, Source, Status
    from pantau.improvements.services import SourceRef, plan_action, record_progress

    title = "Petugas pendamping layanan digital di ruang tunggu"
    if Action.objects.filter(unit=visit.unit, title=title).exists():
        return
    head = ctx.objects["user:kepala.cakung"]
    action = plan_action(
        actor=head,
        unit=visit.unit,
        source=SourceRef(
            Source.MYSTERY_SHOPPING,
            note="Observasi 12 Februari 2026 (SETIA), E2: warga tidak dibantu mendaftar daring.",
        ),
        title=title,
        due_on=date(2026, 6, 30),
        owner=head,
    )
    record_progress(
        actor=head,
        action=action,
        status=Status.DONE,
        completed_on=date(2026, 5, 18),
        evidence_note="Dua petugas bergiliran mendampingi pendaftaran daring sejak 18 Mei 2026.",
    )
