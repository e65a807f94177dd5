"""Cases: one current case per household and for some an older, closed one.

The current case's status is drawn first (most in plan or execution, a quarter closed), then
when it was registered and when it reached each status since (``milestones``), so that dates,
statuses and the indicators' moments agree. Written here: the households
(registered with their first case), the cases, their other help questions and the timeline of
their status.
"""

import datetime
import random

from eenplan.cases.constants import CaseStatus, ClosingReason, TimelineEventKind
from eenplan.cases.models import Case, HelpQuestion, TimelineEvent
from eenplan.demo.region import help as kinds
from eenplan.demo.region import texts
from eenplan.demo.region.draw import DAY, at, between
from eenplan.demo.region.records import CaseRecord, Home, World
from eenplan.demo.region.volumes import (
    CASE_STATUS_WEIGHTS,
    CASE_STATUSES,
    EARLIER_CASE_SHARE,
    ESCALATED_SHARE,
    ESCALATION_WEIGHTS,
    OPENED_DAYS_AGO,
)
from eenplan.demo.region.writer import BulkWriter
from eenplan.people.models import Household

S = CaseStatus
ORDER = (S.REFERRAL, S.INTAKE, S.PLAN, S.EXECUTION, S.EVALUATION)
# Typical days between reaching one status and the next (low, high).
STEP_DAYS = {S.INTAKE: (2, 20), S.PLAN: (14, 60), S.EXECUTION: (14, 75), S.EVALUATION: (120, 365)}
# The last status a closed case reached before closing.
CLOSED_FROM, CLOSED_FROM_WEIGHTS = (S.INTAKE, S.PLAN, S.EXECUTION, S.EVALUATION), (10, 15, 45, 30)
CLOSING_REASONS = (
    (ClosingReason.GOALS_REACHED, 45),
    (ClosingReason.TRANSFERRED, 25),
    (ClosingReason.MOVED, 8),
    (ClosingReason.DECLINED, 10),
    (ClosingReason.NOT_NEEDED, 8),
    (ClosingReason.OTHER, 4),
)
DOMAINS, DOMAIN_WEIGHTS = zip(*kinds.PRIORITY_DOMAINS.items(), strict=True)
QUESTION_COUNTS, QUESTION_WEIGHTS = (0, 1, 2, 3), (35, 35, 20, 10)
STATUS_TEXT = {
    S.INTAKE: "Intake gestart: eerste gesprek met het huishouden.",
    S.PLAN: "Status gewijzigd naar Plan.",
    S.EXECUTION: "Status gewijzigd naar Uitvoering.",
    S.EVALUATION: "Status gewijzigd naar Evaluatie.",
    S.CLOSED: "Casus afgesloten.",
}


def draw_cases(world: World) -> None:
    """Every household's cases, in memory (ids reserved when written)."""
    rng = world.rng("cases")
    number = 0
    for home in world.homes:
        current = rng.choices(CASE_STATUSES, CASE_STATUS_WEIGHTS)[0]
        case = _case(rng, world.today, home, current, latest=None)
        if rng.random() < EARLIER_CASE_SHARE:
            earlier = _case(rng, world.today, home, S.CLOSED, latest=case.opened - 60 * DAY)
            if earlier is not None:
                number += 1
                earlier.reference = _reference(earlier.opened, number)
                world.cases.append(earlier)
        number += 1
        case.reference = _reference(case.opened, number)
        world.cases.append(case)


def _reference(opened: datetime.date, number: int) -> str:
    return f"EP-{opened.year}-R{number:07d}"


def _case(rng, today, home: Home, status: str, latest: datetime.date | None) -> CaseRecord | None:
    """A case in ``status``; a closed one that must have closed before ``latest`` is None when
    there is no room for it."""
    if latest is not None:
        opened = latest - datetime.timedelta(days=rng.randint(200, 1_400))
        closed = between(rng, opened + 60 * DAY, latest)
        if closed <= opened + 30 * DAY:
            return None
    else:
        opened = today - datetime.timedelta(days=rng.randint(*OPENED_DAYS_AGO[status]))
        closed = between(rng, opened + 90 * DAY, today - DAY) if status == S.CLOSED else None
        if closed is not None and closed <= opened:
            closed = opened + DAY
    domain = rng.choices(DOMAINS, DOMAIN_WEIGHTS)[0]
    case = CaseRecord(
        id=0, uuid="", reference="", home=home, status=status, opened=opened, intake=None,
        closed=closed, domain=domain,
    )  # fmt: skip
    reached = rng.choices(CLOSED_FROM, CLOSED_FROM_WEIGHTS)[0] if status == S.CLOSED else status
    case.milestones = _milestones(rng, opened, closed or today, reached)
    case.intake = case.milestones.get(S.INTAKE)
    if closed is not None:
        case.milestones[S.CLOSED] = closed
    return case


