"""Demo SKM: four quarters of 2025 for the demo units, with realistic answers.

Duren Sawit reproduces its published IKM of 92,74 in the first quarter of 2025 exactly, and Cakung
is "Sangat Baik" in that quarter as the source says (``REPRODUCED`` names each figure and where
it comes from); in the other quarters Cakung sits a few points lower with weaker procedure and
complaint handling, and the Lombok Timur social affairs counter in between. Answers are drawn
with the demo seed, so the same seed gives the same results; they come by web, kiosk and paper.
"""

import uuid
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from pantau.common.demo import DemoContext
from pantau.surveys.models import Collection, Item, Response
from pantau.surveys.services import ResponseRow, bulk_create_responses

from .instrument import (
    AGE,
    EDUCATION,
    ELEMENT_KEYS,
    GENDER,
    OCCUPATION,
    SUGGESTION,
    national_skm_version,
)
from .models import Medium, SurveyPeriod
from .periods import period_dates

# Mean score per element (1–4) for each unit; the draw adds noise around it.
PROFILES = {
    "ptsp-kecamatan-duren-sawit": {
        "default": 3.72,
        "pengaduan": 3.66,
        "biaya": 3.92,
        "waktu": 3.62,
    },
    "ptsp-kecamatan-cakung": {"default": 3.6, "prosedur": 3.15, "pengaduan": 3.1, "biaya": 3.9},
    "dinsos-mpp-lombok-timur": {
        "default": 3.3,
        "waktu": 2.9,
        "sarana": 3.55,
        "biaya": 3.95,
        "pengaduan": 3.0,
    },
}
# What changed after an improvement action (pantau.improvements.demo tells the story): from the
# given quarter on, these elements score around the new mean.
IMPROVED_FROM = {
    # Lombok Timur: a second counter at the busy hours after the first quarter's weak "waktu".
    ("dinsos-mpp-lombok-timur", 2): {"waktu": 3.35},
    # Cakung: a one-page guide to the procedure at every counter after the second quarter.
    ("ptsp-kecamatan-cakung", 3): {"prosedur": 3.5},
}
# Figures the source documents publish, reproduced exactly (issue 17): (unit, year, quarter) →
# (IKM, where it comes from). A reproduced quarter always has the full sample, whatever the scale.
REPRODUCED = {
    ("ptsp-kecamatan-duren-sawit", 2025, 1): (
        Decimal("92.74"),
        "../shared/sources/001 (Cakung and Duren Sawit study): 'Penilaian IKM sebesar 92,74', "
        "grade A 'Sangat Baik', first quarter of 2025",
    ),
    ("ptsp-kecamatan-cakung", 2025, 1): (
        Decimal("89.40"),
        "../shared/sources/001: both PTSPs 'Sangat Baik' (A, from 88,31) in the first quarter of "
        "2025, Cakung below Duren Sawit; no number is published, 89,40 is chosen in that band",
    ),
}
SOURCES = [Response.Source.WEB, Response.Source.WEB, Response.Source.KIOSK, Response.Source.PAPER]
RESPONDENTS_PER_QUARTER = 210  # about the Krejcie & Morgan sample for 450 users
SUGGESTIONS = [
    "Antrean di loket mohon dipercepat.",
    "Petugas sudah ramah, terima kasih.",
    "Informasi persyaratan sebaiknya dipasang di papan depan.",
    "Mohon disediakan kursi tunggu lebih banyak.",
    "Pengaduan lewat WhatsApp lambat dibalas.",
    "Pelayanan cepat dan gratis, sangat membantu.",
]


def _draw_score(rng, mean: float) -> int:
    # Mix of the two scores around the mean, with a small tail below.
    low = int(mean)
    high = min(4, low + 1)
    score = high if rng.random() < mean - low else low
    if rng.random() < 0.04:
        score = max(1, score - 1)
    return max(1, min(4, score))


