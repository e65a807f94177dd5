"""What the benchmark measures inside one Django process, where HTTP cannot see it: the signal
check a write pays, the access log's share of a read, an iWmo 323 import of 10,000 claim lines,
counting the dashboard (the refresh job) and the full signals pass. Runs after
``django.setup()`` against the region database.

Every measure leaves the database as it would be after normal use: the import is rolled back,
so a second run finds the same months open to claim.
"""

import datetime
import math
import random
import statistics
import sys
import time
from dataclasses import asdict
from unittest import mock

from django.conf import settings
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from bench.targets import Targets
from eenplan.cases.models import Case
from eenplan.indicators import selectors as indicators
from eenplan.indicators.forms import DEFAULT_TREND
from eenplan.indicators.periods import last_quarters
from eenplan.people import selectors as people_selectors
from eenplan.provisions import amounts
from eenplan.provisions.constants import DecisionStatus
from eenplan.provisions.messages import samples
from eenplan.provisions.messages.selectors import EXCHANGE_ROLES
from eenplan.provisions.messages.services import may_exchange_messages, message_import
from eenplan.provisions.models import Decision
from eenplan.signals.services import signals_full_pass, signals_refresh_case
from eenplan.tenancy.models import Municipality, User

SAMPLES = 100
WARMUP = 5
CLAIM_LINES = 10_000
# docs/region.md, "For benchmarks": the allocations with months open to claim.
CLAIM_PROVIDER, CLAIM_MUNICIPALITY = "Thuiszorg Veenland", "GM9801"


def _ms(seconds: list[float]) -> dict:
    milliseconds = [s * 1000 for s in seconds]
    return {
        "p50_ms": round(statistics.median(milliseconds), 1),
        "p95_ms": round(statistics.quantiles(milliseconds, n=20, method="inclusive")[-1], 1),
        "samples": len(milliseconds),
    }


def _fresh(user: User) -> User:
    """The user as at the start of a request: memberships not loaded yet."""
    user.__dict__.pop("_active_memberships", None)
    return user


def signal_check(reader: User, seed: int = 1) -> dict:
    """``signals_refresh_case`` as a write runs it: at the end of the write's transaction."""
    open_cases = list(Case.objects.visible_to(reader).open().values_list("pk", flat=True))
    sample = random.Random(seed).sample(open_cases, min(SAMPLES + WARMUP, len(open_cases)))
    cases = list(Case.objects.filter(pk__in=sample))
    timings = []
    for number, case in enumerate(cases):
        with transaction.atomic():
            started = time.perf_counter()
            signals_refresh_case(case=case)
            elapsed = time.perf_counter() - started
        if number >= WARMUP:
            timings.append(elapsed)
    return _ms(timings)


def access_logging(reader: User, households: list[str]) -> dict:
    """The client view read as a request runs it (autocommit, so the seal after the commit runs
    at once), with the time of ``access_log_write`` (writing and sealing) taken out."""
    write = people_selectors.access_log_write
    logging: list[float] = []

    def timed_write(**kwargs):
        started = time.perf_counter()
        try:
            return write(**kwargs)
        finally:
            logging.append(time.perf_counter() - started)

    reads = []
    with mock.patch.object(people_selectors, "access_log_write", timed_write):
        for household in households[: SAMPLES + WARMUP]:
            started = time.perf_counter()
            people_selectors.household_client_view(user=_fresh(reader), household_uuid=household)
            reads.append(time.perf_counter() - started)
    read, log = _ms(reads[WARMUP:]), _ms(logging[WARMUP:])
    return {
        "read": read,
        "logging": log,
        "overhead_percent": round(100 * log["p50_ms"] / (read["p50_ms"] - log["p50_ms"]), 1),
    }


def _claim_decisions() -> list[Decision]:
    return list(
        Decision.objects.filter(
            provider__name=CLAIM_PROVIDER,
            case__household__municipality__cbs_code=CLAIM_MUNICIPALITY,
            status=DecisionStatus.GRANTED,
            person__bsn_digest__gt="",
            end_date__gte=timezone.localdate(),
        )
        .select_related("provider", "product", "person", "case__household__municipality")
        .order_by("pk")
    )


