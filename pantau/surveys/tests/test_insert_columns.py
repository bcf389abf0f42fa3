"""The PostgreSQL one-statement submission takes its tables and columns from the models: a field
added to a model is written (NULL when it may be empty) or, when it is required and the statement
has no value for it, refused loudly at the first submission instead of being left out (issue 18)."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from pantau.surveys import one_statement
from pantau.surveys.models import Answer, Response


def _inserted_columns(sql: str, table: str) -> list[str]:
    start = sql.index(f"INSERT INTO {connection.ops.quote_name(table)} (") + len(
        f"INSERT INTO {connection.ops.quote_name(table)} ("
    )
    return [c.strip().strip('"') for c in sql[start : sql.index(")", start)].split(",")]


def test_every_column_of_a_response_and_an_answer_is_written():
    sql = one_statement._insert_while_open_sql()
    for model in (Response, Answer):
        expected = [f.column for f in model._meta.local_concrete_fields if not f.primary_key]
        assert _inserted_columns(sql, model._meta.db_table) == expected
    assert "batch_id" in _inserted_columns(sql, Response._meta.db_table)  # once forgotten


def test_a_required_field_without_a_value_is_refused():
    with pytest.raises(ImproperlyConfigured, match="Response.number"):
        one_statement._insert_columns(Response, {"collection": "id", "version": "1"})
