"""Who works with each household: organisations, their involvements, the coordinator, consent.

A case draws how many organisations take part (most 1-3, a tail of 10 and more): the district's
neighbourhood team in most cases, the others by kind, weighted towards the priority question's
life domain and towards youth care when there are children. Each organisation helps for a
period (ended for some while the case runs on, ended for all of a closed case), split into
episodes (re-indications, a new kind of help), so a case has several involvements per
organisation; the number of episodes per year of help is set from the target volume.

The access rule reads exactly what is written here, so the invariants hold by construction:

* the coordinator works (in a case-working role) for the coordinating organisation, which has an
  active involvement in every open case it coordinates;
* the coordinating organisation always holds the household's consent, most other organisations
  too (one consent per person they help, given by a parent for a child under 16; a youth
  protection organisation works on a legal basis for the whole household);
* an involvement's contact is a professional of its organisation.
"""

import datetime
import random
from collections.abc import Iterator

from eenplan.cases.constants import ServiceType, SharingGround, TimelineEventKind
from eenplan.cases.models import Consent, Involvement, TimelineEvent
from eenplan.demo.region import help as kinds
from eenplan.demo.region import texts
from eenplan.demo.region.draw import DAY, at, between, repeats
from eenplan.demo.region.records import CaseRecord, Involve, Member, Org, World
from eenplan.demo.region.volumes import (
    CONSENT_SHARE,
    COORDINATED_SHARE,
    ENDED_ORGANISATION_SHARE,
    ORGANISATIONS_PER_CASE,
    ORGANISATIONS_PER_CASE_WEIGHTS,
    TEAM_COORDINATES_SHARE,
    TEAM_INVOLVED_SHARE,
)
from eenplan.demo.region.writer import BulkWriter
from eenplan.privacy.constants import DataSubjectIdType
from eenplan.tenancy.constants import OrganisationType as T

MAX_EPISODES = 12
EPISODE_DAYS = 21  # an episode lasts at least this long


class _Chooser:
    """Draws organisations of a kind, weighted by size, with per-household kind weights."""

    def __init__(self, world: World) -> None:
        self.by_kind = {kind: world.orgs_of(kind) for kind in kinds.KIND_WEIGHTS}
        self.kind_weights: dict[tuple, tuple[list, list]] = {}

    def kinds_for(self, children: bool, domain: str) -> tuple[list, list]:
        key = (children, domain)
        if key not in self.kind_weights:
            pairs = []
            for kind, weight in kinds.KIND_WEIGHTS.items():
                if kind in kinds.CHILD_KINDS:
                    weight = weight * 2 if children else 0
                if domain in kinds.HELP[kind].domains:
                    weight *= kinds.PRIORITY_BOOST
                if weight and self.by_kind[kind]:
                    pairs.append((kind, weight))
            self.kind_weights[key] = ([k for k, _w in pairs], [w for _k, w in pairs])
        return self.kind_weights[key]

    def organisations(self, rng: random.Random, case: CaseRecord, count: int) -> list[Org]:
        home = case.home
        chosen: dict[int, Org] = {}
        if rng.random() < TEAM_INVOLVED_SHARE:
            chosen[home.team.id] = home.team
        kind_list, weights = self.kinds_for(bool(home.children), case.domain)
        for _attempt in range(count * 4):
            if len(chosen) >= count:
                break
            kind = rng.choices(kind_list, weights)[0]
            if kind == T.MUNICIPALITY:
                org = home.town.office
            else:
                options = self.by_kind[kind]
                org = rng.choices(options, [o.weight for o in options])[0]
            chosen.setdefault(org.id, org)
        return list(chosen.values()) or [home.team]


