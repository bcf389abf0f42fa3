"""Innovations made as a unit makes them: through ``innovations.services``."""

from datetime import date
from typing import Any

from pantau.accounts.models import Role
from pantau.accounts.tests.factories import MembershipFactory
from pantau.innovations import services
from pantau.innovations.models import Innovation

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def head_of(unit: Any) -> Any:
    """A head of the unit (made when it has none)."""
    membership = unit.memberships.filter(role=Role.UNIT_HEAD).select_related("user").first()
    return membership.user if membership else MembershipFactory(unit=unit, role=Role.UNIT_HEAD).user


def details(owner: Any, **fields: Any) -> services.Details:
    values: dict[str, Any] = {
        "title": "Jemput bola lansia",
        "problem": "Lansia sulit datang ke loket untuk memperbarui data bantuan.",
        "before": "Rata-rata tiga kali datang ke loket; banyak berkas tidak lengkap.",
        "owner": owner,
        **fields,
    }
    return services.Details(**values)


def make_innovation(
    unit: Any,
    *,
    actor: Any = None,
    stage: str = "idea",
    stage_on: date = date(2025, 1, 6),
    is_public: bool = False,
    **fields: Any,
) -> Innovation:
    """``make_innovation(unit_a)``: an idea registered by the unit's head, who owns it."""
    actor = actor or head_of(unit)
    if stage in ("implemented",) and "after" not in fields:
        fields["after"] = "Petugas datang ke rumah; satu kunjungan cukup."
    return services.register_innovation(
        actor=actor,
        unit=unit,
        details=details(fields.pop("owner", actor), **fields),
        stage=stage,
        stage_on=stage_on,
        is_public=is_public,
    )


def institutionalised(unit: Any, *, actor: Any = None, **fields: Any) -> Innovation:
    """An innovation implemented in January 2024 and institutionalised by a regent's regulation
    in March 2025."""
    actor = actor or head_of(unit)
    innovation = make_innovation(
        unit, actor=actor, stage="implemented", stage_on=date(2024, 1, 15), **fields
    )
    return services.advance_stage(
        actor=actor,
        innovation=innovation,
        stage="institutionalised",
        on=date(2025, 3, 3),
        basis=services.LegalBasis(
            kind="perkada",
            title="Peraturan Bupati tentang Layanan Jemput Bola",
            number="12/2025",
            dated=date(2025, 3, 3),
        ),
    )
