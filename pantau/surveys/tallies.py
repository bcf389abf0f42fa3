"""Keep AnswerTally and ResponseTally in step with the answers saved (same transaction).

One multi-row INSERT ... ON CONFLICT DO UPDATE per batch works on PostgreSQL and SQLite alike.
``rebuild_tallies`` recomputes them from the answers (the `pantau rebuild_tallies` command).
"""

from collections import Counter
from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import Count

from .models import Answer, AnswerTally, Collection, Response, ResponseTally

CHUNK = 500


def _upsert(table: str, key_columns: list[str], rows: list[tuple]) -> None:
    columns = [*key_columns, "count"]
    placeholders = "(" + ", ".join(["%s"] * len(columns)) + ")"
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        sql = (
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES {', '.join([placeholders] * len(chunk))} "  # noqa: S608 - fixed names
            f"ON CONFLICT ({', '.join(key_columns)}) DO UPDATE SET count = {table}.count + excluded.count"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [value for row in chunk for value in row])


def add_to_tallies(
    collection_id: int, entries: Iterable[tuple[int | None, list[tuple[int, int | None]]]]
) -> None:
    """``entries``: for each new response, (service id or None, [(item id, value or None), ...])."""
    answers: Counter = Counter()
    responses: Counter = Counter()
    for service_id, pairs in entries:
        service_key = service_id or 0
        responses[service_key] += 1
        for item_id, value in pairs:
            if value is not None:
                answers[(collection_id, service_key, item_id, value)] += 1
    _upsert(
        AnswerTally._meta.db_table,
        ["collection_id", "service_key", "item_id", "value_int"],
        [(*key, n) for key, n in sorted(answers.items())],
    )
    _upsert(
        ResponseTally._meta.db_table,
        ["collection_id", "service_key"],
        [(collection_id, key, n) for key, n in sorted(responses.items())],
    )


@transaction.atomic
def rebuild_tallies(collection: Collection) -> None:
    AnswerTally.objects.filter(collection=collection).delete()
    ResponseTally.objects.filter(collection=collection).delete()
    AnswerTally.objects.bulk_create(
        AnswerTally(
            collection=collection,
            service_key=row["service_id"] or 0,
            item_id=row["item_id"],
            value_int=row["value_int"],
            count=row["n"],
        )
        for row in Answer.objects.filter(collection=collection, value_int__isnull=False)
        .values("service_id", "item_id", "value_int")
        .annotate(n=Count("id"))
        .order_by()
    )
    ResponseTally.objects.bulk_create(
        ResponseTally(collection=collection, service_key=row["service_id"] or 0, count=row["n"])
        for row in Response.objects.filter(collection=collection)
        .values("service_id")
        .annotate(n=Count("id"))
        .order_by()
    )
