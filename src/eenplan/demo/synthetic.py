"""Synthetic history: two years of cases in every demo municipality, so the indicators' benchmark
has enough to compare (a cell needs five cases or more to be shown).

The profiles in ``eenplan.demo.data.synthetic`` say how many cases a municipality runs per 1,000
households and what they are about; ``random.Random``, seeded per municipality, draws the cases:
registration, first contact, coordinator, plan, closing, involvements, ZRM assessments, overlap
signals and agreements from a monthly network meeting. Everything relative to the day of
seeding, so the history always ends today.

These rows are written in bulk, not through the services. There are thousands of them, the
services would take minutes, and they would write an access log about processing that never
happened. The history is for the aggregates only, so it must stay invisible to every account:

* every synthetic case involves only the four synthetic organisations of its region
  ("Synthetisch sociaal team (Proeftuin Eemsdelta)" and so on), for which no demo account works;
* the professional who did the work is one inactive user per region without a usable password,
  so nobody logs in as them;
* households are named "Synthetisch huishouden <municipality> <number>" and their members have
  no BSN (the test block 99999xxxx holds too few valid numbers, and numbers outside it may be
  real people's).

``bulk_create`` fills ``auto_now_add`` fields with the moment of writing, so the moments the
indicators read (registration, when the coordinator was agreed, when a signal was raised) are
set afterwards with an UPDATE (``synthetic_load._set_moments``). A region that already has
synthetic households is skipped: loading twice changes nothing.
"""

import datetime
import math
import random
from dataclasses import dataclass, field

from django.utils import timezone

from eenplan.cases.constants import CaseStatus, ClosingReason
from eenplan.cases.constants import ServiceType as Service
from eenplan.common.constants import LifeDomain as Domain
from eenplan.demo.consultations import second_tuesday
from eenplan.demo.data.synthetic import (
    AGENDA_QUESTIONS,
    AGREEMENTS,
    COORDINATING,
    GIVEN_NAMES,
    MAIN_HELP,
    MAX_DAYS,
    MEDIAN_DAYS,
    NO_CHILDREN_HELP,
    OLDER,
    SECOND_GOAL,
    ProfileSpec,
)
from eenplan.people.constants import Gender

DAY = datetime.timedelta(days=1)
RETURN_DAYS = 365
ASSESSMENT_DAYS = 120
SPREAD = 0.55  # sigma of the log-normal durations


# ------------------------------------------------------------------------------ the plan


@dataclass
class Member:
    given_names: str
    gender: str
    birth_date: datetime.date
    child: bool


@dataclass
class Home:
    """A synthetic household; a returning one has more than one story."""

    number: int
    members: list[Member]
    stories: list["Story"] = field(default_factory=list)
    household: object = None  # the row, once written

    @property
    def has_children(self) -> bool:
        return any(member.child for member in self.members)


@dataclass
class Help:
    """An involvement: ``organisation`` is a key of ``ORGANISATIONS``."""

    organisation: str
    service: str
    domains: list[str]
    for_children: bool
    start: datetime.date
    end: datetime.date | None
    involvement: object = None  # the row, once written


@dataclass
class Overlap:
    main: Help
    partner: Help
    raised_at: datetime.datetime
    resolved_at: datetime.datetime | None
    cleared_at: datetime.datetime | None


@dataclass
class Story:
    """One synthetic case, as dates and facts, before it becomes rows."""

    code: str  # CBS code of the municipality
    number: int
    domain: str
    opened: datetime.datetime
    duration: datetime.timedelta
    home: Home | None = None
    intake: datetime.datetime | None = None
    coordinator_at: datetime.datetime | None = None
    plan_created: datetime.date | None = None
    agreed_on: datetime.date | None = None
    closed: datetime.datetime | None = None
    reason: str = ""
    status: str = CaseStatus.REFERRAL
    end_day: datetime.date | None = None  # the last day anything happens: closing, else today
    helps: list[Help] = field(default_factory=list)
    overlap: Overlap | None = None
    goals: list[str] = field(default_factory=list)
    assessments: list[tuple[datetime.date, dict[str, int]]] = field(default_factory=list)

    @property
    def main_help(self) -> Help | None:
        return next((h for h in self.helps if h.organisation != COORDINATING), None)


