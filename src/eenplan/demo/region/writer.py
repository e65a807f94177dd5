"""Writing generated rows straight into tables: COPY on PostgreSQL, large batches elsewhere.

One small interface for every domain writer of the region: ``reserve`` hands out primary keys
before the rows exist (so rows of other tables can point at them), ``write`` sends rows as tuples
in the order of the named fields. Fields a row does not name get the model field's constant
default (an empty text, ``False``, ``{}``), so a domain writer only names what it draws; a field
without a usable default (a UUID, a moment set by ``auto_now``) must be named, or ``write``
raises before anything is sent.

PostgreSQL gets one ``COPY ... FROM STDIN`` per call (psycopg's ``cursor.copy``), values adapted
by psycopg; SQLite (the embedded default, used for small regions and the unit tests) gets
``executemany`` in batches of ``batch`` rows, each value prepared by its model field as the ORM
would.
"""

import json
import uuid
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import islice

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.db.models import Field, JSONField, Model


@dataclass(frozen=True)
class _Table:
    """How rows for one model and list of fields go into its table."""

    name: str
    columns: list[str]
    fields: list[Field]
    defaults: tuple  # values for the columns the rows do not name, appended to each row


class BulkWriter(ABC):
    """Base: the shared preparation; ``PostgresWriter`` and ``BatchWriter`` send the rows."""

    def __init__(self, batch: int = 10_000) -> None:
        self.batch = batch
        self.counts: Counter[str] = Counter()  # rows written per model label
        self.progress: Callable[[int], object] | None = None  # called with rows sent
        self._tables: dict[tuple, _Table] = {}

    @abstractmethod
    def reserve(self, model: type[Model], count: int) -> int:
        """The first of ``count`` consecutive primary keys nobody else will get."""

    @abstractmethod
    def write(self, model: type[Model], names: Sequence[str], rows: Iterable[Sequence]) -> int:
        """Write ``rows`` (tuples in the order of ``names``); returns how many."""

    @abstractmethod
    def suspend_checks(self, models: Iterable[type[Model]]) -> None:
        """Set the tables' secondary indexes and constraints aside while loading, until
        ``restore_checks`` puts them back (checking every row at once)."""

    @abstractmethod
    def restore_checks(self) -> None:
        """Put back what ``suspend_checks`` set aside."""

    def _table(self, model: type[Model], names: Sequence[str]) -> _Table:
        key = (model, tuple(names))
        if key not in self._tables:
            self._tables[key] = _prepare(model, names)
        return self._tables[key]

    def _sent(self, model: type[Model], count: int) -> None:
        self.counts[model._meta.label] += count
        if self.progress is not None and count:
            self.progress(count)


def _prepare(model: type[Model], names: Sequence[str]) -> _Table:
    meta = model._meta
    fields = [meta.get_field(name) for name in names]
    named = {field.attname for field in fields}
    rest = [f for f in meta.concrete_fields if f.attname not in named and not f.primary_key]
    defaults = tuple(_default(model, field) for field in rest)
    return _Table(
        name=meta.db_table,
        columns=[field.column for field in (*fields, *rest)],
        fields=[*fields, *rest],
        defaults=defaults,
    )


def _default(model: type[Model], field: Field):
    """The constant value a column gets when rows do not name it."""
    if field.default is uuid.uuid4:
        raise ValueError(f"{model._meta.label}.{field.name}: give every row its own UUID.")
    value = field.get_default()
    if value is None and not field.null:
        raise ValueError(f"{model._meta.label}.{field.name} has no default: name it in the rows.")
    return value


