"""The history of the demo cases (``eenplan.demo.data.history``): their start dated back, and ZRM
assessments about every three months since.

The demo loader registers every case on the day of seeding. A case that shows two years of
progress must have begun two years ago, so ``history_load`` dates back the moments the indicators
read (registration, the start of the intake, the first agreed coordinator and their timeline
events) with plain updates: the services always write "now". The assessments themselves go
through ``assessments.services.assessment_record``, as the coordinator or, where the
coordinator's organisation has no basis for that person, an involved professional whose
organisation has one; so they land on the timeline and in the access log, and the gap rule runs.

Scores are drawn with ``random.Random``, seeded per household, so every seed gives the same
history. A case that already has an assessment is left alone: loading twice changes nothing.
"""

import datetime
import random
from dataclasses import dataclass

from django.utils import timezone

from eenplan.assessments.models import Instrument
from eenplan.assessments.services import ScoreInput, assessment_record
from eenplan.cases.constants import CaseStatus, DataCategory, TimelineEventKind
from eenplan.cases.models import Case, TimelineEvent
from eenplan.demo.data.history import (
    ASSESSMENT_EVERY_DAYS,
    DAYS_TO_FIRST_CONTACT,
    HISTORIES,
    HISTORY_SEED,
    HistorySpec,
)
from eenplan.people.models import Person
from eenplan.plans.models import Goal
from eenplan.privacy import policy
from eenplan.tenancy.models import User

ADULT = 18
LOW, HIGH = 1, 5
NOTES = {
    "up": "Gaat vooruit; afspraken lopen.",
    "down": "Terugval; besproken met het gezin en de betrokkenen.",
}


def history_load() -> int:
    """Date back and assess every demo case without assessments; the number of assessments."""
    instruments = {
        code: Instrument.objects.filter(code=code, is_active=True).order_by("-created_at").first()
        for code in ("zrm", "zrm-huishouden")
    }
    cases = (
        Case.objects.filter(household__name__in=HISTORIES, assessments__isnull=True)
        .select_related("household", "coordinator")
        .order_by("pk")
    )
    recorded = 0
    for case in cases:
        spec = HISTORIES[case.household.name]
        rng = random.Random(f"{HISTORY_SEED}:{case.household.name}")
        start = _date_back(case, spec, rng)
        recorded += _assess(case, spec, rng, start, instruments)
    return recorded


# ------------------------------------------------------------------------------ dates


def _date_back(case: Case, spec: HistorySpec, rng: random.Random) -> datetime.date:
    """Registration ``spec.days`` ago; the intake a few days later; the coordinator agreed a
    few days after that. Returns the day of the first assessment."""
    now = timezone.now()
    day = timezone.localdate() - datetime.timedelta(days=spec.days)
    opened = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))
    opened += datetime.timedelta(minutes=rng.randint(0, 7 * 60))
    intake = None
    if case.intake_started_at is not None:
        intake = opened + datetime.timedelta(days=rng.randint(*DAYS_TO_FIRST_CONTACT))
        intake = min(intake, now - datetime.timedelta(hours=1))
    Case.objects.filter(pk=case.pk).update(opened_at=opened, intake_started_at=intake)
    events = TimelineEvent.objects.filter(case=case)
    events.filter(kind=TimelineEventKind.CASE_OPENED).update(occurred_at=opened)
    first = events.filter(kind=TimelineEventKind.STATUS_CHANGED).order_by("occurred_at", "pk")
    if intake and (event := first.first()):
        TimelineEvent.objects.filter(pk=event.pk).update(occurred_at=intake)
    coordinator = events.filter(kind=TimelineEventKind.COORDINATOR_SET).order_by("occurred_at")
    if event := coordinator.first():
        since = (intake or opened) + datetime.timedelta(days=rng.randint(2, 14))
        TimelineEvent.objects.filter(pk=event.pk).update(occurred_at=min(since, now))
    case.opened_at, case.intake_started_at = opened, intake
    return timezone.localdate(intake or opened)


def _assessment_days(start: datetime.date, rng: random.Random) -> list[datetime.date]:
    today = timezone.localdate()
    days, day = [], start
    while day <= today:
        days.append(day)
        day += datetime.timedelta(days=ASSESSMENT_EVERY_DAYS + rng.randint(-7, 7))
    return days


# ----------------------------------------------------------------------------- scores