def _moment(day: datetime.date, hour: int, rng: random.Random) -> datetime.datetime:
    return timezone.make_aware(
        datetime.datetime.combine(day, datetime.time(hour, rng.randrange(0, 60, 5)))
    )


def _weighted(rng: random.Random, pairs) -> str:
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights=weights)[0]


def mean_days() -> float:
    return MEDIAN_DAYS * math.exp(SPREAD**2 / 2)


def plan_stories(
    profile: ProfileSpec, households: int, since: datetime.date, rng: random.Random
) -> list[Story]:
    """The cases of one municipality that ran at some moment since ``since``: arrivals at a
    steady rate (so that ``running_per_1000`` cases run at any moment), durations log-normal."""
    today = timezone.localdate()
    start = since - datetime.timedelta(days=MAX_DAYS)
    span = (today - start).days
    per_day = profile.running_per_1000 * households / 1000 / mean_days()
    stories = []
    for number in range(round(per_day * span)):
        opened = _moment(start + DAY * rng.randrange(span), rng.randint(8, 16), rng)
        days = min(MAX_DAYS, max(30, rng.lognormvariate(math.log(MEDIAN_DAYS), SPREAD)))
        duration = datetime.timedelta(days=days, hours=rng.randint(0, 8))
        if opened + duration < timezone.make_aware(
            datetime.datetime.combine(since, datetime.time())
        ):
            continue
        domain = _weighted(rng, profile.domains)
        stories.append(Story(profile.cbs_code, number, domain, opened, duration))
    stories.sort(key=lambda story: story.opened)
    homes: list[Home] = []
    for story in stories:
        _place(story, profile, homes, since, rng)
        _course(story, profile, rng)
        _helps(story, rng)
        _overlap(story, profile, rng)
        _assessments(story, rng)
    return stories


def _place(story: Story, profile: ProfileSpec, homes: list[Home], since, rng) -> None:
    """A household that returns within a year of its last case closing, or a new one."""
    if timezone.localdate(story.opened) >= since and rng.random() < profile.returning:
        window = (story.opened - RETURN_DAYS * DAY, story.opened - 14 * DAY)
        for home in homes:
            last = home.stories[-1]
            if last.closed and window[0] <= last.closed <= window[1]:
                story.home = home
                home.stories.append(story)
                return
    story.home = Home(len(homes) + 1, _members(story, profile, rng), [story])
    homes.append(story.home)


def _members(story: Story, profile: ProfileSpec, rng: random.Random) -> list[Member]:
    older = story.domain in OLDER
    children = not older and rng.random() < profile.children
    adults = 1 if rng.random() < (0.5 if older else 0.4) else 2
    low, high = (68, 92) if older else ((24, 52) if children else (20, 62))
    opened = timezone.localdate(story.opened)
    members = [_member(opened, rng.randint(low, high), False, rng) for _ in range(adults)]
    if children:
        count = 1 + (rng.random() < 0.5) + (rng.random() < 0.15)
        members += [_member(opened, rng.randint(0, 16), True, rng) for _ in range(count)]
    return members


def _member(day: datetime.date, age: int, child: bool, rng: random.Random) -> Member:
    gender = rng.choice([Gender.FEMALE, Gender.MALE])
    birth = day - datetime.timedelta(days=age * 365 + rng.randrange(365))
    return Member(rng.choice(GIVEN_NAMES[gender]), gender, birth, child)


def _course(story: Story, profile: ProfileSpec, rng: random.Random) -> None:
    """First contact, coordinator, plan, agreement and closing, each only if it happened
    before today (and before the closing)."""
    now = timezone.now()
    end = story.opened + story.duration
    story.closed = end if end < now else None
    limit = story.closed or now
    story.end_day = timezone.localdate(limit)
    contact = min(60, rng.lognormvariate(math.log(profile.days_to_contact), 0.6))
    intake = story.opened + datetime.timedelta(days=contact, hours=rng.randint(0, 6))
    story.intake = intake if intake < limit else None
    if story.intake:
        _plan(story, profile, limit, rng)
        if rng.random() < profile.coordinator:
            chosen = story.intake + datetime.timedelta(days=rng.randint(1, 21))
            story.coordinator_at = chosen if chosen < limit else None
    story.status = _status(story, rng)
    if story.closed:
        story.reason = _reason(story, profile, rng)


