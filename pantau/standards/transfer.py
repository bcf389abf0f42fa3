"""Export and import of a unit's services and their standards in force (docs/standards-format.md).

Export writes the services of a unit and, for each, the version in force (or none) as JSON or CSV.
Import reads the same format: services missing from the unit are created, and each standard in the
file becomes a new *draft* version of its service, to be discussed, set and published as usual. A
set version is never overwritten, and a service with a version in progress is skipped with a
message. The whole file is checked before anything is written; one error refuses all of it.
"""

import csv
import io
import json
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pantau.common.spreadsheet import csv_writer, restore
from pantau.organisations import services as organisation_services
from pantau.organisations.models import Service, ServiceUnit

from . import services
from .models import MANUFACTURING_KEYS, StandardVersion
from .permissions import can_set_standards

FORMAT = "pantau.standards/1"
TIME_UNITS = [choice for choice, _label in StandardVersion.TimeUnit.choices]
CSV_COLUMNS = [
    "service_name",
    "service_slug",
    "service_description",
    "version",
    "decree_number",
    "decree_date",
    "requirements",
    "steps",
    "time_limit_value",
    "time_limit_unit",
    "time_limit_note",
    "fee_free",
    "fee_amount",
    "fee_legal_basis",
    "fee_note",
    "product",
    "complaint_handling",
    *MANUFACTURING_KEYS,
]


# --- Export ---------------------------------------------------------------------------------


def _standard_dict(version: StandardVersion) -> dict:
    return {
        "version": version.number,
        "decree_number": version.decree_number,
        "decree_date": version.decree_date.isoformat() if version.decree_date else None,
        "requirements": [{"text": r.text, "note": r.note} for r in version.requirements.all()],
        "steps": [{"text": s.text, "actor": s.actor} for s in version.steps.all()],
        "time_limit": {
            "value": version.time_limit_value,
            "unit": version.time_limit_unit,
            "note": version.time_limit_note,
        },
        "fee": {
            "free": version.fee_is_free,
            "amount": version.fee_amount,
            "legal_basis": version.fee_legal_basis,
            "note": version.fee_note,
        },
        "product": version.product,
        "complaint_handling": version.complaint_handling,
        "manufacturing": {key: getattr(version, key) for key in MANUFACTURING_KEYS},
    }


def export_data(unit: ServiceUnit) -> dict:
    in_force = {
        version.service_id: version
        for version in StandardVersion.objects.filter(
            service__unit=unit, status=StandardVersion.Status.PUBLISHED
        ).prefetch_related("requirements", "steps")
    }
    return {
        "format": FORMAT,
        "exported_at": timezone.now().isoformat(timespec="seconds"),
        "unit": {"slug": unit.slug, "name": unit.name, "agency": unit.agency.name},
        "services": [
            {
                "name": service.name,
                "slug": service.slug,
                "description": service.description,
                "active": service.is_active,
                "standard": _standard_dict(in_force[service.pk])
                if service.pk in in_force
                else None,
            }
            for service in unit.services.order_by("name")
        ],
    }


def export_json(unit: ServiceUnit) -> str:
    return json.dumps(export_data(unit), ensure_ascii=False, indent=2)


def _pairs(items: list[dict], second: str) -> str:
    return "\n".join(
        f"{item['text']} | {item[second]}" if item[second] else item["text"] for item in items
    )


def export_csv(unit: ServiceUnit) -> str:
    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow(CSV_COLUMNS)
    for service in export_data(unit)["services"]:
        sd = service["standard"]
        row = {
            "service_name": service["name"],
            "service_slug": service["slug"],
            "service_description": service["description"],
        }
        if sd:
            row |= {
                "version": sd["version"],
                "decree_number": sd["decree_number"],
                "decree_date": sd["decree_date"] or "",
                "requirements": _pairs(sd["requirements"], "note"),
                "steps": _pairs(sd["steps"], "actor"),
                "time_limit_value": sd["time_limit"]["value"] or "",
                "time_limit_unit": sd["time_limit"]["unit"],
                "time_limit_note": sd["time_limit"]["note"],
                "fee_free": "yes" if sd["fee"]["free"] else "no",
                "fee_amount": sd["fee"]["amount"] or "",
                "fee_legal_basis": sd["fee"]["legal_basis"],
                "fee_note": sd["fee"]["note"],
                "product": sd["product"],
                "complaint_handling": sd["complaint_handling"],
                **sd["manufacturing"],
            }
        writer.writerow([row.get(column, "") for column in CSV_COLUMNS])
    return out.getvalue()


# --- Open data (public: the six service-delivery components only) ------------------------

OPEN_DATA_LICENCE = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)"
PUBLIC_FORMAT = "pantau.standards.public/1"
PUBLIC_CSV_COLUMNS = [
    "unit",
    "service",
    "version",
    "decree_number",
    "decree_date",
    "requirements",
    "steps",
    "time_limit_value",
    "time_limit_unit",
    "fee_free",
    "fee_amount",
    "fee_legal_basis",
    "product",
    "complaint_handling",
    "page",
    "licence",
]


