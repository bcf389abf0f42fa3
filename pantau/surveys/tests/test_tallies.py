import random
import uuid

import pytest
from django.core.management import call_command
from django.db.models import Count

from pantau.organisations.tests.factories import ServiceFactory
from pantau.satisfaction.instrument import ELEMENT_KEYS, national_skm_version
from pantau.surveys.models import (
    Answer,
    AnswerTally,
    Collection,
    Item,
    RefusedSubmission,
    Response,
    ResponseTally,
)
from pantau.surveys.services import (
    ResponseRow,
    SubmissionRefused,
    bulk_create_responses,
    submit_public_response,
    submit_response,
)
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


def _public_answers(items, rng):
    chosen = [(items[k], rng.randint(1, 4), "") for k in ELEMENT_KEYS]
    chosen.append((items["saran"], None, "Antrean perlu nomor."))
    return chosen


def test_a_public_submission_writes_the_same_rows_on_every_database(unit_a):
    """On PostgreSQL a citizen's submission is one statement (surveys.services
    ._insert_while_open), elsewhere the ORM's inserts: either way the response, its answers and
    the tallies are exactly these."""
    rng = random.Random(11)
    collection = Collection.objects.create(
        version=national_skm_version(), unit=unit_a, status="open"
    )
    items = {i.key: i for i in Item.objects.filter(version=collection.version)}
    service = ServiceFactory(unit=unit_a)
    given = _public_answers(items, rng)
    token = uuid.uuid4()
    response, created = submit_public_response(
        collection=collection,
        answers=given,
        submission_token=token,
        client_key="k1",
        service=service,
    )
    assert created
    saved = Response.objects.get(submission_token=token)
    assert saved.pk == response.pk and saved.number == response.number
    assert (saved.collection_id, saved.service_id, saved.source) == (
        collection.pk,
        service.pk,
        "web",
    )
    assert saved.version_id == collection.version_id and saved.entered_by_id is None
    assert sorted(
        saved.answers.values_list("item_id", "value_int", "value_text", "service_id")
    ) == sorted((item.pk, number, text, service.pk) for item, number, text in given)
    assert _tallies(collection) == _from_answers(collection)
    again, created = submit_public_response(
        collection=collection,
        answers=_public_answers(items, rng),
        submission_token=token,
        client_key="k1",
        service=service,
    )
    assert not created and again.pk == response.pk
    assert Response.objects.filter(collection=collection).count() == 1
    assert _tallies(collection) == _from_answers(collection)


def test_a_survey_closed_meanwhile_refuses_and_counts_the_submission(unit_a):
    collection = Collection.objects.create(
        version=national_skm_version(), unit=unit_a, status="open"
    )
    items = {i.key: i for i in Item.objects.filter(version=collection.version)}
    Collection.objects.filter(pk=collection.pk).update(status="closed")  # the page was open
    with pytest.raises(SubmissionRefused) as refused:
        submit_public_response(
            collection=collection,
            answers=_public_answers(items, random.Random(3)),
            submission_token=uuid.uuid4(),
            client_key="k2",
        )
    assert refused.value.reason == "closed"
    assert not Response.objects.filter(collection=collection).exists()
    assert not Answer.objects.filter(collection=collection).exists()
    assert _tallies(collection) == ({}, {})
    assert RefusedSubmission.objects.filter(collection=collection, reason="closed").count() == 1
