"""The one-statement submission on PostgreSQL (decision 0018): a citizen's response, its answers
and both tallies written by one INSERT … SELECT that itself checks that the collection is open and
that the submission is neither a resend nor a recent duplicate. Its columns come from the models
(``_insert_columns``), so a new field cannot be left out silently (issue 18)."""

import functools
from contextlib import nullcontext
from datetime import datetime

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from .models import Answer, AnswerTally, Collection, Response, ResponseTally
from .receipts import new_receipt_number


def _insert_columns(model, expressions: dict[str, str]) -> tuple[str, str]:
    """(columns, expressions) of an INSERT … SELECT into ``model``'s table, derived from the
    model: every concrete field but the key, with its expression from ``expressions``, or NULL
    when the field may be empty. A new required field raises here, at the first submission of
    the PostgreSQL test run, instead of being silently left out (issue 18)."""
    from django.core.exceptions import ImproperlyConfigured

    columns, values = [], []
    for field in model._meta.local_concrete_fields:
        if field.primary_key:
            continue
        if field.name in expressions:
            value = expressions[field.name]
        elif field.null:
            value = "NULL"
        else:
            raise ImproperlyConfigured(
                f"{model.__name__}.{field.name} has no value in the one-statement insert."
            )
        columns.append(connection.ops.quote_name(field.column))
        values.append(value)
    return ", ".join(columns), ", ".join(values)


@functools.cache
def _insert_while_open_sql() -> str:
    """The one-statement submission (``_insert_while_open``): table and column names from the
    models, every value a parameter.

    Long: one SQL statement (decision 0018) written out whole, so that it reads as SQL."""
    table = {
        model: connection.ops.quote_name(model._meta.db_table)
        for model in (Collection, Response, Answer, AnswerTally, ResponseTally)
    }
    response_columns, response_values = _insert_columns(
        Response,
        {
            "collection": "id",
            "version": "%(version)s",
            "service": "%(service)s",
            "number": "%(number)s",
            "submitted_at": "%(at)s",
            "source": "%(source)s",
            "submission_token": "%(token)s",
            "fingerprint": "%(fingerprint)s",
        },
    )
    answer_columns, answer_values = _insert_columns(
        Answer,
        {
            "response": "new_response.id",
            "collection": "%(collection)s",
            "service": "%(service)s",
            "item": "given.item",
            "value_int": "given.value",
            "value_text": "given.text",
        },
    )
    answer_tally_columns, answer_tally_values = _insert_columns(
        AnswerTally,
        {
            "collection": "%(collection)s",
            "service_key": "%(service_key)s",
            "item": "given.item",
            "value_int": "given.value",
            "count": "1",
        },
    )
    response_tally_columns, response_tally_values = _insert_columns(
        ResponseTally,
        {"collection": "%(collection)s", "service_key": "%(service_key)s", "count": "1"},
    )
    return f"""
WITH open_collection AS (
    SELECT id FROM {table[Collection]}
    WHERE id = %(collection)s AND status = 'open'
      AND NOT EXISTS (SELECT 1 FROM {table[Response]} WHERE submission_token = %(token)s)
      AND NOT EXISTS (
          SELECT 1 FROM {table[Response]}
          WHERE %(duplicate_since)s::timestamptz IS NOT NULL
            AND collection_id = %(collection)s AND fingerprint = %(fingerprint)s
            AND submitted_at >= %(duplicate_since)s::timestamptz)
), new_response AS (
    INSERT INTO {table[Response]} ({response_columns})
    SELECT {response_values}
    FROM open_collection
    RETURNING id
), answers AS (
    INSERT INTO {table[Answer]} ({answer_columns})
    SELECT {answer_values}
    FROM new_response,
         unnest(%(items)s::bigint[], %(values)s::smallint[], %(texts)s::text[])
             AS given(item, value, text)
), answer_tallies AS (
    INSERT INTO {table[AnswerTally]} ({answer_tally_columns})
    SELECT {answer_tally_values}
    FROM new_response, unnest(%(items)s::bigint[], %(values)s::smallint[]) AS given(item, value)
    WHERE given.value IS NOT NULL
    ON CONFLICT (collection_id, service_key, item_id, value_int)
        DO UPDATE SET count = {table[AnswerTally]}.count + excluded.count
), response_tallies AS (
    INSERT INTO {table[ResponseTally]} ({response_tally_columns})
    SELECT {response_tally_values} FROM new_response
    ON CONFLICT (collection_id, service_key)
        DO UPDATE SET count = {table[ResponseTally]}.count + excluded.count
)
SELECT id FROM new_response
"""  # noqa: S608 - identifiers from the models, every value a parameter


def _insert_while_open(
    *,
    collection,
    answers,
    submission_token,
    source,
    service,
    fingerprint,
    duplicate_since: datetime | None = None,
) -> Response | None:
    """PostgreSQL: the response, its answers and both tallies in one statement, saved only if
    at that moment the collection is open, no response has the same ``submission_token`` and,
    with ``duplicate_since``, no response of the collection since then has the same
    fingerprint; None otherwise (the caller finds out which). A single statement is atomic by
    itself, so a citizen's submission costs one round trip instead of six (BEGIN, four inserts,
    COMMIT); it writes exactly the rows ``_save_response`` writes (the tests run both)."""
    values = {
        "duplicate_since": duplicate_since,
        "collection": collection.pk,
        "version": collection.version_id,
        "service": getattr(service, "pk", None),
        "service_key": getattr(service, "pk", None) or 0,
        "number": new_receipt_number(),
        "at": timezone.now(),
        "source": source,
        "token": submission_token,
        "fingerprint": fingerprint,
        "items": [item.pk for item, _number, _text in answers],
        "values": [number for _item, number, _text in answers],
        "texts": [text for _item, _number, text in answers],
    }
    # Inside a caller's transaction a failed insert must not break it: a savepoint then.
    guard = transaction.atomic() if connection.in_atomic_block else nullcontext()
    with guard, connection.cursor() as cursor:
        cursor.execute(_insert_while_open_sql(), values)
        row = cursor.fetchone()
    if row is None:
        return None
    response = Response(
        id=row[0],
        collection=collection,
        version_id=collection.version_id,
        service=service,
        number=values["number"],
        submitted_at=values["at"],
        source=source,
        submission_token=submission_token,
        fingerprint=fingerprint,
    )
    response._state.adding = False
    response._state.db = connection.alias
    return response


def insert_fresh(**kwargs) -> Response | None:
    """``_insert_while_open``, drawing another receipt number in the (about one in 10^12) case
    that the random one was taken; None when the statement saved nothing, or when a resend of
    the same submission won a race (the caller then finds it)."""
    for _attempt in range(3):
        try:
            return _insert_while_open(**kwargs)
        except IntegrityError:
            if Response.objects.filter(submission_token=kwargs["submission_token"]).exists():
                return None
    raise RuntimeError("Could not draw a free receipt number.")