def _plan(story: Story, profile: ProfileSpec, limit: datetime.datetime, rng) -> None:
    last = timezone.localdate(limit)
    intake = timezone.localdate(story.intake)
    created = intake + DAY * rng.randint(4, 14)
    if created >= last:
        return
    story.plan_created = created
    story.goals = [story.domain]
    if rng.random() < 0.5:
        story.goals.append(SECOND_GOAL[story.domain])
    fast = rng.random() < profile.plan_in_time
    agreed = intake + DAY * (rng.randint(12, 41) if fast else rng.randint(43, 120))
    agreed = max(agreed, created)
    story.agreed_on = agreed if agreed < last else None


def _status(story: Story, rng: random.Random) -> str:
    if story.closed:
        return CaseStatus.CLOSED
    if story.intake is None:
        return CaseStatus.REFERRAL
    if story.plan_created is None:
        return CaseStatus.INTAKE
    if story.agreed_on is None:
        return CaseStatus.PLAN
    return CaseStatus.EVALUATION if rng.random() < 0.15 else CaseStatus.EXECUTION


def _reason(story: Story, profile: ProfileSpec, rng: random.Random) -> str:
    if story.agreed_on and rng.random() < profile.goals_reached:
        return ClosingReason.GOALS_REACHED
    if story.agreed_on:
        return _weighted(
            rng,
            [
                (ClosingReason.TRANSFERRED, 4),
                (ClosingReason.DECLINED, 3),
                (ClosingReason.MOVED, 2),
                (ClosingReason.OTHER, 1),
            ],
        )
    return _weighted(
        rng,
        [
            (ClosingReason.NOT_NEEDED, 4),
            (ClosingReason.DECLINED, 2),
            (ClosingReason.TRANSFERRED, 2),
            (ClosingReason.MOVED, 1),
        ],
    )


# -------------------------------------------------------------------------- involvements


def _add_help(story, organisation, service, domains, children, start, rng, ends=0.0) -> Help | None:
    """An involvement from ``start`` to the closing (or earlier, with chance ``ends``); none
    when it would start after the case's last day."""
    if start >= story.end_day:
        return None
    end = story.end_day if story.closed else None
    if rng.random() < ends:
        early = start + DAY * rng.randint(90, 300)
        if early < (end or timezone.localdate()):
            end = early  # the help ended before the case did
    help_ = Help(organisation, service, list(domains), children, start, end)
    story.helps.append(help_)
    return help_


def _helps(story: Story, rng: random.Random) -> None:
    """The coordinating team from registration; after the first contact, the help for the
    priority question, and youth care, youth protection, Wmo and work where they fit."""
    opened = timezone.localdate(story.opened)
    _add_help(story, COORDINATING, Service.COORDINATION, [story.domain], False, opened, rng)
    if story.intake is None:
        return
    base = timezone.localdate(story.intake)
    children = story.home.has_children
    organisation, service, for_children = MAIN_HELP[story.domain]
    if for_children and not children:
        organisation, service, for_children = NO_CHILDREN_HELP
    start = base + DAY * rng.randint(0, 21)
    _add_help(story, organisation, service, [story.domain], for_children, start, rng)
    _extra_helps(story, organisation, base, children, rng)


def _extra_helps(story: Story, main: str, base: datetime.date, children: bool, rng) -> None:
    family = story.domain in (Domain.DOMESTIC_RELATIONS, Domain.JUSTICE)
    home = [Domain.DOMESTIC_RELATIONS]
    if children and main != "jeugd" and rng.random() < 0.45:
        residential = rng.random() < 0.1
        service = Service.YOUTH_CARE_RESIDENTIAL if residential else Service.YOUTH_CARE_AMBULANT
        start = base + DAY * rng.randint(7, 60)
        _add_help(story, "jeugd", service, home, True, start, rng, ends=0.3)
    if children and rng.random() < (0.15 if family else 0.04):
        start = base + DAY * rng.randint(7, 90)
        _add_help(story, "jeugd", Service.YOUTH_PROTECTION, home, True, start, rng)
    if main != "zorg" and rng.random() < (0.6 if story.domain in OLDER else 0.25):
        service = Service.HOUSEHOLD_HELP if rng.random() < 0.5 else Service.SUPPORT
        start = base + DAY * rng.randint(7, 60)
        domains = [Domain.INSTRUMENTAL_ADL]
        _add_help(story, "zorg", service, domains, False, start, rng, ends=0.2)
    if main != "werk" and story.domain not in OLDER and rng.random() < 0.25:
        start = base + DAY * rng.randint(14, 90)
        domains = [Domain.WORK_EDUCATION]
        _add_help(story, "werk", Service.REINTEGRATION, domains, False, start, rng, ends=0.3)


