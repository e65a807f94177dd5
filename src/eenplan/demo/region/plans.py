"""Plans of the cases that reached the plan step: goals, actions, agreed versions.

A plan is agreed when the case went into execution (in status plan a third of the plans already
are), then again about twice a year; some have a new draft under way. Goals start with the
priority question's life domain (except in ``GAP_SHARE`` of the plans, the gap signal), then the
other questions' and the organisations' domains. Goals per plan and actions per goal follow from
the target volumes. Actions are owned by an organisation (sometimes one professional), a member
or someone of the own network; in open cases most goals have an open action, some nobody works on
(``IDLE_GOAL_SHARE``) and some actions are overdue. An agreed version is the snapshot
``plans.versions.plan_snapshot`` would have made, with who agreed and the organisations that
committed; about half of the households gave the period a mark in the portal.
"""

import datetime
import random
from collections.abc import Iterator

from eenplan.cases.constants import CaseStatus, TimelineEventKind
from eenplan.cases.models import TimelineEvent
from eenplan.common.constants import LifeDomain
from eenplan.demo.region import texts
from eenplan.demo.region.draw import DAY, at, between, rounded
from eenplan.demo.region.records import CaseRecord, Goal, Plan, World
from eenplan.demo.region.volumes import (
    DRAFT_SHARE_IN_PLAN,
    GAP_SHARE,
    IDLE_GOAL_SHARE,
    OVERDUE_ACTION_SHARE,
    REDRAFT_SHARE,
)
from eenplan.demo.region.writer import BulkWriter
from eenplan.plans.constants import ActionStatus, AgreementMethod, GoalResult, OwnerKind
from eenplan.plans.models import Action, Commitment, GoalEvaluation, PlanVersion
from eenplan.plans.models import Goal as GoalModel
from eenplan.plans.models import Plan as PlanModel
from eenplan.portal.models import Feedback

AGREEMENT_SHARE = 0.6  # agenda items with an agreement (consultations), also plan actions
COMMIT_SHARE = 0.6
MARK_SHARE = 0.45
MARKS, MARK_WEIGHTS = (4, 5, 6, 7, 8, 9, 10), (1, 3, 6, 10, 9, 4, 1)
RESULTS = (GoalResult.ACHIEVED, GoalResult.PARTLY, GoalResult.NOT_ACHIEVED)
RESULT_WEIGHTS = (55, 30, 15)
ALL_DOMAINS = list(LifeDomain.values)
ACTION_FIELDS = [
    "uuid", "goal_id", "description", "owner_kind", "owner_organisation_id",
    "owner_professional_id", "owner_person_id", "owner_network_member_id", "due_date", "status",
    "cancel_reason", "completed_at", "position", "updated_at",
]  # fmt: skip


def draw_plans(world: World) -> None:
    """Which cases have a plan, when it was agreed, and its goals (ids reserved later)."""
    rng = world.rng("plans")
    planned = [case for case in world.cases if CaseStatus.PLAN in case.milestones]
    target = world.volumes.goals / max(1, len(planned))
    for case in planned:
        created = case.milestones[CaseStatus.PLAN]
        case.plan = Plan(id=0, created=created, agreed=_agreed(rng, world, case))
        count = max(1, round(rng.gauss(target, target * 0.35)))
        case.plan.goals = [
            Goal(0, world.new_uuid(), domain, title) for domain, title in _goals(rng, case, count)
        ]


def _agreed(rng: random.Random, world: World, case: CaseRecord) -> list[datetime.date]:
    last = case.closed or world.today
    first = case.milestones.get(CaseStatus.EXECUTION)
    if first is None and case.status == CaseStatus.PLAN and rng.random() >= DRAFT_SHARE_IN_PLAN:
        first = between(rng, case.milestones[CaseStatus.PLAN], last)
    days = [first] if first else []
    while days and days[-1] + 300 * DAY < last:
        days.append(days[-1] + rng.randint(150, 300) * DAY)
    return days


def _goals(rng: random.Random, case: CaseRecord, count: int) -> Iterator[tuple[str, str]]:
    """``count`` goals: the priority question's domain first, then the other questions' and the
    organisations' domains; without the priority domain in a gap plan."""
    wanted = [case.domain, *case.questions, *(d for i in case.involvements for d in i.domains)]
    gap = rng.random() < GAP_SHARE
    allowed = [d for d in ALL_DOMAINS if not (gap and d == case.domain)]
    domains = [d for d in dict.fromkeys(wanted) if d in allowed] or [rng.choice(allowed)]
    while len(domains) < count:
        domains.append(rng.choice(allowed if rng.random() < 0.3 else domains))
    seen: dict[str, int] = {}
    members = case.home.members
    for domain in domains[:count]:
        seen[domain] = seen.get(domain, 0) + 1
        title = texts.GOALS[domain]
        if seen[domain] > 1:
            title = f"{title} voor {members[(seen[domain] - 1) % len(members)].given_names}"
        yield domain, title


