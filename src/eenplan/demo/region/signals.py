"""Signals: raised by the real signal rules over every open case of the region.

Nothing is invented here: ``signals.evaluation.evaluate_cases`` reads the generated cases as it
reads any case and raises what holds (matches, overlaps, gaps, no coordinator, stalled plans),
in batches, as ``eenplan evaluate-signals`` does; a full pass afterwards finds nothing new.
Afterwards their moments are set back to a day since the case opened, and the coordinator has
already resolved ``SIGNAL_RESOLVED_SHARE`` of the open match and overlap signals ("het is goed
zo"), as happens in a running region; a resolved signal whose situation still holds stays in the
history, out of the inbox.
"""

import datetime
import random

from django.db import connection

from eenplan.cases.constants import TimelineEventKind
from eenplan.cases.models import TimelineEvent
from eenplan.demo.region import texts
from eenplan.demo.region.draw import DAY, UTC, between
from eenplan.demo.region.records import World
from eenplan.demo.region.volumes import SIGNAL_RESOLVED_SHARE
from eenplan.demo.region.writer import BulkWriter
from eenplan.signals.constants import DUPLICATION_KINDS, SignalOutcome, SignalStatus
from eenplan.signals.evaluation import evaluate_cases
from eenplan.signals.models import Signal

BATCH = 500
HOUR = datetime.timedelta(hours=1)


def planned_rows(world: World) -> int:
    return len(world.open_cases)


def raise_signals(world: World, writer: BulkWriter) -> None:
    ids = [case.id for case in world.open_cases]
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        evaluate_cases(batch, today=world.today)
        if writer.progress:
            writer.progress(len(batch))
    _backdate(world, writer, world.rng("signals"))


def _backdate(world: World, writer: BulkWriter, rng: random.Random) -> None:
    cases = {case.id: case for case in world.open_cases}
    adapt = connection.ops.adapt_datetimefield_value  # a raw statement gets the backend's form
    signals = Signal.objects.filter(case_id__in=list(cases), status=SignalStatus.OPEN)
    raised, resolved, events = [], [], []
    for pk, kind, case_id in signals.values_list("pk", "kind", "case_id").order_by("pk").iterator():
        case = cases[case_id]
        day = between(rng, max(case.opened, world.today - 180 * DAY), world.today)
        moment = _moment(rng, day)
        raised.append((adapt(moment), pk))
        if kind in DUPLICATION_KINDS and case.coordinator and rng.random() < SIGNAL_RESOLVED_SHARE:
            done = max(_moment(rng, between(rng, day, world.today)), moment + HOUR)
            resolved.append(
                (SignalStatus.RESOLVED, SignalOutcome.FINE, texts.SIGNAL_NOTE, case.coordinator,
                 adapt(done), pk)
            )  # fmt: skip
            events.append(
                (world.new_uuid(), case_id, done, case.coordinator, case.coordinator_org.id,
                 TimelineEventKind.SIGNAL_RESOLVED, "Signaal afgehandeld: het is goed zo.")
            )  # fmt: skip
    table = connection.ops.quote_name(Signal._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(f"UPDATE {table} SET raised_at = %s WHERE id = %s", raised)
        cursor.executemany(
            f"UPDATE {table} SET status = %s, outcome = %s, note = %s, resolved_by_id = %s, "
            "resolved_at = %s WHERE id = %s",
            resolved,
        )
    writer.write(
        TimelineEvent,
        ["uuid", "case_id", "occurred_at", "actor_id", "actor_organisation_id", "kind", "summary"],
        events,
    )


def _moment(rng: random.Random, day: datetime.date) -> datetime.datetime:
    return datetime.datetime(
        day.year, day.month, day.day, rng.randint(6, 16), rng.randint(0, 59), tzinfo=UTC
    )
