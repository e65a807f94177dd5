"""Case consultations: per neighbourhood team a monthly network meeting and a monthly MDO.

``CONSULTATION_MONTHS`` months back and the coming month. Each meeting discusses cases of its
district that were open on the day, with the household's consent recorded; the past ones are
minuted and most items ended in an agreement, which is a plan action (so the minutes are followed
up in the plan). The number of items per meeting follows from the target volume. The chair is a
coordinator of the team; the team, its municipality and the region's busiest organisations take
part, and a few of their professionals attend.
"""

import datetime
import random
from collections import defaultdict

from eenplan.cases.constants import SharingGround, TimelineEventKind
from eenplan.cases.models import TimelineEvent
from eenplan.consultations.constants import AttendeeKind, ConsultationKind, PolicySignalStatus
from eenplan.consultations.models import (
    AgendaItem,
    Agreement,
    Attendee,
    Consultation,
    PolicySignal,
    Series,
)
from eenplan.demo.consultations import second_tuesday
from eenplan.demo.region import texts
from eenplan.demo.region.draw import DAY, at, rounded
from eenplan.demo.region.plans import ACTION_FIELDS, AGREEMENT_SHARE
from eenplan.demo.region.records import CaseRecord, Org, World
from eenplan.demo.region.volumes import ATTENDEES_PER_MEETING, CONSULTATION_MONTHS
from eenplan.demo.region.writer import BulkWriter
from eenplan.plans.constants import ActionStatus, OwnerKind
from eenplan.plans.models import Action

KINDS = ((ConsultationKind.NETWORK, "Netwerkoverleg", 0), (ConsultationKind.MDO, "MDO", 9))
REGIONAL_PARTICIPANTS = 8


def planned_rows(world: World) -> int:
    return world.volumes.agenda_items * 3