def planned_rows(world: World) -> int:
    plans = [case.plan for case in world.cases if case.plan]
    goals = sum(len(plan.goals) for plan in plans)
    return len(plans) * 3 + goals + world.volumes.actions


def write_plans(world: World, writer: BulkWriter) -> None:
    rng = world.rng("plans:rows")
    cases = [case for case in world.cases if case.plan]
    next_plan = writer.reserve(PlanModel, len(cases))
    next_goal = writer.reserve(GoalModel, sum(len(case.plan.goals) for case in cases))
    plan_rows, goal_rows = [], []
    for case in cases:
        plan = case.plan
        plan.id, next_plan = next_plan, next_plan + 1
        draft = not plan.agreed or (case.closed is None and rng.random() < REDRAFT_SHARE)
        evaluation = plan.agreed[-1] + rng.randint(182, 365) * DAY if plan.agreed else None
        plan_rows.append(
            (
                plan.id, world.new_uuid(), case.id, rng.choice(texts.STRENGTHS),
                rng.choice(texts.CONCERNS), evaluation, len(plan.agreed) + draft, draft,
                len(plan.goals), at(case.closed or world.today, 12),
            )
        )  # fmt: skip
        for position, goal in enumerate(plan.goals):
            goal.id, next_goal = next_goal, next_goal + 1
            goal_rows.append((goal.id, goal.uuid, plan.id, goal.domain, goal.title, position))
    writer.write(
        PlanModel,
        [
            "id", "uuid", "case_id", "strengths", "concerns", "evaluation_date",
            "version_number", "is_draft", "revision", "updated_at",
        ],
        plan_rows,
    )  # fmt: skip
    writer.write(
        GoalModel, ["id", "uuid", "plan_id", "life_domain", "title", "position"], goal_rows
    )
    agreements = round(world.volumes.agenda_items * AGREEMENT_SHARE)
    goals = len(goal_rows)
    per_goal = max(1.0, (world.volumes.actions - agreements) / max(1, goals))
    versions: list[tuple] = []
    writer.write(
        Action,
        ACTION_FIELDS,
        (row for case in cases for row in _plan_actions(rng, world, case, per_goal, versions)),
    )
    _versions(world, writer, rng, versions)


def _plan_actions(rng, world: World, case: CaseRecord, per_goal: float, versions: list):
    """The actions of one plan; appends its agreed versions' snapshots to ``versions``."""
    snapshot_goals = []
    for goal in case.plan.goals:
        idle = case.closed is None and rng.random() < IDLE_GOAL_SHARE
        rows = [
            _action(rng, world, case, goal.id, position, idle)
            for position in range(max(1, rounded(rng, per_goal + rng.uniform(-1, 1))))
        ]
        if case.closed is None and not idle and not any(_is_open(r) for r in rows):
            rows[-1] = _open(rng, world, rows[-1])
        yield from (row[:-1] for row in rows)  # without the owner's name
        snapshot_goals.append(_goal_snapshot(case, goal, rows))
    for number, day in enumerate(case.plan.agreed, 1):
        share = number / len(case.plan.agreed)
        goals = snapshot_goals[: max(1, round(len(snapshot_goals) * share))]
        versions.append((case, number, day, _snapshot(case, goals)))


def _action(rng, world: World, case: CaseRecord, goal_id: int, position: int, idle: bool):
    home, roll = case.home, rng.random()
    org = professional = person = network = None
    if roll < 0.2:
        kind, person = OwnerKind.HOUSEHOLD_MEMBER, rng.choice(home.adults)
        description = rng.choice(texts.MEMBER_ACTIONS)
    elif roll < 0.3 and home.network:
        kind, network = OwnerKind.NETWORK_MEMBER, rng.choice(home.network)
        description = rng.choice(texts.NETWORK_ACTIONS)
    else:
        involvement = rng.choice(case.involvements)
        kind, org = OwnerKind.ORGANISATION, involvement.org
        professional = involvement.contact if rng.random() < 0.4 else None
        description = rng.choice(texts.ORGANISATION_ACTIONS)
    start, last = case.plan.created, case.closed or world.today
    if case.closed is not None or idle or rng.random() < 0.38:
        due = between(rng, start, last)
        cancelled = rng.random() < 0.12
        status = ActionStatus.CANCELLED if cancelled else ActionStatus.DONE
        completed = at(min(due + rng.randint(-5, 10) * DAY, last), 15)
    else:
        status = rng.choice((ActionStatus.OPEN, ActionStatus.BUSY, ActionStatus.BUSY))
        overdue = rng.random() < OVERDUE_ACTION_SHARE
        due = world.today + (-rng.randint(15, 120) if overdue else rng.randint(1, 120)) * DAY
        cancelled, completed = False, None
    return [
        world.new_uuid(), goal_id, description, kind, org.id if org else None, professional,
        person.id if person else None, network[0] if network else None, due, status,
        texts.CANCEL_REASON if cancelled else "", completed, position, at(last, 12),
        # not written: owner label, for the snapshot
        org.name if org else person.full_name if person else network[1],
    ]  # fmt: skip