def export_public_data(unit: ServiceUnit, *, page_url) -> dict:
    """The standards in force of a unit's active services, without the internal components.
    ``page_url(service)`` gives the absolute URL of a service's live page."""
    rows = []
    for service in export_data(unit)["services"]:
        standard = service["standard"]
        if not service["active"] or standard is None:
            continue
        standard = {k: v for k, v in standard.items() if k != "manufacturing"}
        rows.append(
            {"name": service["name"], "page": page_url(service["slug"]), "standard": standard}
        )
    return {
        "format": PUBLIC_FORMAT,
        "licence": OPEN_DATA_LICENCE,
        "unit": {"slug": unit.slug, "name": unit.name, "agency": unit.agency.name},
        "services": rows,
    }


def export_public_csv(unit: ServiceUnit, *, page_url) -> str:
    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow(PUBLIC_CSV_COLUMNS)
    for service in export_public_data(unit, page_url=page_url)["services"]:
        sd = service["standard"]
        writer.writerow(
            [
                unit.name,
                service["name"],
                sd["version"],
                sd["decree_number"],
                sd["decree_date"] or "",
                _pairs(sd["requirements"], "note"),
                _pairs(sd["steps"], "actor"),
                sd["time_limit"]["value"] or "",
                sd["time_limit"]["unit"],
                "yes" if sd["fee"]["free"] else "no",
                sd["fee"]["amount"] or "",
                sd["fee"]["legal_basis"],
                sd["product"],
                sd["complaint_handling"],
                service["page"],
                OPEN_DATA_LICENCE,
            ]
        )
    return out.getvalue()


# --- Import ---------------------------------------------------------------------------------


@dataclass
class ImportedService:
    name: str
    description: str
    standard: dict | None  # content for services.update_version, with "requirements" and "steps"


@dataclass
class ImportReport:
    created_services: list[str] = field(default_factory=list)
    drafted: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def _text(value, *, limit: int, where: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str | int):
        raise ValidationError(_("%(where)s: expected text.") % {"where": where})
    text = str(value).strip()
    if len(text) > limit:
        raise ValidationError(
            _("%(where)s: at most %(limit)s characters.") % {"where": where, "limit": limit}
        )
    return text


def _list(items, second: str, where: str) -> list[tuple[str, str]]:
    if not isinstance(items, list):
        raise ValidationError(_("%(where)s: expected a list.") % {"where": where})
    rows = []
    for index, item in enumerate(items, start=1):
        label = f"{where} {index}"
        if not isinstance(item, dict) or not _text(item.get("text"), limit=300, where=label):
            raise ValidationError(_("%(where)s: each item needs a text.") % {"where": label})
        rows.append(
            (
                _text(item["text"], limit=300, where=label),
                _text(item.get(second), limit=120, where=label),
            )
        )
    return rows


def _standard(raw: dict, where: str) -> dict:
    if not isinstance(raw, dict):
        raise ValidationError(_("%(where)s: the standard must be an object.") % {"where": where})
    time_limit = raw.get("time_limit") or {}
    fee = raw.get("fee") or {}
    value = time_limit.get("value")
    if value in ("", None):
        value = None
    else:
        try:
            value = int(value)
        except (TypeError, ValueError):
            raise ValidationError(
                _("%(where)s: the time limit must be a whole number.") % {"where": where}
            ) from None
        if value <= 0:
            raise ValidationError(
                _("%(where)s: the time limit must be above zero.") % {"where": where}
            )
    unit = time_limit.get("unit") or ""
    if unit and unit not in TIME_UNITS:
        raise ValidationError(
            _("%(where)s: the time unit must be one of %(units)s.")
            % {"where": where, "units": ", ".join(TIME_UNITS)}
        )
    free = fee.get("free", True)
    if not isinstance(free, bool):
        raise ValidationError(_("%(where)s: “free” must be true or false.") % {"where": where})
    amount = fee.get("amount")
    if amount in ("", None):
        amount = None
    else:
        try:
            amount = int(amount)
        except (TypeError, ValueError):
            raise ValidationError(
                _("%(where)s: the fee must be a whole number of rupiah.") % {"where": where}
            ) from None
    if free and amount:
        raise ValidationError(
            _("%(where)s: a free service cannot have a fee amount.") % {"where": where}
        )
    if not free and not (amount and amount > 0):
        raise ValidationError(
            _("%(where)s: a paid service needs a fee above zero.") % {"where": where}
        )
    manufacturing = raw.get("manufacturing") or {}
    if not isinstance(manufacturing, dict):
        raise ValidationError(_("%(where)s: “manufacturing” must be an object.") % {"where": where})
    return {
        "requirements": _list(raw.get("requirements") or [], "note", f"{where}, requirement"),
        "steps": _list(raw.get("steps") or [], "actor", f"{where}, step"),
        "data": {
            "time_limit_value": value,
            "time_limit_unit": unit if value is not None else "",
            "time_limit_note": _text(time_limit.get("note"), limit=200, where=where),
            "fee_is_free": free,
            "fee_amount": None if free else amount,
            "fee_legal_basis": _text(fee.get("legal_basis"), limit=300, where=where),
            "fee_note": _text(fee.get("note"), limit=300, where=where),
            "product": _text(raw.get("product"), limit=5000, where=where),
            "complaint_handling": _text(raw.get("complaint_handling"), limit=5000, where=where),
            **{
                key: _text(manufacturing.get(key), limit=5000, where=where)
                for key in MANUFACTURING_KEYS
            },
            "change_note": _("Imported on %(date)s") % {"date": timezone.localdate().isoformat()},
        },
    }


