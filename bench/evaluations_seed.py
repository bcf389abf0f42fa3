"""Seed a database for the PEKPPP benchmark: one national round of N units (lokus) under one body,
30 indicators scored by 2 evaluators each (all agreeing), and the citizen form (F-03) of every unit
with its share of ``N * 40`` forms (1,000,000 at 25,000 units). The citizen forms are written as the
tallies the results read (decision 0005), not as individual answers. ORM bulk inserts, so it runs on
SQLite and PostgreSQL. Prints one JSON line.

    python -m bench.evaluations_seed N
"""

import json
import random
import sys
from datetime import date

import django

FORMS_PER_UNIT = 40


def main() -> None:
    django.setup()
    from django.core.management import call_command

    from pantau.accounts.models import Membership, Role, User
    from pantau.evaluations.instruments import EXISTING_CODE
    from pantau.evaluations.models import EvaluationInstrument, Indicator, Lokus, Round, Score
    from pantau.organisations.models import Agency, ServiceUnit
    from pantau.surveys.models import AnswerTally, Collection, Item, ResponseTally

    size = int(sys.argv[1])
    call_command("migrate", verbosity=0)
    rng = random.Random(2026)
    body, _ = Agency.objects.get_or_create(
        slug="bench-kemenpanrb", defaults={"name": "Bench body", "kind": Agency.Kind.MINISTRY}
    )
    evaluators = []
    for name in ("bench-penilai-1", "bench-penilai-2"):
        user, _ = User.objects.get_or_create(username=name, defaults={"email": f"{name}@x.example"})
        Membership.objects.get_or_create(user=user, role=Role.EVALUATOR, agency=None, unit=None)
        evaluators.append(user)
    instrument = EvaluationInstrument.objects.get(code=EXISTING_CODE, number=1)
    day = date(2030, 1, 1)
    round_, created = Round.objects.get_or_create(
        body=body,
        name=f"Bench round {size}",
        defaults={
            "year": 2030,
            "instrument": instrument,
            "status": Round.Status.VERIFICATION,
            "created_by": evaluators[0],
            **{
                field: day
                for field in (
                    "self_assessment_opens",
                    "self_assessment_closes",
                    "citizen_opens",
                    "citizen_closes",
                    "scoring_opens",
                    "scoring_closes",
                    "verification_opens",
                    "verification_closes",
                    "results_on",
                    "follow_up_due",
                )
            },  # fmt: skip
        },
    )
    if created:
        units = ServiceUnit.objects.bulk_create(
            [
                ServiceUnit(
                    agency=body,
                    name=f"Bench unit {i}",
                    slug=f"bench-unit-{size}-{i}",
                    address="-",
                    city="-",
                    province="-",
                )  # fmt: skip
                for i in range(size)
            ],
            batch_size=5000,
        )
        version = instrument.citizen_version
        collections = Collection.objects.bulk_create(
            [Collection(version=version, unit=unit, status="open") for unit in units],
            batch_size=5000,
        )
        lokus = Lokus.objects.bulk_create(
            [
                Lokus(round=round_, unit=unit, service_class="administrative", citizen_collection=c)
                for unit, c in zip(units, collections, strict=True)
            ],
            batch_size=5000,
        )
        through = Lokus.evaluators.through
        through.objects.bulk_create(
            [through(lokus_id=item.pk, user_id=e.pk) for item in lokus for e in evaluators],
            batch_size=10000,
        )
        indicators = list(Indicator.objects.filter(aspect__instrument=instrument))
        items = list(Item.objects.filter(version=version).values_list("id", flat=True))
        scores, tallies = [], []
        for item, collection in zip(lokus, collections, strict=True):
            mean = rng.uniform(2.0, 4.8)
            for indicator in indicators:
                value = max(0, min(5, round(rng.gauss(mean, 0.8))))
                for evaluator in evaluators:
                    scores.append(
                        Score(lokus=item, indicator=indicator, evaluator=evaluator, score=value,
                              note="bench")
                    )  # fmt: skip
            for item_id in items:
                counts = [0] * 6
                for _ in range(FORMS_PER_UNIT):
                    counts[max(0, min(5, round(rng.gauss(mean, 1))))] += 1
                tallies += [
                    AnswerTally(collection=collection, service_key=0, item_id=item_id,
                                value_int=value, count=n)
                    for value, n in enumerate(counts) if n
                ]  # fmt: skip
            if len(scores) >= 60000:
                Score.objects.bulk_create(scores, batch_size=5000)
                AnswerTally.objects.bulk_create(tallies, batch_size=5000)
                scores, tallies = [], []
        Score.objects.bulk_create(scores, batch_size=5000)
        AnswerTally.objects.bulk_create(tallies, batch_size=5000)
        ResponseTally.objects.bulk_create(
            [ResponseTally(collection=c, service_key=0, count=FORMS_PER_UNIT) for c in collections],
            batch_size=5000,
        )
    first = round_.lokus.order_by("pk").first()
    print(
        json.dumps(
            {
                "round": round_.pk,
                "lokus": first.pk,
                "units": round_.lokus.count(),
                "evaluator": evaluators[0].pk,
            }
        )
    )


if __name__ == "__main__":
    main()