def _overlap(story: Story, profile: ProfileSpec, rng: random.Random) -> None:
    """A second organisation gives the same help on the same domain: an overlap signal,
    resolved (the second one stops) or still open, or gone with the case."""
    main = story.main_help
    if main is None or rng.random() >= profile.overlap:
        return
    partner_key = COORDINATING if main.organisation != COORDINATING else "zorg"
    start = main.start + DAY * rng.randint(10, 75)
    partner = _add_help(
        story, partner_key, main.service, main.domains, main.for_children, start, rng
    )
    if partner is None:
        return
    partner.end = story.end_day if story.closed else None
    raised = _moment(start, 7, rng)
    limit = story.closed or timezone.now()
    resolved = (
        raised + DAY * rng.randint(5, 45) if rng.random() < profile.overlap_resolved else None
    )
    # Resolved before today: the second organisation's involvement ends on that day.
    if resolved and resolved < limit and resolved.date() < timezone.localdate():
        partner.end = timezone.localdate(resolved)
    else:
        resolved = None
    cleared = story.closed if resolved is None else None
    story.overlap = Overlap(main, partner, raised, resolved, cleared)


def _assessments(story: Story, rng: random.Random) -> None:
    """The main adult's ZRM from the first contact on, about every four months: the priority
    domain starts low and mostly creeps up, the second goal's domain with it."""
    if story.intake is None:
        return
    domains = list(dict.fromkeys([story.domain, *story.goals[1:]]))
    values = {d: rng.choice([1, 2]) if d == story.domain else rng.choice([2, 3]) for d in domains}
    day = timezone.localdate(story.intake) + DAY * rng.randint(0, 10)
    while day <= story.end_day:
        story.assessments.append((day, dict(values)))
        for domain in domains:
            roll = rng.random()
            step = (
                1 if roll < (0.38 if domain == story.domain else 0.3) else -1 if roll > 0.92 else 0
            )
            values[domain] = min(5, max(1, values[domain] + step))
        day += DAY * (ASSESSMENT_DAYS + rng.randint(-20, 20))


# ------------------------------------------------------------------------------ meetings


@dataclass
class Agreed:
    text: str
    due: datetime.date
    completed_at: datetime.datetime | None
    cancelled: bool


@dataclass
class Item:
    story: Story
    question: str
    agreements: list[Agreed]


@dataclass
class Meeting:
    code: str
    day: datetime.date
    items: list[Item]


def plan_meetings(
    code: str, stories: list[Story], since: datetime.date, rng: random.Random
) -> list[Meeting]:
    """A monthly network meeting (second Tuesday) since ``since``: a sample of the cases with
    a plan, each with one or two agreements; most are done around their deadline, some late,
    some never, and those of a case that closed first are cancelled."""
    today = timezone.localdate()
    meetings = []
    month = since.year * 12 + since.month - 1
    while (day := second_tuesday(month // 12, month % 12 + 1)) < today:
        month += 1
        if day < since:
            continue
        candidates = [s for s in stories if s.goals and s.plan_created <= day < s.end_day]
        size = min(10, max(4, round(len(candidates) / 8)), len(candidates))
        items = [
            Item(story, rng.choice(AGENDA_QUESTIONS), _agreements(story, day, rng))
            for story in sorted(rng.sample(candidates, size), key=lambda s: s.opened)
        ]
        meetings.append(Meeting(code, day, items))
    return meetings


def _agreements(story: Story, day: datetime.date, rng: random.Random) -> list[Agreed]:
    agreed = []
    for _ in range(1 + (rng.random() < 0.35)):
        due = day + DAY * rng.randint(14, 35)
        done = due + DAY * rng.randint(-10, 20) if rng.random() < 0.82 else None
        done = max(done, day + DAY) if done else None
        completed = _moment(done, 15, rng) if done and done < timezone.localdate() else None
        cancelled = bool(story.closed) and (completed is None or completed >= story.closed)
        if cancelled:
            completed = story.closed
        agreed.append(Agreed(rng.choice(AGREEMENTS), due, completed, cancelled))
    return agreed