def _is_open(row: list) -> bool:
    return row[9] in (ActionStatus.OPEN, ActionStatus.BUSY)


def _open(rng, world: World, row: list) -> list:
    row[8], row[9] = world.today + rng.randint(1, 90) * DAY, ActionStatus.BUSY
    row[10], row[11] = "", None
    return row


def _goal_snapshot(case: CaseRecord, goal: Goal, rows: list[list]) -> dict:
    return {
        "uuid": goal.uuid,
        "title": goal.title,
        "life_domain": goal.domain,
        "life_domain_label": str(LifeDomain(goal.domain).label),
        "description": "",
        "actions": [
            {
                "uuid": row[0],
                "description": row[2],
                "owner_kind": row[3],
                "owner": row[14],
                "due_date": row[8].isoformat(),
                "status": row[9],
            }
            for row in rows
        ],
    }


def _snapshot(case: CaseRecord, goals: list[dict]) -> dict:
    return {
        "household": case.home.name,
        "case_reference": case.reference,
        "priority_question": texts.QUESTIONS[case.domain],
        "other_questions": [texts.HELP_QUESTIONS[d] for d in case.questions],
        "strengths": "",
        "concerns": "",
        "evaluation_date": "",
        "goals": goals,
    }


def _versions(world: World, writer: BulkWriter, rng: random.Random, versions: list) -> None:
    first = writer.reserve(PlanVersion, len(versions))
    methods = AgreementMethod.values
    rows, agreed_by, commitments, marks, events = [], [], [], [], []
    for offset, (case, number, day, content) in enumerate(versions):
        version_id = first + offset
        recorder = case.coordinator or case.involvements[0].contact
        org_id = case.coordinator_org.id if case.coordinator_org else case.involvements[0].org.id
        rows.append(
            (version_id, world.new_uuid(), case.plan.id, number, content, day,
             methods[(offset + number) % len(methods)], recorder, at(day, 16))
        )  # fmt: skip
        agreed_by += [(version_id, adult.id) for adult in case.home.adults[:2]]
        contacts = {i.org.id: i.contact for i in case.involvements}
        commitments += [
            (version_id, org, contact, at(day + rng.randint(0, 10) * DAY, 11))
            for org, contact in contacts.items()
            if rng.random() < COMMIT_SHARE
        ]
        given = day + rng.randint(14, 120) * DAY
        if rng.random() < MARK_SHARE and given <= (case.closed or world.today):
            marks.append(
                (world.new_uuid(), case.id, case.home.contact.id, number,
                 rng.choices(MARKS, MARK_WEIGHTS)[0], at(given, 20))
            )  # fmt: skip
        events.append(
            (world.new_uuid(), case.id, at(day, 16), recorder, org_id,
             TimelineEventKind.PLAN_AGREED, f"Plan vastgesteld (versie {number}).")
        )  # fmt: skip
    writer.write(
        PlanVersion,
        [
            "id", "uuid", "plan_id", "number", "content", "agreed_on", "agreement_method",
            "recorded_by_id", "recorded_at",
        ],
        rows,
    )  # fmt: skip
    writer.write(PlanVersion.agreed_by.through, ["planversion_id", "person_id"], agreed_by)
    writer.write(
        Commitment,
        ["version_id", "organisation_id", "committed_by_id", "committed_at"],
        commitments,
    )
    writer.write(
        Feedback, ["uuid", "case_id", "person_id", "plan_version", "score", "given_at"], marks
    )
    _evaluations(world, writer, rng)
    events += [_plan_made(world, case) for case in world.cases if case.plan]
    writer.write(
        TimelineEvent,
        ["uuid", "case_id", "occurred_at", "actor_id", "actor_organisation_id", "kind", "summary"],
        events,
    )


def _plan_made(world: World, case: CaseRecord) -> tuple:
    actor = case.coordinator or case.involvements[0].contact
    org = case.coordinator_org or case.involvements[0].org
    return (
        world.new_uuid(), case.id, at(case.plan.created, 13), actor, org.id,
        TimelineEventKind.PLAN_CHANGED, "Plan opgesteld met het huishouden.",
    )  # fmt: skip


def _evaluations(world: World, writer: BulkWriter, rng: random.Random) -> None:
    """Goals evaluated at the end of a closed case or in the evaluation step."""
    rows = []
    for case in world.cases:
        plan = case.plan
        evaluated = case.closed or case.milestones.get(CaseStatus.EVALUATION)
        if plan is None or not plan.agreed or evaluated is None:
            continue
        who = case.coordinator or case.involvements[0].contact
        rows += [
            (world.new_uuid(), goal.id, len(plan.agreed), rng.choices(RESULTS, RESULT_WEIGHTS)[0],
             who, at(evaluated, 15))
            for goal in plan.goals
        ]  # fmt: skip
    writer.write(
        GoalEvaluation,
        ["uuid", "goal_id", "version_number", "result", "evaluated_by_id", "evaluated_at"],
        rows,
    )
