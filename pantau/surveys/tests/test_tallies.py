import random
import uuid

from django.core.management import call_command
from django.db.models import Count

from pantau.organisations.tests.factories import ServiceFactory
from pantau.satisfaction.instrument import ELEMENT_KEYS, national_skm_version
from pantau.surveys.models import Answer, AnswerTally, Collection, Item, Response, ResponseTally
from pantau.surveys.services import ResponseRow, bulk_create_responses, submit_response
from pantau.surveys.tallies import rebuild_tallies


def _tallies(collection):
    answers = {
        (t.service_key, t.item_id, t.value_int): t.count
        for t in AnswerTally.objects.filter(collection=collection)
    }
    responses = {
        t.service_key: t.count for t in ResponseTally.objects.filter(collection=collection)
    }
    return answers, responses


def _from_answers(collection):
    answers = {
        (row["service_id"] or 0, row["item_id"], row["value_int"]): row["n"]
        for row in Answer.objects.filter(collection=collection, value_int__isnull=False)
        .values("service_id", "item_id", "value_int")
        .annotate(n=Count("id"))
        .order_by()
    }
    responses = {
        row["service_id"] or 0: row["n"]
        for row in Response.objects.filter(collection=collection)
        .values("service_id")
        .annotate(n=Count("id"))
        .order_by()
    }
    return answers, responses


def test_tallies_always_equal_the_answers(unit_a):
    rng = random.Random(7)
    collection = Collection.objects.create(
        version=national_skm_version(), unit=unit_a, status="open"
    )
    other = Collection.objects.create(version=collection.version, unit=unit_a, status="open")
    items = {i.key: i for i in Item.objects.filter(version=collection.version)}
    services = [ServiceFactory(unit=unit_a), ServiceFactory(unit=unit_a), None]

    def answers():
        chosen = [(items[k], rng.randint(1, 4), "") for k in ELEMENT_KEYS if rng.random() > 0.1]
        chosen.append((items["saran"], None, "teks"))
        return chosen

    for _ in range(30):
        submit_response(
            collection=collection,
            answers=answers(),
            submission_token=uuid.uuid4(),
            source="web",
            service=rng.choice(services),
        )
    bulk_create_responses(
        collection=collection,
        source="import",
        rows=[ResponseRow(answers=answers(), service=rng.choice(services)) for _ in range(40)],
    )
    submit_response(
        collection=other, answers=answers(), submission_token=uuid.uuid4(), source="web"
    )
    assert _tallies(collection) == _from_answers(collection)
    assert sum(_tallies(collection)[1].values()) == 70
    rebuild_tallies(collection)
    assert _tallies(collection) == _from_answers(collection)


def test_a_resent_submission_does_not_count_twice(unit_a):
    collection = Collection.objects.create(
        version=national_skm_version(), unit=unit_a, status="open"
    )
    item = Item.objects.get(version=collection.version, key="waktu")
    token = uuid.uuid4()
    for _ in range(2):
        submit_response(
            collection=collection, answers=[(item, 3, "")], submission_token=token, source="web"
        )
    assert AnswerTally.objects.get(collection=collection).count == 1


def test_rebuild_command(unit_a):
    collection = Collection.objects.create(
        version=national_skm_version(), unit=unit_a, status="open"
    )
    item = Item.objects.get(version=collection.version, key="waktu")
    submit_response(
        collection=collection, answers=[(item, 2, "")], submission_token=uuid.uuid4(), source="web"
    )
    AnswerTally.objects.all().delete()
    call_command("rebuild_tallies", str(collection.pk))
    assert AnswerTally.objects.get(collection=collection).count == 1
