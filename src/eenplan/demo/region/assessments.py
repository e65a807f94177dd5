"""ZRM assessments with their scores, from the instruments the assessments app ships.

From the intake on, a case's main adult is scored about every few months (how often follows from
the target volume), sometimes the partner, sometimes the household as a whole with the household
variant. Domains where the household needs help start low (1-3) and mostly creep up; the others
score 3-5 and are left out now and then (every domain is optional). In a few cases a domain
without a goal in the plan scores 2: the gap signal "low score without goal".
"""

import random

from eenplan.assessments.models import Assessment, Domain, Instrument, Score
from eenplan.cases.constants import TimelineEventKind
from eenplan.cases.models import TimelineEvent
from eenplan.demo.region.draw import DAY, at, rounded
from eenplan.demo.region.records import CaseRecord, World
from eenplan.demo.region.writer import BulkWriter

INTERVAL_DAYS = 120  # the rhythm before scaling to the target volume
PARTNER_SHARE, HOUSEHOLD_SHARE = 0.15, 0.1
SKIP_DOMAIN_SHARE = 0.25  # domains outside the help left out of an assessment
LOW_WITHOUT_GOAL_SHARE = 0.05


class MissingInstrumentError(LookupError):
    pass


def _instrument(code: str) -> tuple[Instrument, list[tuple[int, str]]]:
    instrument = (
        Instrument.objects.filter(code=code, is_active=True).order_by("-created_at").first()
    )
    if instrument is None:
        raise MissingInstrumentError(
            f"Het instrument '{code}' ontbreekt: draai eerst 'eenplan migrate'."
        )
    domains = list(Domain.objects.filter(instrument=instrument).values_list("pk", "life_domain"))
    return instrument, domains


def planned_rows(world: World) -> int:
    return world.volumes.assessments * 11


def write_assessments(world: World, writer: BulkWriter) -> None:
    rng = world.rng("assessments")
    person_zrm, household_zrm = _instrument("zrm"), _instrument("zrm-huishouden")
    assessed = [case for case in world.cases if case.intake]
    weights = [
        1 + (case.last_day(world.today) - case.intake).days / INTERVAL_DAYS for case in assessed
    ]
    scale = world.volumes.assessments / max(1.0, sum(weights))
    counts = [max(1, rounded(rng, weight * scale)) for weight in weights]
    first = writer.reserve(Assessment, sum(counts))
    assessments: list[tuple] = []
    events: list[tuple] = []

    def scores():
        """Score rows, streamed; the assessments they belong to are collected on the way (the
        foreign key is checked at commit)."""
        zrm = (person_zrm, household_zrm)
        for case, count in zip(assessed, counts, strict=True):
            for row, values, event in _case_assessments(rng, world, case, count, *zrm):
                assessment_id = first + len(assessments)
                assessments.append((assessment_id, *row))
                events.append(event)
                for domain, value in values:
                    yield assessment_id, domain, value

    writer.write(Score, ["assessment_id", "domain_id", "value"], scores())
    writer.write(
        Assessment,
        [
            "id", "uuid", "case_id", "person_id", "instrument_id", "assessed_on",
            "assessed_by_id", "organisation_id", "recorded_at",
        ],
        assessments,
    )  # fmt: skip
    writer.write(
        TimelineEvent,
        ["uuid", "case_id", "occurred_at", "actor_id", "actor_organisation_id", "kind", "summary"],
        events,
    )


def _assessor(case: CaseRecord) -> tuple[int, int]:
    """Who scores: the coordinator, else an organisation with consent, else the first one."""
    if case.coordinator:
        return case.coordinator, case.coordinator_org.id
    for involvement in case.involvements:
        if involvement.org.id in case.consented:
            return involvement.contact, involvement.org.id
    first = case.involvements[0]
    return first.contact, first.org.id


def _case_assessments(
    rng: random.Random, world: World, case: CaseRecord, count: int, person_zrm, household_zrm
):
    goal_domains = {goal.domain for goal in case.plan.goals} if case.plan else set()
    help_domains = {d for i in case.involvements for d in i.domains} | {case.domain}
    start, last = case.intake, case.last_day(world.today)
    step = max(1, (last - start).days // max(1, count))
    adults = case.home.adults
    actor, org = _assessor(case)
    low_domain = rng.random() < LOW_WITHOUT_GOAL_SHARE
    levels: dict[tuple, int] = {}
    for index in range(count):
        day = min(start + (index * step + rng.randint(0, max(0, step // 4))) * DAY, last)
        roll = rng.random()
        if roll < HOUSEHOLD_SHARE:
            instrument, domains, person = household_zrm[0], household_zrm[1], None
        else:
            instrument, domains = person_zrm
            partner = roll < HOUSEHOLD_SHARE + PARTNER_SHARE and len(adults) > 1
            person = adults[1] if partner else adults[0]
        values = []
        for domain_id, life_domain in domains:
            in_help = life_domain in help_domains
            if not in_help and rng.random() < SKIP_DOMAIN_SHARE:
                continue
            key = (person.id if person else 0, domain_id)
            if key not in levels:
                levels[key] = rng.randint(1, 3) if in_help else rng.randint(3, 5)
                if low_domain and not in_help and life_domain not in goal_domains:
                    levels[key], low_domain = 2, False
            elif in_help and levels[key] < 5 and rng.random() < 0.35:
                levels[key] += 1
            values.append((domain_id, levels[key]))
        row = (
            world.new_uuid(),
            case.id,
            person.id if person else None,
            instrument.pk,
            day,
            actor,
            org,
            at(day, 14),
        )
        event = (
            world.new_uuid(), case.id, at(day, 14), actor, org,
            TimelineEventKind.ASSESSMENT_RECORDED, f"{instrument.name} vastgelegd.",
        )  # fmt: skip
        yield row, values, event