def _claim_items(decisions: list[Decision], lines: int) -> list[samples.ClaimItem]:
    """One line per decision and month, from this month on, month by month until ``lines``."""
    items = []
    month = timezone.localdate().replace(day=1)
    while len(items) < lines:
        month_end = amounts.add_months(month, 1) - datetime.timedelta(days=1)
        claimable = [d for d in decisions if d.start_date <= month and month_end <= d.end_date]
        if not claimable:
            raise RuntimeError(f"Only {len(items)} claim lines fit the region's allocations.")
        items += [samples.ClaimItem(d, period_start=month, period_end=month_end) for d in claimable]
        month = amounts.add_months(month, 1)
    return items[:lines]


def _exchanger(municipality: Municipality) -> User:
    """Someone who may exchange the municipality's messages (a consulent, a functional admin)."""
    candidates = User.objects.filter(
        is_active=True, memberships__is_active=True, memberships__role__in=EXCHANGE_ROLES
    ).distinct()
    for user in candidates.order_by("pk"):
        if may_exchange_messages(user, municipality):
            return user
    raise RuntimeError(f"Nobody exchanges messages for {municipality.name}.")


def claim_import(lines: int = CLAIM_LINES) -> dict:
    """An iWmo 323 of ``lines`` lines imported in a transaction that is rolled back."""
    decisions = _claim_decisions()
    if not decisions:
        raise RuntimeError("No allocations to claim: see docs/region.md, 'For benchmarks'.")
    municipality = decisions[0].case.household.municipality
    actor = _exchanger(municipality)
    started = time.perf_counter()
    content = samples.claim_xml(_claim_items(decisions, lines))
    built = time.perf_counter() - started
    # 10,000 lines are about 10 MB, more than the upload limit (EENPLAN_MAX_UPLOAD_MB) may be:
    # raised for this measure, and the report says so.
    needed_mb = math.ceil(len(content) / 1024**2)
    with (
        override_settings(MAX_UPLOAD_MB=max(needed_mb, settings.MAX_UPLOAD_MB)),
        transaction.atomic(),
    ):
        started = time.perf_counter()
        message = message_import(
            actor=actor, municipality=municipality, content=content, file_name="323-bench.xml"
        )
        imported = time.perf_counter() - started
        transaction.set_rollback(True)
    outcome = message.outcome
    return {
        "seconds": round(imported, 1),
        "lines": outcome["accepted"] + outcome["refused"],
        "accepted": outcome["accepted"],
        "summary": outcome["summary"],
        "build_xml_seconds": round(built, 1),
        "xml_mib": round(len(content) / 1024**2, 1),
        "upload_limit_mb": settings.MAX_UPLOAD_MB,
        "allocations": len(decisions),
    }


def dashboard_refresh() -> dict:
    """What the refresh job does every 10 minutes: the dashboard's counts, computed cold."""
    quarters = last_quarters(DEFAULT_TREND)
    started = time.perf_counter()
    cells = indicators.dashboard_refresh(quarters)
    return {"seconds": round(time.perf_counter() - started, 1), "cells": cells}


def full_signals_pass() -> dict:
    result = signals_full_pass()
    return {"seconds": round(result.seconds, 1), **asdict(result.summary)}


def measure(targets: Targets) -> dict:
    reader = User.objects.get(username=targets.reader)
    results = {}
    for name, run in (
        ("signal_check", lambda: signal_check(reader)),
        ("access_logging", lambda: access_logging(reader, targets.households)),
        ("claim_import", claim_import),
        ("dashboard_refresh", dashboard_refresh),
        ("signals_full_pass", full_signals_pass),
    ):
        results[name] = run()
        print(f"  {name}: {results[name]}", file=sys.stderr, flush=True)
    return results
