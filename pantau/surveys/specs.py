"""Building an instrument version from a declarative spec.

A domain says what its questionnaire is (sections, items, options: plain frozen dataclasses,
testable without a database); ``build_version`` is the one place that turns that into
``InstrumentVersion``/``Section``/``Item``/``ItemOption`` rows. It also runs inside data
migrations: pass the migration's ``apps`` and the historical models are used.

Positions default to the order given (items from 1 within their section, options from 1); an
item may set its own ``position`` when a form numbers its items across sections.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.apps import apps as installed_apps
from django.db import transaction


@dataclass(frozen=True)
class OptionSpec:
    value: int
    label: str
    label_en: str = ""
    icon: str = ""


@dataclass(frozen=True)
class ItemSpec:
    key: str
    code: str
    text: str
    text_en: str = ""
    short_label: str = ""
    short_label_en: str = ""
    kind: str = "scored"
    required: bool = True
    reverse_scored: bool = False
    min_value: int | None = None
    max_value: int | None = None
    other_value: int | None = None
    options: tuple[OptionSpec, ...] = ()
    position: int | None = None  # default: its place in the section, from 1
    weight: int = 1  # how much it counts in a checklist's score
    help_text: str = ""


@dataclass(frozen=True)
class SectionSpec:
    kind: str
    title: str
    title_en: str = ""
    items: tuple[ItemSpec, ...] = ()


@dataclass(frozen=True)
class VersionSpec:
    sections: tuple[SectionSpec, ...] = field(default_factory=tuple)

    def items(self) -> list[ItemSpec]:
        return [item for section in self.sections for item in section.items]


def scale(
    values: range, labels: list[str], labels_en: list[str] | None = None
) -> tuple[OptionSpec, ...]:
    """Options for a scale: ``values`` labelled in order."""
    english = labels_en or [""] * len(labels)
    return tuple(
        OptionSpec(value=value, label=label, label_en=label_en)
        for value, label, label_en in zip(values, labels, english, strict=True)
    )


@transaction.atomic
def build_version(instrument: Any, *, number: int, spec: VersionSpec, apps: Any = None) -> Any:
    """A new version ``number`` of ``instrument`` holding exactly ``spec``. Keys must be unique
    in a version (the database says so too); a repeated key is a ValueError before any row."""
    registry = apps or installed_apps
    version_model = registry.get_model("surveys", "InstrumentVersion")
    section_model = registry.get_model("surveys", "Section")
    item_model = registry.get_model("surveys", "Item")
    option_model = registry.get_model("surveys", "ItemOption")
    keys = [item.key for item in spec.items()]
    repeated = sorted({key for key in keys if keys.count(key) > 1})
    if repeated:
        raise ValueError(f"repeated item keys in one version: {', '.join(repeated)}")
    version = version_model.objects.create(instrument=instrument, number=number)
    sections = section_model.objects.bulk_create(
        section_model(
            version=version,
            position=position,
            kind=section.kind,
            title=section.title,
            title_en=section.title_en,
        )
        for position, section in enumerate(spec.sections, start=1)
    )
    # A data migration written before items had a weight builds with the model of its time.
    weighted = any(f.name == "weight" for f in item_model._meta.get_fields())
    item_rows = []
    option_specs = []
    for section_row, section in zip(sections, spec.sections, strict=True):
        for place, item in enumerate(section.items, start=1):
            item_rows.append(
                item_model(
                    version=version,
                    section=section_row,
                    key=item.key,
                    code=item.code,
                    position=item.position or place,
                    text=item.text,
                    text_en=item.text_en,
                    short_label=item.short_label,
                    short_label_en=item.short_label_en,
                    kind=item.kind,
                    required=item.required,
                    reverse_scored=item.reverse_scored,
                    min_value=item.min_value,
                    max_value=item.max_value,
                    other_value=item.other_value,
                    help_text=item.help_text,
                    **({"weight": item.weight} if weighted else {}),
                )
            )
            option_specs.append(item.options)
    items = item_model.objects.bulk_create(item_rows)
    option_model.objects.bulk_create(
        option_model(
            item=item_row,
            value=option.value,
            label=option.label,
            label_en=option.label_en,
            icon=option.icon,
            position=position,
        )
        for item_row, options in zip(items, option_specs, strict=True)
        for position, option in enumerate(options, start=1)
    )
    return version
