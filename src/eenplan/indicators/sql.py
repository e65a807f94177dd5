"""Two SQL building blocks the indicators need on PostgreSQL and on the embedded SQLite alike:
the number of days between two moments, and the median as an aggregate."""

import statistics

from django.db import NotSupportedError
from django.db.backends.signals import connection_created
from django.db.models import Aggregate, FloatField, Func


class DaysBetween(Func):
    """``end - start`` in days (fractional), for dates and timestamps."""

    output_field = FloatField()

    def __init__(self, end, start, **extra):
        super().__init__(end, start, **extra)

    def as_sql(self, compiler, connection, **extra):
        raise NotSupportedError("DaysBetween is written for PostgreSQL and SQLite.")

    def as_postgresql(self, compiler, connection, **extra):
        end, start = self.get_source_expressions()
        end_sql, end_params = compiler.compile(end)
        start_sql, start_params = compiler.compile(start)
        sql = (
            f"((EXTRACT(EPOCH FROM ({end_sql})::timestamptz)"
            f" - EXTRACT(EPOCH FROM ({start_sql})::timestamptz)) / 86400.0)"
        )
        return sql, (*end_params, *start_params)

    def as_sqlite(self, compiler, connection, **extra):
        return super().as_sql(
            compiler,
            connection,
            template="(julianday(%(expressions)s))",
            arg_joiner=") - julianday(",
            **extra,
        )


class Median(Aggregate):
    """The median of a numeric expression (the mean of the middle two for an even count)."""

    function = "percentile_cont"
    name = "Median"
    output_field = FloatField()
    template = "percentile_cont(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"

    def as_sqlite(self, compiler, connection, **extra):
        clone = self.copy()
        clone.template = "eenplan_median(%(expressions)s)"
        return super(Median, clone).as_sql(compiler, connection, **extra)


class _SQLiteMedian:
    def __init__(self):
        self.values = []

    def step(self, value):
        if value is not None:
            self.values.append(value)

    def finalize(self):
        return statistics.median(self.values) if self.values else None


def _register(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_aggregate("eenplan_median", 1, _SQLiteMedian)


def register_sqlite_median() -> None:
    """SQLite has no median: register one on every new connection."""
    connection_created.connect(_register, dispatch_uid="eenplan_sqlite_median")
