"""Timing the main reads: wall-clock time with ``time.perf_counter`` and the SQL query count.

Each measurement calls the read a few times to warm up, once under ``CaptureQueriesContext`` to
count its queries, then ``repetitions`` times under the clock. Before every call the user's cached
memberships are dropped, as a new request would start without them; so the counts include the one
query that loads them for the access log.
"""

import statistics
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from eenplan.cases.models import Case, Involvement
from eenplan.cases.selectors import case_list
from eenplan.people.models import Household
from eenplan.people.selectors import household_client_view, person_search
from eenplan.privacy.constants import Action
from eenplan.privacy.policy import active_involvement
from eenplan.privacy.services import access_log_write
from eenplan.tenancy.models import User

TRANSACTION_CONTROL = {"BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE"}


@dataclass(frozen=True)
class Measurement:
    """The timings (ms) of one read, its SQL query count and the size of what it returned."""

    name: str
    description: str
    result: str
    queries: int
    transaction_control: int
    statements: str
    timings_ms: list[float]
    warmup: int
    slowest_sql: str

    @property
    def median(self) -> float:
        return statistics.median(self.timings_ms)

    @property
    def p95(self) -> float:
        return statistics.quantiles(self.timings_ms, n=20, method="inclusive")[18]


@dataclass(frozen=True)
class Targets:
    """What the reads are about: a busy professional and a visible household of 6."""

    user: User
    household: Household
    surname: str
    postcode: str
    case: Case | None


def fresh(user: User) -> User:
    """The user as at the start of a request: memberships not loaded yet."""
    user.__dict__.pop("_active_memberships", None)
    return user


def find_targets() -> Targets:
    """The professional of the organisation with most active involvements, and a household of 6
    this professional may see."""
    busiest = (
        Involvement.objects.filter(active_involvement())
        .values("organisation_id")
        .annotate(n=Count("pk"))
        .order_by("-n", "organisation_id")
        .first()
    )
    user = User.objects.get(
        memberships__organisation_id=busiest["organisation_id"], memberships__is_active=True
    )
    household = (
        Household.objects.visible_to(user)
        .annotate(size=Count("memberships"))
        .filter(size=6)
        .order_by("pk")
        .first()
    )
    if household is None:
        raise RuntimeError("No visible household of 6: generate more households.")
    contact = household.memberships.select_related("person").get(is_contact=True).person
    case = Case.objects.visible_to(user).filter(household=household).open().first()
    return Targets(user, household, contact.surname, contact.postcode, case)


def measure(
    name: str, description: str, read: Callable[[], str], *, repetitions: int, warmup: int
) -> Measurement:
    """Warm up, count the queries of one call, then time ``repetitions`` calls."""
    for _ in range(warmup):
        read()
    with CaptureQueriesContext(connection) as captured:
        result = read()
    timings = []
    for _ in range(repetitions):
        started = time.perf_counter()
        read()
        timings.append((time.perf_counter() - started) * 1000)
    statements = [q["sql"] for q in captured.captured_queries]
    control = sum(_is_transaction_control(sql) for sql in statements)
    return Measurement(
        name=name,
        description=description,
        result=result,
        queries=len(statements) - control,
        transaction_control=control,
        statements=" · ".join(f"{kind} {n}" for kind, n in Counter(map(_kind, statements)).items()),
        timings_ms=timings,
        warmup=warmup,
        slowest_sql=_slowest_select(captured.captured_queries),
    )


def _kind(sql: str) -> str:
    return sql.lstrip().split(" ", 1)[0].upper()


def _is_transaction_control(sql: str) -> bool:
    return _kind(sql) in TRANSACTION_CONTROL


def _slowest_select(queries: list[dict]) -> str:
    selects = [q for q in queries if q["sql"].lstrip().upper().startswith("SELECT")]
    return max(selects, key=lambda q: float(q["time"]), default={"sql": ""})["sql"]


def reads(targets: Targets) -> list[tuple[str, str, Callable[[], str]]]:
    """The reads to time: ``(name, description, call returning a short result description)``."""
    user, household = targets.user, targets.household

    def client_view() -> str:
        view = household_client_view(user=fresh(user), household_uuid=household.uuid)
        return f"{len(view.members)} members, {len(view.timeline)} timeline events"

    def cases_page() -> str:
        listing = case_list(user=fresh(user), page=1, page_size=25)
        return f"{len(listing.items)} of {listing.count} cases"

    def search(**criteria) -> Callable[[], str]:
        return lambda: f"{len(person_search(user=fresh(user), **criteria))} persons"

    def count() -> str:
        return f"{Case.objects.visible_to(fresh(user)).count()} cases"

    members = [m.person for m in household.memberships.select_related("person")]

    def log_write() -> str:
        subjects = [(targets.case, person) for person in members]
        entries = access_log_write(
            actor=fresh(user), action=Action.READ, name="bench", subjects=subjects
        )
        return f"{len(entries)} entries"

    return [
        (
            "household_client_view",
            "household of 6 with its cases, involvements and newest timeline events",
            client_view,
        ),
        ("case_list", "page 1, page_size 25, newest first", cases_page),
        ("person_search (surname)", f"name={targets.surname!r}", search(name=targets.surname)),
        (
            "person_search (postcode)",
            f"postcode={targets.postcode!r}",
            search(postcode=targets.postcode),
        ),
        ("Case.visible_to(user).count()", "every case the user may see", count),
        ("access_log_write", "6 (case, person) entries in one INSERT, on its own", log_write),
    ]


def run_all(targets: Targets, *, repetitions: int, warmup: int) -> list[Measurement]:
    return [
        measure(name, description, read, repetitions=repetitions, warmup=warmup)
        for name, description, read in reads(targets)
    ]


def explain(sql: str) -> str:
    """The database's plan for one captured SELECT (``EXPLAIN ANALYZE`` on PostgreSQL)."""
    if not sql:
        return ""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN ANALYZE " + sql)
            return "\n".join(row[0] for row in cursor.fetchall())
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql)
        return _indented_sqlite_plan(cursor.fetchall())


def _indented_sqlite_plan(rows) -> str:
    depth = {0: -1}
    lines = []
    for node, parent, _, detail in rows:
        depth[node] = depth.get(parent, -1) + 1
        lines.append("  " * depth[node] + detail)
    return "\n".join(lines)
