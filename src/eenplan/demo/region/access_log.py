"""Two years of access log, sealed in the hash chain as it is written.

Each working day professionals open households, case lists, timelines and assessments of the
cases their organisation works on; a read of a household logs one entry per member under one
trace, as ``access_log_write`` does, and a person with a BSN is named by its keyed hash. The
entries are written in the order they happened and each gets its place in the chain right away
(``privacy.chain.entry_hash``, over the values as the database gives them back), with the chain's
head moved to the last one. Without that, the first request after loading would try to seal
millions of rows, and ``eenplan verify-access-log`` passes as for any sealed log.

The chain's head stays locked until the region is committed: other writers' entries are sealed
after it, in order.
"""

import bisect
import datetime
from collections.abc import Iterator

from django.conf import settings

from eenplan.demo.region.draw import UTC, split
from eenplan.demo.region.records import CaseRecord, World
from eenplan.demo.region.volumes import ACCESS_LOG_DAYS
from eenplan.demo.region.writer import BulkWriter
from eenplan.privacy.chain import HASHED_FIELDS, entry_hash, seal
from eenplan.privacy.chain import _key as chain_key  # the chain's own key derivation
from eenplan.privacy.constants import Action, ProcessingActivity, StatusCode
from eenplan.privacy.models import AccessLogChain, AccessLogEntry

A, P = Action, ProcessingActivity
# (name, action, processing activity, one entry per member, weight)
PROCESSINGS = (
    ("huishouden bekijken", A.READ, P.CASE_COORDINATION, True, 40),
    ("casussen bekijken", A.READ, P.CASE_COORDINATION, False, 15),
    ("casus bekijken", A.READ, P.CASE_COORDINATION, True, 8),
    ("tijdlijn bekijken", A.READ, P.CASE_COORDINATION, True, 6),
    ("signalen bekijken", A.READ, P.CASE_COORDINATION, False, 5),
    ("huishouden zoeken", A.SEARCH, P.HOUSEHOLD_SEARCH, False, 6),
    ("metingen bekijken", A.READ, P.CASE_COORDINATION, False, 4),
    ("notities bekijken", A.READ, P.CASE_COORDINATION, False, 3),
    ("agendapunt bekijken", A.READ, P.CASE_COORDINATION, False, 3),
    ("betrokkenheden bekijken", A.READ, P.CASE_COORDINATION, False, 2),
    ("plan wijzigen", A.UPDATE, P.CASE_COORDINATION, False, 6),
    ("meting vastleggen", A.CREATE, P.CASE_COORDINATION, False, 2),
)
WEIGHTS = [p[4] for p in PROCESSINGS]
WEEKEND_SHARE = 0.08  # of a working day's reads
FIELDS = [*HASHED_FIELDS, "chain_seq", "chain_hash"]


def planned_rows(world: World) -> int:
    return world.volumes.access_log


def write_access_log(world: World, writer: BulkWriter) -> None:
    seal()  # entries others wrote before: they come first in the chain
    head, _created = AccessLogChain.objects.select_for_update().get_or_create(pk=1)
    chain = _Chain(chain_key(), head.last_seq, head.last_hash)
    entries = _Entries(world)
    writer.write(AccessLogEntry, FIELDS, (chain.seal(row) for row in entries.rows()))
    head.last_seq, head.last_hash = chain.seq, chain.previous
    head.save(update_fields=["last_seq", "last_hash"])


class _Chain:
    def __init__(self, key: bytes, seq: int, previous: str) -> None:
        self.key, self.seq, self.previous = key, seq, previous

    def seal(self, row: dict) -> tuple:
        self.seq += 1
        self.previous = entry_hash(self.key, self.previous, self.seq, row)
        return (*(row[name] for name in HASHED_FIELDS), self.seq, self.previous)


class _Entries:
    """The log's rows, oldest first, as the dicts the chain hashes."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.rng = world.rng("access-log")
        self.cases = sorted(world.cases, key=lambda case: case.opened)
        self.opened = [case.opened for case in self.cases]
        base = settings.PROCESSING_ACTIVITY_BASE_URI
        self.activities = {a: (base + a.value, str(a.label)) for a in ProcessingActivity}

    def rows(self) -> Iterator[dict]:
        today, days = self.world.today, ACCESS_LOG_DAYS
        first = today - datetime.timedelta(days=days)
        calendar = [first + datetime.timedelta(days=n) for n in range(1, days + 1)]
        weights = [WEEKEND_SHARE if day.weekday() >= 5 else 1.0 for day in calendar]
        for day, count in zip(calendar, split(self.world.volumes.access_log, weights), strict=True):
            yield from self._day(day, count)

    def _day(self, day: datetime.date, count: int) -> Iterator[dict]:
        rng, reads = self.rng, []
        while count > 0:
            case = self._case(day)
            if case is None:
                break
            moment = datetime.datetime(
                day.year, day.month, day.day, rng.randint(6, 16), rng.randint(0, 59),
                rng.randint(0, 59), rng.randint(0, 999_999), tzinfo=UTC,
            )  # fmt: skip
            subjects = self._read(case, moment)[:count]
            reads.append((moment, subjects))
            count -= len(subjects)
        reads.sort(key=lambda read: read[0])
        for _moment, subjects in reads:
            yield from subjects

    def _case(self, day: datetime.date) -> CaseRecord | None:
        known = bisect.bisect_right(self.opened, day)
        if not known:
            return None
        for _attempt in range(4):
            case = self.cases[self.rng.randrange(known)]
            if case.closed is None or case.closed >= day - datetime.timedelta(days=30):
                return case
        return case

    def _read(self, case: CaseRecord, moment: datetime.datetime) -> list[dict]:
        rng = self.rng
        name, action, activity, per_member, _w = rng.choices(PROCESSINGS, WEIGHTS)[0]
        involvement = rng.choice(case.involvements)
        org = involvement.org
        actor = involvement.contact if rng.random() < 0.7 else rng.choice(org.workers)
        members = case.home.members if per_member else [case.home.contact]
        trace = f"{rng.getrandbits(128):032x}"
        span = f"{rng.getrandbits(64):016x}"
        end = moment + datetime.timedelta(microseconds=rng.randint(2_000, 400_000))
        shared = {
            "trace_id": trace,
            "span_id": span,
            "parent_span_id": "",
            "name": name,
            "start_time": moment,
            "end_time": end,
            "status_code": StatusCode.OK.value,
            "processing_activity_id": self.activities[activity][0],
            "purpose": self.activities[activity][1],
            "action": action.value,
            "actor_id": actor,
            "actor_username": self.world.usernames[actor],
            "organisation_name": org.name,
            "organisation_uuid": org.uuid,
            "case_uuid": case.uuid,
            "case_reference": case.reference,
        }
        return [
            {
                **shared,
                "uuid": self.world.new_uuid(),
                "person_uuid": member.uuid,
                "data_subject_id": member.subject_id,
                "data_subject_id_type": member.subject_type,
            }
            for member in members
        ]