def parse_json(content: bytes) -> list[ImportedService]:
    try:
        data = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ValidationError(_("The file is not valid JSON text.")) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValidationError(
            _("The file does not declare the format “%(format)s”.") % {"format": FORMAT}
        )
    raw_services = data.get("services")
    if not isinstance(raw_services, list):
        raise ValidationError(_("The file has no list of services."))
    result = []
    for index, raw in enumerate(raw_services, start=1):
        where = _("Service %(n)s") % {"n": index}
        if not isinstance(raw, dict):
            raise ValidationError(_("%(where)s: expected an object.") % {"where": where})
        name = _text(raw.get("name"), limit=200, where=where)
        if not name:
            raise ValidationError(_("%(where)s: the service needs a name.") % {"where": where})
        standard = raw.get("standard")
        result.append(
            ImportedService(
                name=name,
                description=_text(raw.get("description"), limit=5000, where=where),
                standard=_standard(standard, f"{where} ({name})") if standard else None,
            )
        )
    return result


def _split_pairs(cell: str) -> list[dict]:
    items = []
    for line in cell.splitlines():
        if line.strip():
            first, _sep, second = line.partition("|")
            items.append({"text": first.strip(), "second": second.strip()})
    return items


def parse_csv(content: bytes) -> list[ImportedService]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(_("The file is not UTF-8 text.")) from None
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    missing = [c for c in ("service_name",) if c not in (reader.fieldnames or [])]
    if missing:
        raise ValidationError(_("The file has no column “service_name”."))
    result = []
    for index, raw_row in enumerate(reader, start=2):
        # Pantau's own export wrote formula-like text with an apostrophe (pantau.common.spreadsheet).
        row = {key: restore(value) for key, value in raw_row.items()}
        where = _("Row %(n)s") % {"n": index}
        name = _text(row.get("service_name"), limit=200, where=where)
        if not name:
            raise ValidationError(_("%(where)s: the service needs a name.") % {"where": where})
        has_standard = any((row.get(c) or "").strip() for c in ("requirements", "steps", "product"))
        standard = None
        if has_standard:
            free_cell = (row.get("fee_free") or "yes").strip().lower()
            if free_cell not in ("yes", "no", "ya", "tidak", "true", "false"):
                raise ValidationError(
                    _("%(where)s: fee_free must be “yes” or “no”.") % {"where": where}
                )
            raw = {
                "requirements": [
                    {"text": i["text"], "note": i["second"]}
                    for i in _split_pairs(row.get("requirements") or "")
                ],
                "steps": [
                    {"text": i["text"], "actor": i["second"]}
                    for i in _split_pairs(row.get("steps") or "")
                ],
                "time_limit": {
                    "value": row.get("time_limit_value"),
                    "unit": (row.get("time_limit_unit") or "").strip(),
                    "note": row.get("time_limit_note"),
                },
                "fee": {
                    "free": free_cell in ("yes", "ya", "true"),
                    "amount": (row.get("fee_amount") or "").replace(".", "").strip(),
                    "legal_basis": row.get("fee_legal_basis"),
                    "note": row.get("fee_note"),
                },
                "product": row.get("product"),
                "complaint_handling": row.get("complaint_handling"),
                "manufacturing": {key: row.get(key) for key in MANUFACTURING_KEYS},
            }
            standard = _standard(raw, f"{where} ({name})")
        result.append(
            ImportedService(
                name=name,
                description=_text(row.get("service_description"), limit=5000, where=where),
                standard=standard,
            )
        )
    return result


@transaction.atomic
def apply_import(*, actor, unit: ServiceUnit, rows: list[ImportedService]) -> ImportReport:
    """Create missing services and a new draft per imported standard (see the module docstring)."""
    if not can_set_standards(actor, unit):
        raise PermissionDenied
    report = ImportReport()
    names = [row.name for row in rows]
    if len(set(n.lower() for n in names)) != len(names):
        raise ValidationError(_("The file names a service more than once."))
    existing = {service.name.lower(): service for service in Service.objects.filter(unit=unit)}
    for row in rows:
        service = existing.get(row.name.lower())
        if service is None:
            service = organisation_services.create_service(
                actor=actor, unit=unit, name=row.name, description=row.description
            )
            report.created_services.append(service.name)
        if row.standard is None:
            continue
        if service.standard_versions.filter(status__in=["draft", "discussed", "set"]).exists():
            report.skipped.append(service.name)
            continue
        version = services.start_version(actor=actor, service=service)
        services.update_version(
            actor=actor,
            version=version,
            data=row.standard["data"],
            requirements=row.standard["requirements"],
            steps=row.standard["steps"],
        )
        report.drafted.append(service.name)
    return report