def load(ctx: DemoContext) -> None:
    version = national_skm_version()
    items = {item.key: item for item in Item.objects.filter(version=version)}
    actor = ctx.objects.get("user:admin")
    for unit_slug, profile in PROFILES.items():
        unit = ctx.objects[f"unit:{unit_slug}"]
        services = list(unit.services.filter(is_active=True).order_by("name"))
        for quarter in range(1, 5):
            starts_on, ends_on = period_dates("quarter", 2025, quarter)
            period = SurveyPeriod.objects.filter(
                unit=unit, kind="quarter", year=2025, number=quarter
            ).first()
            if period is None:
                collection = Collection.objects.create(
                    version=version, unit=unit, status=Collection.Status.CLOSED
                )
                period = SurveyPeriod.objects.create(
                    unit=unit,
                    collection=collection,
                    kind="quarter",
                    year=2025,
                    number=quarter,
                    starts_on=starts_on,
                    ends_on=ends_on,
                    population=420 + 30 * quarter,
                )
                period.services.set(services)
            if not Response.objects.filter(collection=period.collection).exists():
                target = REPRODUCED.get((unit_slug, 2025, quarter))
                _answers(
                    ctx,
                    period,
                    items,
                    services,
                    _profile_in(unit_slug, quarter, profile),
                    starts_on,
                    target=target[0] if target else None,
                )
            if quarter <= 3 and period.published_at is None:
                period.published_at = timezone.make_aware(
                    datetime.combine(ends_on + timedelta(days=10), time(9))
                )
                period.published_by = actor
                period.published_media = [Medium.NOTICE_BOARD, Medium.WEBSITE, Medium.SOCIAL_MEDIA]
                period.save(update_fields=["published_at", "published_by", "published_media"])
                _keep_published_figures(period)
            ctx.objects[f"skm:{unit_slug}:2025-q{quarter}"] = period
        # An open survey for the current quarter, so the demo can be answered at once.
        today = timezone.localdate()
        current = (today.month - 1) // 3 + 1
        if not SurveyPeriod.objects.filter(
            unit=unit, kind="quarter", year=today.year, number=current
        ).exists():
            s, e = period_dates("quarter", today.year, current)
            collection = Collection.objects.create(
                version=version, unit=unit, status=Collection.Status.OPEN
            )
            period = SurveyPeriod.objects.create(
                unit=unit,
                collection=collection,
                kind="quarter",
                year=today.year,
                number=current,
                starts_on=s,
                ends_on=e,
                population=480,
            )
            period.services.set(services)


def _profile_in(unit_slug: str, quarter: int, profile: dict) -> dict:
    """The unit's profile in a quarter, with the improvements made before it."""
    changed = dict(profile)
    for (slug, since), means in sorted(IMPROVED_FROM.items()):
        if slug == unit_slug and quarter >= since:
            changed.update(means)
    return changed


def _answers(ctx, period, items, services, profile, starts_on: date, target=None) -> None:
    rng = ctx.rng
    rows = []
    count = (
        RESPONDENTS_PER_QUARTER
        if target is not None
        else max(12, int(RESPONDENTS_PER_QUARTER * ctx.scale))
    )
    for _n in range(count):
        answers: list[tuple[Any, int | None, str]] = [
            (items[key], _draw_score(rng, profile.get(key, profile["default"])), "")
            for key in ELEMENT_KEYS
        ]
        answers.append((items[GENDER], rng.choice([1, 2]), ""))
        answers.append((items[AGE], rng.randint(18, 70), ""))
        answers.append((items[EDUCATION], rng.choice([1, 2, 3, 3, 3, 4, 4, 5]), ""))
        occupation = rng.choice([1, 4, 4, 5, 5, 6])
        answers.append(
            (items[OCCUPATION], occupation, "Ibu rumah tangga" if occupation == 6 else "")
        )
        if rng.random() < 0.15:
            answers.append((items[SUGGESTION], None, rng.choice(SUGGESTIONS)))
        when = timezone.make_aware(
            datetime.combine(
                starts_on + timedelta(days=rng.randint(0, 85)),
                time(8 + rng.randint(0, 7), rng.randint(0, 59)),
            )
        )
        rows.append(
            ResponseRow(
                answers=answers,
                service=rng.choice(services),
                submitted_at=when,
                submission_token=uuid.UUID(int=rng.getrandbits(128)),
                source=rng.choice(SOURCES),
            )
        )
    if target is not None:
        _hit(rows, target, {items[key] for key in ELEMENT_KEYS}, rng)
    bulk_create_responses(collection=period.collection, rows=rows, source=Response.Source.WEB)


def _hit(rows, target: Decimal, elements: set, rng) -> None:
    """Nudge scores one point at a time until the rows give exactly ``target``: with every
    element answered by all n respondents, IKM = Σ scores / n × 25 / 9, rounded half up."""
    from fractions import Fraction

    from pantau.analytics.ikm import round_half_up

    n = len(rows)
    wanted = round(target * 9 * n / 25)
    if round_half_up(Fraction(wanted, n) * Fraction(25, 9)) != target:
        raise ValueError(f"IKM {target} cannot be reached with {n} respondents")
    cells = [
        (row, index)
        for row in rows
        for index, (item, _score, _text) in enumerate(row.answers)
        if item in elements
    ]
    total = sum(row.answers[index][1] for row, index in cells)
    while total != wanted:
        row, index = rng.choice(cells)
        item, score, text = row.answers[index]
        step = 1 if total < wanted else -1
        if 1 <= score + step <= 4:
            row.answers[index] = (item, score + step, text)
            total += step


def _keep_published_figures(period) -> None:
    """The figures as published, as ``services.publish_period`` keeps them (issue 16)."""
    from decimal import Decimal

    from .models import PublishedResult
    from .selectors import period_results

    results = period_results(period)
    if results.ikm is None or period.publications.exists():
        return
    margin = results.margin
    PublishedResult.objects.create(
        period=period,
        published_at=period.published_at,
        published_by=period.published_by,
        ikm=results.ikm.ikm,
        grade=results.ikm.grade,
        respondents=results.respondents,
        required=results.required,
        margin=None if margin is None else Decimal(str(round(margin, 4))),
    )
