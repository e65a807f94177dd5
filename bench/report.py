"""The benchmark report in Markdown: machine, data sizes, a summary and a table per measurement."""

import datetime
import os
import platform
import sqlite3
from collections.abc import Iterable

import django
from django.db import connection

from bench.measure import Measurement, Targets
from eenplan.cases.models import Case, Involvement, TimelineEvent
from eenplan.people.models import Household, Person
from eenplan.privacy.models import AccessLogEntry
from eenplan.tenancy.models import Organisation, User

COUNTED = [
    ("households", Household),
    ("persons", Person),
    ("persons with a BSN", None),
    ("cases", Case),
    ("involvements", Involvement),
    ("timeline events", TimelineEvent),
    ("organisations", Organisation),
    ("users", User),
    ("access-log rows", AccessLogEntry),
]


def row_counts() -> dict[str, int]:
    """Rows per table, as they are now."""
    counts = {}
    for label, model in COUNTED:
        if model is None:
            counts[label] = Person.objects.exclude(bsn="").count()
        else:
            counts[label] = model.objects.count()
    return counts


def database_version() -> str:
    if connection.vendor == "sqlite":
        return f"SQLite {sqlite3.sqlite_version}"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return f"PostgreSQL {cursor.fetchone()[0]}"


def machine_info(*, load: tuple[float, float]) -> dict[str, str]:
    """The machine; ``load``: 1-minute load average before and after the timed reads."""
    return {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "python": platform.python_version(),
        "django": django.get_version(),
        "database": database_version(),
        "platform": platform.platform(),
        "CPUs": str(os.cpu_count()),
        "load average (1 min)": f"{load[0]:.2f} before, {load[1]:.2f} after the timed reads",
    }


def reader_info(targets: Targets) -> dict[str, str]:
    """Who reads what: the professional, their organisation's workload and the chosen data."""
    organisation = targets.user.acting_organisation
    active = Involvement.objects.active().filter(organisation=organisation).count()
    return {
        "professional": targets.user.username,
        "organisation": f"{organisation.name} ({active} active involvements)",
        "household": f"{targets.household.name} (6 persons)",
        "surname searched": targets.surname,
        "postcode searched": targets.postcode,
    }


def _table(header: tuple[str, ...], rows: Iterable[tuple]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return lines


def _summary(measurements: list[Measurement]) -> list[str]:
    return _table(
        (
            "read",
            "median ms",
            "p95 ms",
            "per s, 1 worker",
            "SQL queries",
            "+ BEGIN/COMMIT",
            "result",
        ),
        (
            (
                f"`{m.name}`",
                f"{m.median:.2f}",
                f"{m.p95:.2f}",
                f"{1000 / m.median:.0f}",
                m.queries,
                m.transaction_control,
                m.result,
            )
            for m in measurements
        ),
    )


def _measurement(m: Measurement, plan: str) -> list[str]:
    lines = [f"### `{m.name}`", "", m.description, ""]
    lines += _table(
        ("", ""),
        [
            ("median", f"{m.median:.2f} ms"),
            ("p95", f"{m.p95:.2f} ms"),
            ("min / max", f"{min(m.timings_ms):.2f} / {max(m.timings_ms):.2f} ms"),
            ("SQL queries", m.queries),
            ("+ transaction control", m.transaction_control),
            ("statements", m.statements),
            ("result", m.result),
            ("repetitions", f"{len(m.timings_ms)} (after {m.warmup} warm-up)"),
        ],
    )
    if plan:
        lines += ["", "Plan of its slowest SELECT:", "", "```", plan, "```"]
    return [*lines, ""]


def render(
    *,
    machine: dict[str, str],
    reader: dict[str, str],
    before: dict[str, int],
    after: dict[str, int],
    measurements: list[Measurement],
    plans: dict[str, str],
) -> str:
    """The whole report. ``before``/``after``: row counts before and after the timed reads."""
    lines = ["# EenPlan read benchmark", ""]
    lines += _table(("machine", ""), machine.items())
    lines += ["", "## Reader", ""]
    lines += _table(("", ""), reader.items())
    lines += ["", "## Data", ""]
    lines += _table(("table", "rows"), ((label, before[label]) for label in before))
    lines += [
        "",
        f"The timed reads added {after['access-log rows'] - before['access-log rows']} "
        "access-log rows.",
        "",
        "## Summary",
        "",
    ]
    lines += _summary(measurements)
    lines += ["", "## Measurements", ""]
    for m in measurements:
        lines += _measurement(m, plans.get(m.name, ""))
    return "\n".join(lines)