class PostgresWriter(BulkWriter):
    """COPY, streamed: PostgreSQL parses while the next rows are drawn."""

    _aside: tuple[list, list] = ([], [])  # (constraints, indexes) set aside

    def suspend_checks(self, models: Iterable[type[Model]]) -> None:
        """Load as ``pg_restore`` does: drop the tables' secondary indexes, unique and foreign
        key constraints now, and build them again afterwards. Keeping them costs an index
        insert per row per index and, at commit, one key lookup per row per foreign key;
        building them is a sort and one join per constraint, which also checks every row.
        Primary keys and check constraints stay. The definitions come from the catalogue, so
        they return exactly as the migrations made them. The tables stay locked (and the
        region invisible) until the transaction commits."""
        tables = [model._meta.db_table for model in models]
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
            cursor.execute("SET LOCAL work_mem = '128MB'")
            cursor.execute(_SET_ASIDE_CONSTRAINTS, [tables])
            constraints = cursor.fetchall()
            cursor.execute(_SET_ASIDE_INDEXES, [tables])
            indexes = cursor.fetchall()
            for table, name, _definition in constraints:
                cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {name}")
            for name, _definition in indexes:
                cursor.execute(f"DROP INDEX {name}")
        self._aside = (constraints, indexes)

    def restore_checks(self) -> None:
        constraints, indexes = self._aside
        with connection.cursor() as cursor:
            for _name, definition in indexes:
                cursor.execute(definition)
            for table, name, definition in constraints:
                cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}")
        self._aside = ([], [])

    def reserve(self, model: type[Model], count: int) -> int:
        if count <= 0:
            return 0
        table = model._meta.db_table
        with connection.cursor() as cursor:
            # nextval takes the first key; setval moves the sequence past the whole range.
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence(%s, 'id'), "
                "nextval(pg_get_serial_sequence(%s, 'id')) + %s - 1)",
                [table, table, count],
            )
            last = cursor.fetchone()[0]
        return last - count + 1

    def write(self, model: type[Model], names: Sequence[str], rows: Iterable[Sequence]) -> int:
        table = self._table(model, names)
        as_json = [i for i, f in enumerate(table.fields) if isinstance(f, JSONField)]
        columns = ", ".join(connection.ops.quote_name(c) for c in table.columns)
        sql = f"COPY {connection.ops.quote_name(table.name)} ({columns}) FROM STDIN"
        connection.ensure_connection()
        written = 0
        with connection.connection.cursor() as cursor, cursor.copy(sql) as copy:
            pending = 0
            for row in rows:
                values = (*row, *table.defaults) if table.defaults else row
                if as_json:
                    values = list(values)
                    for index in as_json:
                        values[index] = json.dumps(values[index], cls=DjangoJSONEncoder)
                copy.write_row(values)
                pending += 1
                if pending == self.batch:
                    written += pending
                    self._sent(model, pending)
                    pending = 0
            written += pending
            self._sent(model, pending)
        return written


class BatchWriter(BulkWriter):
    """``executemany`` in batches, values prepared by their fields (SQLite and others)."""

    def __init__(self, batch: int = 10_000) -> None:
        super().__init__(batch)
        self._next_ids: dict[str, int] = {}

    # Small regions only (the tests): the checks stay in place while loading.
    def suspend_checks(self, models: Iterable[type[Model]]) -> None:
        return

    def restore_checks(self) -> None:
        return

    def reserve(self, model: type[Model], count: int) -> int:
        table = model._meta.db_table
        if table not in self._next_ids:
            with connection.cursor() as cursor:
                quoted = connection.ops.quote_name(table)
                cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {quoted}")
                self._next_ids[table] = cursor.fetchone()[0]
        first = self._next_ids[table]
        self._next_ids[table] += max(count, 0)
        return first

    def write(self, model: type[Model], names: Sequence[str], rows: Iterable[Sequence]) -> int:
        table = self._table(model, names)
        quote = connection.ops.quote_name
        columns = ", ".join(quote(c) for c in table.columns)
        marks = ", ".join(["%s"] * len(table.columns))
        sql = f"INSERT INTO {quote(table.name)} ({columns}) VALUES ({marks})"
        prepares = [_preparer(field) for field in table.fields]
        rows, written = iter(rows), 0
        with connection.cursor() as cursor:
            while chunk := list(islice(rows, self.batch)):
                cursor.executemany(
                    sql,
                    [
                        [prep(v) for prep, v in zip(prepares, (*row, *table.defaults), strict=True)]
                        for row in chunk
                    ],
                )
                written += len(chunk)
                self._sent(model, len(chunk))
        return written


def _preparer(field: Field) -> Callable:
    return lambda value: field.get_db_prep_save(value, connection)


# Unique and foreign key constraints of the tables (``ANY(%s)``: their names), unique ones
# first (a foreign key may not lean on them: Django's point at primary keys).
_SET_ASIDE_CONSTRAINTS = """
    SELECT c.conrelid::regclass::text, quote_ident(c.conname), pg_get_constraintdef(c.oid)
    FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
    WHERE t.relname = ANY(%s) AND pg_table_is_visible(t.oid)
      AND c.contype IN ('u', 'f')
    ORDER BY c.contype DESC, c.conname
"""
# Indexes that back no constraint (those go and come back with their constraint).
_SET_ASIDE_INDEXES = """
    SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
    FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
    WHERE t.relname = ANY(%s) AND pg_table_is_visible(t.oid)
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
    ORDER BY 1
"""


def bulk_writer(batch: int) -> BulkWriter:
    """The writer for the configured database."""
    if connection.vendor == "postgresql":
        return PostgresWriter(batch)
    return BatchWriter(batch)
