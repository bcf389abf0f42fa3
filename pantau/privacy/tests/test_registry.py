"""The registry of personal fields names every field that looks personal, or says why not."""

import re

from django.apps import apps

from pantau.privacy.registry import NOT_PERSONAL, REGISTRY

LOOKS_PERSONAL = re.compile(
    r"(name|email|e_mail|phone|telepon|nik|address|alamat|contact|kontak|whatsapp|ktp|birth)",
    re.IGNORECASE,
)


def test_every_field_that_looks_personal_is_registered_or_explained():
    registered = {f"{entry.model}.{name}" for entry in REGISTRY for name in entry.fields}
    missing = []
    for model in apps.get_models():
        label = model._meta.label
        if model.__name__.startswith("Historical"):
            continue
        if not model.__module__.startswith("pantau") and label != "accounts.User":
            continue
        for field in model._meta.concrete_fields:
            if field.get_internal_type() not in ("CharField", "EmailField", "TextField"):
                continue
            key = f"{label}.{field.name}"
            if LOOKS_PERSONAL.search(field.name) and key not in registered | set(NOT_PERSONAL):
                missing.append(key)
    assert missing == [], f"add to pantau/privacy/registry.py: {missing}"


def test_every_registered_field_exists():
    for entry in REGISTRY:
        model = apps.get_model(entry.model)
        for name in entry.fields:
            model._meta.get_field(name)
        if entry.retention_after:  # a field, or a lookup through relations
            *path, last = entry.retention_after.split("__")
            reached = model
            for name in path:
                reached = reached._meta.get_field(name).related_model
            assert reached._meta.get_field(last).get_internal_type() == "DateTimeField"
        if entry.unconfirmed:
            for name in (entry.unconfirmed.confirmed, entry.unconfirmed.since):
                assert model._meta.get_field(name).get_internal_type() == "DateTimeField"
        assert entry.erase in ("blank", "delete")