def draw_involvements(world: World) -> None:
    """Organisations, periods, coordinator and involvements of every case, in memory."""
    rng = world.rng("involvements")
    chooser = _Chooser(world)
    home_care = world.orgs_of(T.HOME_CARE)
    periods = []  # (case, org, start, end or None)
    for case in world.cases:
        count = rng.choices(ORGANISATIONS_PER_CASE, ORGANISATIONS_PER_CASE_WEIGHTS)[0]
        orgs = chooser.organisations(rng, case, count)
        if case.home.has_bsn and home_care and case.closed is None and case.intake:
            case.allocations = home_care[0]  # home help for the BSN persons (provisions)
            orgs += [] if home_care[0] in orgs else [home_care[0]]
        _coordinator(rng, world, case, orgs)
        periods += [(case, org, *_period(rng, world, case, org, i)) for i, org in enumerate(orgs)]
    years = sum(((end or world.today) - start).days / 365 for _c, _o, start, end in periods)
    extra_per_year = max(0.0, (world.volumes.involvements - len(periods)) / max(years, 1e-9))
    first_id = 0
    for case, org, start, end in periods:
        length = ((end or world.today) - start).days
        mean = 1 + extra_per_year * length / 365
        episodes = min(repeats(rng, mean, MAX_EPISODES), max(1, length // EPISODE_DAYS))
        persons = _persons(rng, case, org)
        contact = case.coordinator if org is case.coordinator_org else rng.choice(org.workers)
        for episode_start, episode_end in _episodes(rng, start, end, episodes, world.today):
            case.involvements.append(
                Involve(
                    id=first_id, org=org, contact=contact, service=_service(rng, org, case),
                    domains=_domains(rng, org, case), start=episode_start, end=episode_end,
                    persons=persons,
                )
            )  # fmt: skip
            first_id += 1


def _coordinator(rng: random.Random, world: World, case: CaseRecord, orgs: list[Org]) -> None:
    if rng.random() >= COORDINATED_SHARE[case.status]:
        return
    team = case.home.team
    org = team if team in orgs and rng.random() < TEAM_COORDINATES_SHARE else rng.choice(orgs)
    case.coordinator_org, case.coordinator = org, rng.choice(org.coordinators)
    since = case.intake or case.opened
    case.coordinator_since = min(since + rng.randint(0, 21) * DAY, case.closed or world.today)


def _period(rng, world: World, case: CaseRecord, org: Org, index: int):
    """When ``org`` helped: the first from registration, others joining later; some stop while
    the case runs on (never the first, so someone sees the case, nor the coordinator's or the
    BSN persons' home care)."""
    last = case.closed or world.today
    if index == 0 or org is case.coordinator_org:
        start = case.opened + rng.randint(0, 3) * DAY
    else:
        start = between(rng, case.opened, min(case.opened + 240 * DAY, last))
    start = min(start, last)
    if case.closed is not None:
        return start, between(rng, start, case.closed)
    keeps = index == 0 or org is case.coordinator_org or org is case.allocations
    if not keeps and rng.random() < ENDED_ORGANISATION_SHARE and start < world.today - DAY:
        return start, between(rng, start, world.today - DAY)
    return start, None


def _episodes(rng, start, end: datetime.date | None, count: int, today: datetime.date):
    """``count`` consecutive periods from ``start``; the last ends at ``end`` (None: runs on)."""
    last = end or today
    span = (last - start).days
    cuts = sorted(rng.sample(range(1, span), count - 1)) if count > 1 and span > count else []
    begin = start
    for cut in cuts:
        stop = start + cut * DAY
        yield begin, stop - DAY
        begin = stop
    yield begin, end


def _persons(rng: random.Random, case: CaseRecord, org: Org) -> list[Member]:
    home = case.home
    if org is case.allocations:
        return [m for m in home.members if m.subject_type == DataSubjectIdType.BSN]
    who = kinds.HELP[org.type].who
    if who == "household":
        return home.members
    if who == "children" and home.children:
        return home.children
    if who == "adults":
        return home.adults
    adults = home.adults
    return [adults[1] if len(adults) > 1 and rng.random() < 0.3 else adults[0]]


def _service(rng: random.Random, org: Org, case: CaseRecord) -> str:
    if org is case.allocations:
        return ServiceType.HOUSEHOLD_HELP
    return rng.choice(kinds.HELP[org.type].services)


def _domains(rng: random.Random, org: Org, case: CaseRecord) -> list[str]:
    offered = kinds.HELP[org.type].domains
    first = case.domain if case.domain in offered else offered[0]
    others = [d for d in offered if d != first]
    return [first, *rng.sample(others, min(len(others), rng.randint(0, 1)))]


def planned_rows(world: World) -> int:
    involvements = sum(len(case.involvements) for case in world.cases)
    return involvements * 4


def write_involvements(world: World, writer: BulkWriter) -> None:
    rng = world.rng("involvements:rows")
    total = sum(len(case.involvements) for case in world.cases)
    next_id = writer.reserve(Involvement, total)
    for case in world.cases:
        for involvement in case.involvements:
            involvement.id, next_id = next_id, next_id + 1
    writer.write(
        Involvement,
        [
            "id", "uuid", "case_id", "organisation_id", "contact_id", "life_domains",
            "service_type", "start_date", "end_date",
        ],
        (
            (i.id, world.new_uuid(), case.id, i.org.id, i.contact, i.domains, i.service, i.start,
             i.end)
            for case in world.cases
            for i in case.involvements
        ),
    )  # fmt: skip
    writer.write(
        Involvement.persons.through,
        ["involvement_id", "person_id"],
        ((i.id, p.id) for case in world.cases for i in case.involvements for p in i.persons),
    )
    writer.write(
        Consent,
        [
            "uuid", "case_id", "organisation_id", "ground", "person_id", "given_by_id",
            "shares_plan", "shares_notes", "shares_assessments", "shares_contact", "purpose",
            "justification", "valid_from", "valid_until", "recorded_by_id", "recorded_at",
        ],
        (row for case in world.cases for row in _consents(rng, world, case)),
    )  # fmt: skip
    writer.write(
        TimelineEvent,
        ["uuid", "case_id", "occurred_at", "actor_id", "actor_organisation_id", "kind", "summary"],
        (event for case in world.cases for event in _events(world, case)),
    )


def _first_involvements(case: CaseRecord) -> dict[int, Involve]:
    first: dict[int, Involve] = {}
    for involvement in case.involvements:
        first.setdefault(involvement.org.id, involvement)
    return first


def _age(member: Member, day: datetime.date) -> int:
    born = member.birth_date
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _consents(rng: random.Random, world: World, case: CaseRecord) -> Iterator[tuple]:
    for involvement in _first_involvements(case).values():
        org = involvement.org
        if org is not case.coordinator_org and rng.random() >= CONSENT_SHARE:
            continue
        case.consented.add(org.id)
        since, until = involvement.start, case.closed
        recorded = at(since, 10, 30)
        if org.type == T.YOUTH_PROTECTION:
            yield (
                world.new_uuid(), case.id, org.id, SharingGround.YOUTH_PROTECTION, None, None,
                True, True, True, True, texts.CONSENT_PURPOSE,
                texts.LEGAL_BASIS_JUSTIFICATION, since, until, involvement.contact, recorded,
            )  # fmt: skip
            continue
        notes, assessments = rng.random() < 0.7, rng.random() < 0.85
        contact = rng.random() < 0.9
        for person in involvement.persons:
            given_by = person if _age(person, since) >= 16 else case.home.contact
            yield (
                world.new_uuid(), case.id, org.id, SharingGround.CONSENT, person.id, given_by.id,
                True, notes, assessments, contact, texts.CONSENT_PURPOSE, "", since, until,
                involvement.contact, recorded,
            )  # fmt: skip


def _events(world: World, case: CaseRecord) -> Iterator[tuple]:
    for i in case.involvements:
        label = ServiceType(i.service).label
        yield (
            world.new_uuid(), case.id, at(i.start, 10), i.contact, i.org.id,
            TimelineEventKind.INVOLVEMENT_ADDED, f"{i.org.name} is betrokken: {label}.",
        )  # fmt: skip
        if i.end is not None and i.end <= world.today:
            yield (
                world.new_uuid(), case.id, at(i.end, 16), i.contact, i.org.id,
                TimelineEventKind.INVOLVEMENT_ENDED, f"De hulp van {i.org.name} is gestopt.",
            )  # fmt: skip
    for involvement in _first_involvements(case).values():
        if involvement.org.id not in case.consented:
            continue
        yield (
            world.new_uuid(), case.id, at(involvement.start, 10, 30), involvement.contact,
            involvement.org.id, TimelineEventKind.CONSENT_RECORDED,
            f"Toestemming of grondslag vastgelegd voor {involvement.org.name}.",
        )  # fmt: skip