def _dates(today: datetime.date, shift: int) -> list[datetime.date]:
    """The meeting days, oldest first: the second Tuesday (+ ``shift`` days) of each month."""
    days = []
    for back in range(CONSULTATION_MONTHS, -2, -1):
        index = today.year * 12 + today.month - 1 - back
        days.append(second_tuesday(index // 12, index % 12 + 1) + shift * DAY)
    return days


def write_consultations(world: World, writer: BulkWriter) -> None:
    rng = world.rng("consultations")
    teams = [team for town in world.towns for team in town.teams]
    by_team: dict[int, list[CaseRecord]] = defaultdict(list)
    for case in world.cases:
        if case.intake:
            by_team[case.home.team.id].append(case)
    regional = sorted(
        (o for o in world.orgs if len(o.municipality_ids) > 1), key=lambda o: -o.weight
    )
    first_series = writer.reserve(Series, len(teams) * len(KINDS))
    series, meetings = [], []
    for index, (team, (kind, label, shift)) in enumerate(
        (team, kind) for team in teams for kind in KINDS
    ):
        town = next(t for t in world.towns if team in t.teams)
        participants = [team, town.office, *regional[:REGIONAL_PARTICIPANTS]]
        chair = team.coordinators[0]
        series.append(
            (first_series + index, f"{label} {team.name}", kind, town, participants, chair)
        )
        meetings += [(first_series + index, day) for day in _dates(world.today, shift)]
    per_meeting = world.volumes.agenda_items / max(1, len(meetings))
    writer.write(
        Series,
        ["id", "uuid", "name", "kind", "municipality_id", "chair_id"],
        [(s[0], world.new_uuid(), s[1], s[2], s[3].id, s[5]) for s in series],
    )
    writer.write(
        Series.organisations.through,
        ["series_id", "organisation_id"],
        [(s[0], org.id) for s in series for org in s[4]],
    )
    _meetings(world, writer, rng, {s[0]: s for s in series}, meetings, by_team, per_meeting)
    _policy_signals(world, writer, rng)


def _meetings(world, writer, rng, series, meetings, by_team, per_meeting) -> None:
    first = writer.reserve(Consultation, len(meetings))
    rows, organisations, attendees, items = [], [], [], []
    for offset, (series_id, day) in enumerate(meetings):
        meeting_id = first + offset
        _id, name, kind, town, participants, chair = series[series_id]
        past = day < world.today
        rows.append(
            (meeting_id, world.new_uuid(), series_id, kind, name, town.id, day,
             datetime.time(9, 30), f"Gemeentehuis {town.name}", chair,
             at(day, 17) if past else None, chair, at(day - 21 * DAY, 10))
        )  # fmt: skip
        organisations += [(meeting_id, org.id) for org in participants]
        attendees += _attendees(world, rng, meeting_id, participants, chair)
        team = participants[0]
        cases = _agenda(rng, by_team[team.id], day, rounded(rng, per_meeting))
        items += [(meeting_id, day, past, chair, team, case) for case in cases]
    writer.write(
        Consultation,
        [
            "id", "uuid", "series_id", "kind", "title", "municipality_id", "date", "start_time",
            "location", "chair_id", "minutes_closed_at", "created_by_id", "created_at",
        ],
        rows,
    )  # fmt: skip
    writer.write(
        Consultation.organisations.through, ["consultation_id", "organisation_id"], organisations
    )
    writer.write(
        Attendee,
        ["uuid", "consultation_id", "kind", "professional_id", "organisation_id"],
        attendees,
    )
    _items(world, writer, rng, items)


def _attendees(
    world: World, rng: random.Random, meeting_id: int, participants: list[Org], chair: int
):
    rows = [(world.new_uuid(), meeting_id, AttendeeKind.PROFESSIONAL, chair, participants[0].id)]
    for org in rng.sample(
        participants[1:], min(len(participants) - 1, rng.randint(*ATTENDEES_PER_MEETING))
    ):
        rows.append(
            (
                world.new_uuid(),
                meeting_id,
                AttendeeKind.PROFESSIONAL,
                rng.choice(org.workers),
                org.id,
            )
        )
    return rows


def _agenda(rng: random.Random, cases: list[CaseRecord], day: datetime.date, count: int):
    """Up to ``count`` distinct cases of the district that were open (past intake) on ``day``."""
    chosen: dict[int, CaseRecord] = {}
    for _attempt in range(count * 6):
        if len(chosen) >= count or not cases:
            break
        case = rng.choice(cases)
        if case.intake <= day and (case.closed is None or case.closed >= day):
            chosen.setdefault(case.id, case)
    return list(chosen.values())


def _items(world: World, writer: BulkWriter, rng: random.Random, items: list) -> None:
    first = writer.reserve(AgendaItem, len(items))
    rows, agreed, events = [], [], []
    for offset, (meeting_id, day, past, chair, team, case) in enumerate(items):
        item_id = first + offset
        adder = case.coordinator or rng.choice(team.workers)
        adder_org = case.coordinator_org.id if case.coordinator else team.id
        held = at(day, 10, 30) if past else None
        rows.append(
            (item_id, world.new_uuid(), meeting_id, case.id,
             rng.choice(texts.AGENDA_QUESTIONS), offset % 12, adder, adder_org,
             SharingGround.CONSENT, case.home.contact.id, adder, at(day - 7 * DAY, 11),
             texts.MEETING_SUMMARY if past else "", held, chair if past else None,
             at(day - 7 * DAY, 11))
        )  # fmt: skip
        events.append(
            (world.new_uuid(), case.id, at(day - 7 * DAY, 11), adder, adder_org,
             TimelineEventKind.AGENDA_ADDED, "Op de agenda van het casusoverleg gezet.")
        )  # fmt: skip
        if past:
            events.append(
                (world.new_uuid(), case.id, held, chair, team.id,
                 TimelineEventKind.DISCUSSED, "Besproken in het casusoverleg.")
            )  # fmt: skip
        goals = [g for g in case.plan.goals] if case.plan and case.plan.created <= day else []
        if past and goals and rng.random() < AGREEMENT_SHARE / 0.8:
            agreed.append((item_id, day, chair, team, case, rng.choice(goals)))
    writer.write(
        AgendaItem,
        [
            "id", "uuid", "consultation_id", "case_id", "question", "position", "added_by_id",
            "added_by_organisation_id", "consent_ground", "consent_given_by_id",
            "consent_recorded_by_id", "consent_recorded_at", "summary", "discussed_at",
            "minutes_by_id", "created_at",
        ],
        rows,
    )  # fmt: skip
    _agreements(world, writer, rng, agreed)
    writer.write(
        TimelineEvent,
        ["uuid", "case_id", "occurred_at", "actor_id", "actor_organisation_id", "kind", "summary"],
        events,
    )


def _agreements(world: World, writer: BulkWriter, rng: random.Random, agreed: list) -> None:
    """Each agreement is a plan action, owned by the coordinating organisation or the team."""
    first = writer.reserve(Action, len(agreed))
    actions, rows = [], []
    for offset, (item_id, day, chair, team, case, goal) in enumerate(agreed):
        action_id = first + offset
        text = rng.choice(texts.AGREEMENTS)
        due = day + rng.randint(14, 60) * DAY
        last = case.closed or world.today
        if case.closed is not None or (due < world.today and rng.random() < 0.8):
            status, completed = ActionStatus.DONE, at(min(due, last), 15)
        else:
            status, completed = ActionStatus.BUSY, None
        owner = case.coordinator_org or team
        actions.append(
            (action_id, world.new_uuid(), goal.id, text, OwnerKind.ORGANISATION, owner.id,
             case.coordinator, None, None, due, status, "", completed, 9, at(last, 12))
        )  # fmt: skip
        rows.append((world.new_uuid(), item_id, action_id, text, chair, at(day, 11)))
    writer.write(Action, ["id", *ACTION_FIELDS], actions)
    writer.write(
        Agreement,
        ["uuid", "item_id", "action_id", "description", "recorded_by_id", "recorded_at"],
        rows,
    )


def _policy_signals(world: World, writer: BulkWriter, rng: random.Random) -> None:
    rows = []
    for town in world.towns:
        team = town.teams[0]
        for theme, title, description in texts.POLICY_SIGNALS:
            raised = world.today - rng.randint(10, 300) * DAY
            rows.append(
                (world.new_uuid(), theme, title, description, town.id, team.coordinators[0],
                 team.id, at(raised, 15), rng.choice(list(PolicySignalStatus)))
            )  # fmt: skip
    writer.write(
        PolicySignal,
        [
            "uuid",
            "theme",
            "title",
            "description",
            "municipality_id",
            "raised_by_id",
            "raised_by_organisation_id",
            "raised_at",
            "status",
        ],
        rows,
    )
