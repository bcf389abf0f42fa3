"""National default complaint categories (data, editable by the administrator). They follow the
SKM elements so that complaints and survey results can be read side by side. Installed by a data
migration and, again if missing, by the demo loader."""

DEFAULTS = [
    ("persyaratan", "Persyaratan", "Requirements"),
    ("prosedur", "Prosedur dan alur layanan", "Procedure"),
    ("waktu", "Waktu penyelesaian", "Time to deliver"),
    ("biaya", "Biaya atau pungutan", "Fees or charges"),
    ("produk", "Hasil atau produk layanan", "Service product"),
    ("perilaku", "Perilaku dan kompetensi petugas", "Officers' conduct and competence"),
    ("sarana", "Sarana dan prasarana", "Facilities"),
    ("informasi", "Informasi layanan", "Service information"),
    ("lainnya", "Lainnya", "Other"),
]

# Integrity reports go to the agency's internal supervisor, never to the unit (issue 16).
INTEGRITY = [
    (
        "integritas",
        "Pungutan liar, suap atau penyalahgunaan wewenang",
        "Bribery, extortion or abuse of office",
    ),
]


def install_defaults(category_model) -> None:
    """Create the national categories that are missing (works with a migration's historical model)."""
    for position, (code, name, name_en) in enumerate(DEFAULTS, start=1):
        category_model.objects.get_or_create(
            agency=None,
            code=code,
            defaults={"name": name, "name_en": name_en, "position": position},
        )


def install_integrity(category_model) -> None:
    """The national integrity categories (a later data migration: the field came after 0003)."""
    for offset, (code, name, name_en) in enumerate(INTEGRITY, start=len(DEFAULTS) + 1):
        category_model.objects.get_or_create(
            agency=None,
            code=code,
            defaults={"name": name, "name_en": name_en, "position": offset, "integrity": True},
        )