def _milestones(rng, opened, last, reached: str) -> dict[str, datetime.date]:
    """When the case reached each status up to ``reached``, fitted between ``opened`` and
    ``last``."""
    steps = list(ORDER[1 : ORDER.index(reached) + 1])
    gaps = [rng.randint(*STEP_DAYS[step]) for step in steps]
    room = max(0, (last - opened).days - 1)
    if sum(gaps) > room:
        gaps = [gap * room // max(1, sum(gaps)) for gap in gaps]
    milestones, day = {S.REFERRAL: opened}, opened
    for step, gap in zip(steps, gaps, strict=True):
        day += datetime.timedelta(days=gap)
        milestones[step] = day
    return milestones


def planned_rows(world: World) -> int:
    return len(world.homes) + len(world.cases) * 5


def write_cases(world: World, writer: BulkWriter) -> None:
    """Households, cases, other help questions and the status timeline (coordinator and
    involvements drawn by ``involvements.draw_involvements`` first)."""
    rng = world.rng("cases:rows")
    registered: dict[int, datetime.date] = {}
    first = writer.reserve(Case, len(world.cases))
    for offset, case in enumerate(world.cases):
        case.id, case.uuid = first + offset, world.new_uuid()
        home_id = case.home.id
        registered[home_id] = min(registered.get(home_id, case.opened), case.opened)
    writer.write(
        Household,
        ["id", "uuid", "name", "municipality_id", "created_at"],
        ((h.id, h.uuid, h.name, h.town.id, at(registered[h.id], 9)) for h in world.homes),
    )
    writer.write(
        Case,
        [
            "id", "uuid", "household_id", "reference", "status", "priority_question",
            "priority_domain", "coordinator_id", "coordinator_organisation_id",
            "escalation_level", "escalation_reason", "escalation_decision", "closing_reason",
            "opened_at", "intake_started_at", "closed_at", "updated_at",
        ],
        (_case_row(rng, world, case) for case in world.cases),
    )  # fmt: skip
    _questions(world, writer, rng)
    writer.write(
        TimelineEvent,
        ["uuid", "case_id", "occurred_at", "actor_id", "actor_organisation_id", "kind", "summary"],
        (event for case in world.cases for event in _status_events(rng, world, case)),
    )


def _case_row(rng: random.Random, world: World, case: CaseRecord) -> tuple:
    if case.closed is None and rng.random() < ESCALATED_SHARE:
        case.escalation = rng.choices(range(1, 6), ESCALATION_WEIGHTS)[0]
    escalated = case.escalation > 1
    closed = case.closed is not None
    reason = rng.choices(*zip(*CLOSING_REASONS, strict=True))[0] if closed else ""
    last = case.closed or world.today
    return (
        case.id,
        case.uuid,
        case.home.id,
        case.reference,
        case.status,
        texts.QUESTIONS[case.domain],
        case.domain,
        case.coordinator,
        case.coordinator_org.id if case.coordinator_org else None,
        case.escalation,
        rng.choice(texts.ESCALATION_REASONS) if escalated else "",
        texts.ESCALATION_DECISION if case.escalation == 5 else "",
        reason,
        at(case.opened, 9, 15),
        at(case.intake, 10) if case.intake else None,
        at(case.closed, 16) if closed else None,
        at(last, 17),
    )


def _questions(world: World, writer: BulkWriter, rng: random.Random) -> None:
    rows = []
    for case in world.cases:
        offered = sorted({d for inv in case.involvements for d in inv.domains} - {case.domain})
        count = min(len(offered), rng.choices(QUESTION_COUNTS, QUESTION_WEIGHTS)[0])
        case.questions = rng.sample(offered, count)
        rows += [
            (world.new_uuid(), case.id, texts.HELP_QUESTIONS[domain], domain, position)
            for position, domain in enumerate(case.questions)
        ]
    writer.write(HelpQuestion, ["uuid", "case_id", "text", "life_domain", "position"], rows)


def _status_events(rng: random.Random, world: World, case: CaseRecord):
    first = case.involvements[0] if case.involvements else None
    actor = case.coordinator or (first.contact if first else None)
    org = case.coordinator_org or (first.org if first else None)
    org_id = org.id if org else None
    opened_by = first.org.name if first else "een organisatie"
    yield (
        world.new_uuid(), case.id, at(case.opened, 9, 15), first.contact if first else None,
        first.org.id if first else None, TimelineEventKind.CASE_OPENED,
        f"Casus aangemeld door {opened_by}.",
    )  # fmt: skip
    for status, day in case.milestones.items():
        if status == S.REFERRAL:
            continue
        yield (
            world.new_uuid(), case.id, at(day, 11, rng.randint(0, 59)), actor, org_id,
            TimelineEventKind.STATUS_CHANGED, STATUS_TEXT[status],
        )  # fmt: skip
    if case.coordinator and case.coordinator_since:
        yield (
            world.new_uuid(), case.id, at(case.coordinator_since, 14), case.coordinator,
            case.coordinator_org.id, TimelineEventKind.COORDINATOR_SET,
            f"Regisseur vastgelegd: {case.coordinator_org.name}.",
        )  # fmt: skip
    if case.escalation > 1:
        yield (
            world.new_uuid(), case.id, at(world.today - rng.randint(1, 60) * DAY, 15), actor,
            org_id, TimelineEventKind.ESCALATION_CHANGED,
            f"Opgeschaald naar niveau {case.escalation}.",
        )  # fmt: skip
