"""Demo staff accounts: one for each role, in the demo units and agencies."""

from typing import Any

from django.contrib.auth import get_user_model

from pantau.common.demo import DemoContext

from .models import Membership, Role

# username, first name, last name, e-mail, description, [(role, "unit:<slug>" | "agency:<slug>" | None)]
PEOPLE: list[tuple[Any, ...]] = [
    ("admin", "Admin", "Pantau", "admin@pantau.example", "System administrator", []),
    (
        "penilai.kemenpan",
        "Rina",
        "Kusumawati",
        "rina.k@pantau.example",
        "Evaluator, KemenPANRB (national scope)",
        [(Role.EVALUATOR, None)],
    ),
    (
        "penilai.ntb",
        "Lalu",
        "Hidayat",
        "lalu.h@pantau.example",
        "Evaluator, Biro Organisasi Provinsi NTB",
        [(Role.EVALUATOR, "agency:prov-ntb")],
    ),
    (
        "kadis.sosial",
        "Baiq",
        "Nurhayati",
        "baiq.n@pantau.example",
        "Agency head, Dinas Sosial Lombok Timur",
        [(Role.AGENCY_HEAD, "agency:dinsos-lombok-timur")],
    ),
    (
        "kepala.dinsos",
        "Muhammad",
        "Zainuddin",
        "zainuddin@pantau.example",
        "Unit head, Dinas Sosial counter at the MPP",
        [(Role.UNIT_HEAD, "unit:dinsos-mpp-lombok-timur")],
    ),
    (
        "petugas.dinsos",
        "Siti",
        "Aminah",
        "siti.a@pantau.example",
        "Unit officer, Dinas Sosial counter at the MPP",
        [(Role.UNIT_OFFICER, "unit:dinsos-mpp-lombok-timur")],
    ),
    (
        "kepala.cakung",
        "Agus",
        "Setiawan",
        "agus.s@pantau.example",
        "Unit head, PTSP Kecamatan Cakung",
        [(Role.UNIT_HEAD, "unit:ptsp-kecamatan-cakung")],
    ),
    (
        "petugas.jaktim",
        "Dewi",
        "Lestari",
        "dewi.l@pantau.example",
        "Unit officer, PTSP Cakung and PTSP Duren Sawit",
        [
            (Role.UNIT_OFFICER, "unit:ptsp-kecamatan-cakung"),
            (Role.UNIT_OFFICER, "unit:ptsp-kecamatan-duren-sawit"),
        ],
    ),
    (
        "kepala.durensawit",
        "Hendra",
        "Wijaya",
        "hendra.w@pantau.example",
        "Unit head, PTSP Kecamatan Duren Sawit",
        [(Role.UNIT_HEAD, "unit:ptsp-kecamatan-duren-sawit")],
    ),
    (
        "petugas.bbpom",
        "Yohana",
        "Pratiwi",
        "yohana.p@pantau.example",
        "Unit officer, complaint desk BBPOM Yogyakarta",
        [(Role.UNIT_OFFICER, "unit:ulpk-bbpom-yogyakarta")],
    ),
    (
        "kepala.bbpom",
        "Bambang",
        "Susilo",
        "bambang.s@pantau.example",
        "Unit head, complaint desk BBPOM Yogyakarta",
        [(Role.UNIT_HEAD, "unit:ulpk-bbpom-yogyakarta")],
    ),
    (
        "koordinator.jaktim",
        "Ratna",
        "Sari",
        "ratna.s@pantau.example",
        "Complaint coordinator, Kota Jakarta Timur",
        [(Role.COORDINATOR, "agency:kota-jakarta-timur")],
    ),
    (
        "inspektorat.jaktim",
        "Agus",
        "Salim",
        "agus.salim@pantau.example",
        "Internal supervisor (Inspektorat), Kota Jakarta Timur: receives integrity reports",
        [(Role.INSPECTOR, "agency:kota-jakarta-timur")],
    ),
    (
        "koordinator.nasional",
        "Wulan",
        "Maharani",
        "wulan.m@pantau.example",
        "National complaint coordinator: reports no regional coordinator can take",
        [(Role.COORDINATOR, None)],
    ),
]


def load(ctx: DemoContext) -> None:
    User = get_user_model()
    for username, first, last, email, description, roles in PEOPLE:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": email,
                "is_staff": username == "admin",
                "is_superuser": username == "admin",
            },
        )
        if created or not user.check_password(ctx.password):
            user.set_password(ctx.password)
            user.save()
        for role, target in roles:
            kind, _sep, key = (target or "").partition(":")
            Membership.objects.get_or_create(
                user=user,
                role=role,
                unit=ctx.objects[target] if kind == "unit" else None,
                agency=ctx.objects[target] if kind == "agency" else None,
            )
        ctx.objects[f"user:{username}"] = user
        ctx.logins.append((username, description))
