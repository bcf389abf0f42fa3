"""Demo perception studies of the Dinas Sosial counter at the MPP Lombok Timur.

The 2024/2025 study reproduces the pattern of the field study (domain spec 6.1): 30 recipients and
5 providers; high on the first three NPS dimensions, lower on the last two (strategic thinking and
democratic action; accountability and transparency); providers more positive than recipients; and
service quality following NPS practice. A second study, open, waits for answers.
"""

import uuid
from datetime import date, datetime, time, timedelta

import numpy as np
from django.utils import timezone

from pantau.common.demo import DemoContext
from pantau.surveys.models import Collection, Response
from pantau.surveys.services import ResponseRow, bulk_create_responses

from .instruments import QUALITY_CODES, dimension_code
from .models import RespondentGroup, Study
from .selectors import scored_items
from .services import create_study

UNIT = "dinsos-mpp-lombok-timur"
TITLE = "Penerapan New Public Service di Dinas Sosial MPP Lombok Timur 2024/2025"
OPEN_TITLE = "Studi persepsi New Public Service 2026"
# Mean per dimension (1–5) for recipients; providers add PROVIDER_LIFT.
MEANS = {"SNS": 4.15, "NPL": 4.05, "WRG": 4.1, "SDA": 3.2, "AKT": 3.05}
PROVIDER_LIFT = {"SNS": 0.35, "NPL": 0.4, "WRG": 0.3, "SDA": 0.9, "AKT": 1.0}
RECIPIENTS, PROVIDERS = 30, 5


def _rows(rng, items, count, lift, starts_on, prefix):
    rows = []
    for index in range(count):
        trait = rng.normal()
        values = []
        for item in items:
            dim = dimension_code(item.code)
            if dim in QUALITY_CODES:
                # Service quality follows the respondent's view of NPS practice.
                mean = 3.3 + 0.55 * trait
            else:
                mean = MEANS[dim] + lift.get(dim, 0.0) + 0.55 * trait
            value = int(np.clip(np.rint(mean + rng.normal(0, 0.55)), 1, 5))
            if item.reverse_scored:
                value = 6 - value
            values.append((item, value, ""))
        rows.append(
            ResponseRow(
                answers=values,
                submitted_at=timezone.make_aware(
                    datetime.combine(starts_on + timedelta(days=7 * index % 270), time(10, 0))
                ),
                submission_token=uuid.uuid5(
                    uuid.NAMESPACE_URL, f"pantau-demo-study-{prefix}-{index}"
                ),
            )
        )
    return rows


def load(ctx: DemoContext) -> None:
    unit = ctx.objects[f"unit:{UNIT}"]
    head = ctx.objects["user:kepala.dinsos"]
    study = Study.objects.filter(unit=unit, title=TITLE).first()
    if study is None:
        study = create_study(
            actor=head,
            unit=unit,
            title=TITLE,
            starts_on=date(2024, 7, 1),
            ends_on=date(2025, 3, 31),
            recipient_target=RECIPIENTS,
            provider_target=PROVIDERS,
        )
    rng = np.random.default_rng(ctx.seed)
    for group in study.groups.select_related("collection"):
        if Response.objects.filter(collection=group.collection).exists():
            continue
        items = scored_items(group.collection.version_id)
        provider = group.role == RespondentGroup.Role.PROVIDER
        rows = _rows(
            rng,
            items,
            PROVIDERS if provider else RECIPIENTS,
            PROVIDER_LIFT if provider else {},
            study.starts_on,
            f"{study.pk}-{group.role}",
        )
        bulk_create_responses(
            collection=group.collection,
            rows=rows,
            source=Response.Source.WEB if provider else Response.Source.PAPER,
        )
    Collection.objects.filter(study_group__study=study).update(status=Collection.Status.CLOSED)
    if not Study.objects.filter(unit=unit, title=OPEN_TITLE).exists():
        later = create_study(
            actor=head,
            unit=unit,
            title=OPEN_TITLE,
            starts_on=date(2026, 1, 1),
            ends_on=date(2026, 12, 31),
            recipient_target=100,
            provider_target=8,
        )
        Collection.objects.filter(study_group__study=later).update(status=Collection.Status.OPEN)
    ctx.objects["study:lombok-timur"] = study