@dataclass(frozen=True)
class _Plan:
    """What the scores are drawn for: the case's domains, which have a goal, which relapse."""

    priority: str
    domains: list[str]
    with_goal: set[str]
    relapse: str
    low_without_goal: str


def _plan(case: Case, spec: HistorySpec) -> _Plan:
    goals = set(Goal.objects.filter(plan__case=case).values_list("life_domain", flat=True))
    questions = [q.life_domain for q in case.other_questions.all()]
    ordered = [case.priority_domain, *questions, *sorted(goals), *spec.extra]
    return _Plan(
        priority=case.priority_domain,
        domains=[d for d in dict.fromkeys(ordered) if d],
        with_goal=goals,
        relapse=spec.relapse or "",
        low_without_goal=spec.low_without_goal or "",
    )


def _trajectory(domain: str, plan: _Plan, count: int, rng: random.Random) -> list[int]:
    """Scores on one domain for ``count`` assessments: low where help is needed, mostly
    creeping up; the relapse domain falls back two thirds of the way and recovers partly."""
    if domain == plan.low_without_goal:
        return [3] * (count // 2) + [2] * (count - count // 2)
    needs_help = domain == plan.priority or domain in plan.with_goal
    value = rng.choice([1, 2]) if domain == plan.priority else rng.choice([2, 2, 3])
    if not needs_help:
        value = rng.choice([3, 3, 4])
    chance = 0.5 if domain == plan.priority else 0.35
    values = []
    for index in range(count):
        if index and domain == plan.relapse and index == max(1, count * 2 // 3):
            value = max(LOW, value - 2)
        elif index:
            roll = rng.random()
            value += 1 if roll < chance else -1 if roll > 0.93 else 0
        value = min(HIGH - (domain == plan.priority), max(LOW, value))
        values.append(value if needs_help else max(3, value))
    if count > 1 and domain == plan.priority and domain != plan.relapse:
        values[-1] = max(values[-1], values[0] + 1)  # the priority question moved on
    return values


def _scores(plan: _Plan, domains: list[str], values: dict[str, list[int]], i: int) -> list:
    scores = []
    for domain in domains:
        value = values[domain][i]
        before = values[domain][i - 1] if i else value
        note = NOTES["down"] if value < before else NOTES["up"] if value > before else ""
        scores.append(ScoreInput(domain=domain, value=value, note=note))
    return scores


# ------------------------------------------------------------------------------ record


def _assessor(case: Case, person: Person | None) -> User | None:
    """The coordinator, else the first involved professional whose organisation holds a basis
    for assessments of ``person`` (or, for the household, any)."""
    candidates = [case.coordinator] if case.coordinator else []
    candidates += [
        involvement.contact
        for involvement in case.involvements.active().select_related("contact").order_by("pk")
        if involvement.contact
    ]
    for user in candidates:
        visible = Case.objects.visible_to(user).filter(pk=case.pk).exists()
        if visible and policy.case_access(user, [case.pk])[case.pk].allows(
            DataCategory.ASSESSMENTS, person
        ):
            return user
    return None


def _assess(case, spec, rng, start, instruments) -> int:
    members = [m.person for m in case.household.memberships.select_related("person")]
    members.sort(key=lambda person: person.pk)
    plan = _plan(case, spec)
    days = _assessment_days(start, rng)
    if case.status == CaseStatus.REFERRAL:
        days = days[:1]
    subjects = [(members[i], instruments["zrm"]) for i in spec.members if i < len(members)]
    if spec.household:
        subjects.append((None, instruments["zrm-huishouden"]))
    recorded = 0
    for number, (person, instrument) in enumerate(subjects):
        actor = _assessor(case, person)
        if actor is None or instrument is None:
            continue
        available = set(instrument.domains.values_list("code", flat=True))
        domains = [d for d in plan.domains if d in available]
        if number:  # the others: the main questions only
            domains = domains[:3]
        values = {d: _trajectory(d, plan, len(days), rng) for d in domains}
        # The main adult every time; the others at the start, halfway and the latest.
        moments = range(len(days)) if not number else {0, len(days) // 2, len(days) - 1}
        for i, day in enumerate(days):
            adult = person is None or (person.age_on(day) or 0) >= ADULT
            if not domains or not adult or i not in moments:
                continue
            assessment_record(
                actor=actor,
                case=case,
                instrument=instrument,
                assessed_on=day,
                scores=_scores(plan, domains, values, i),
                person=person,
            )
            recorded += 1
    return recorded
