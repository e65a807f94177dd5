"""Generating the whole region: the stages in order, in one transaction, with a progress bar
each; then ``VACUUM ANALYZE`` on PostgreSQL (a freshly loaded table without statistics gets
plans no running installation has)."""

import gc
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils import timezone
from tqdm import tqdm

from eenplan.assessments.models import Assessment, Score
from eenplan.cases.models import Case, Consent, HelpQuestion, Involvement, TimelineEvent
from eenplan.consultations.models import AgendaItem, Agreement, Attendee, Consultation
from eenplan.demo.region import (
    access_log,
    assessments,
    cases,
    consultations,
    involvements,
    names,
    people,
    plans,
    provisions,
    signals,
    tenancy,
)
from eenplan.demo.region.records import World
from eenplan.demo.region.volumes import Volumes
from eenplan.demo.region.writer import BulkWriter, bulk_writer
from eenplan.people.models import Household, HouseholdMember, NetworkMember, Person, Relation
from eenplan.plans.models import Action, Commitment, Goal, GoalEvaluation, Plan, PlanVersion
from eenplan.portal.models import Feedback
from eenplan.privacy.models import AccessLogEntry
from eenplan.provisions.models import Claim, Decision
from eenplan.signals.models import Signal
from eenplan.tenancy.models import Municipality, Organisation, Region

MIN_INHABITANTS = 1_000


class RegionRefusedError(ValueError):
    """The region cannot be generated here; the message says why, in Dutch."""


@dataclass(frozen=True)
class Stage:
    label: str
    write: Callable[[World, BulkWriter], None]
    planned: Callable[[World], int]
    draw: tuple[Callable[[World], None], ...] = ()


def _cases_write(world: World, writer: BulkWriter) -> None:
    cases.write_cases(world, writer)
    involvements.write_involvements(world, writer)


def _restore_checks(world: World, writer: BulkWriter) -> None:
    writer.restore_checks()


def _analyze(world: World, writer: BulkWriter) -> None:
    """PostgreSQL: statistics of what was just loaded (uncommitted rows count for this
    transaction), so the signal rules' queries get the plans a running region gets."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


STAGES = (
    Stage("Organisaties en professionals", tenancy.write_tenancy, tenancy.planned_rows),
    Stage("Huishoudens en personen", people.write_people, people.planned_rows),
    Stage(
        "Casussen, betrokkenheden, toestemming",
        _cases_write,
        involvements.planned_rows,
        (cases.draw_cases, involvements.draw_involvements),
    ),
    Stage("Plannen, doelen en acties", plans.write_plans, plans.planned_rows, (plans.draw_plans,)),
    Stage("ZRM-metingen", assessments.write_assessments, assessments.planned_rows),
    Stage("Casusoverleggen", consultations.write_consultations, consultations.planned_rows),
    Stage("Voorzieningen en declaraties", provisions.write_provisions, provisions.planned_rows),
    Stage("Toegangslog (met hashketen)", access_log.write_access_log, access_log.planned_rows),
    Stage("Indexen en sleutels terugzetten", _restore_checks, lambda world: 0),
    Stage("Statistieken voor de planner", _analyze, lambda world: 0),
    Stage("Signalen (de signaalregels)", signals.raise_signals, signals.planned_rows),
)
# The tables loaded in bulk: their secondary indexes and constraints are set aside until the
# load is done (``BulkWriter.suspend_checks``).
BULK_MODELS = (
    Person, HouseholdMember, Relation, NetworkMember, Household, Case, HelpQuestion, Involvement,
    Involvement.persons.through, Consent, TimelineEvent, Plan, Goal, Action, PlanVersion,
    PlanVersion.agreed_by.through, Commitment, GoalEvaluation, Feedback, Assessment, Score,
    Consultation, Consultation.organisations.through, Attendee, AgendaItem, Agreement, Decision,
    Claim, AccessLogEntry,
)  # fmt: skip


@dataclass
class Report:
    volumes: Volumes
    seconds: dict[str, float] = field(default_factory=dict)  # per stage, in order
    rows: dict[str, int] = field(default_factory=dict)  # per model label
    sample_accounts: list[str] = field(default_factory=list)

    @property
    def total_seconds(self) -> float:
        return sum(self.seconds.values())


def check_region_can_be_generated() -> None:
    """Refuse a region that exists, or names that are taken, before anything is written."""
    if Region.objects.filter(name=names.REGION_NAME).exists():
        raise RegionRefusedError(
            f"De regio '{names.REGION_NAME}' bestaat al in deze database. Genereer haar in een "
            "lege database, of verwijder eerst de database en draai 'eenplan migrate'."
        )
    codes = [names.CBS_CODE.format(i + 1) for i in range(len(names.MUNICIPALITIES))]
    offices = [
        names.MUNICIPAL_ORGANISATION.format(municipality=m) for m, *_ in names.MUNICIPALITIES
    ]
    if (
        Municipality.objects.filter(cbs_code__in=codes).exists()
        or Organisation.objects.filter(name__in=offices).exists()
        or Case.objects.filter(reference__regex=r"^EP-[0-9]{4}-R[0-9]{7}$").exists()
    ):
        raise RegionRefusedError(
            "Deze database heeft al gemeenten (CBS-codes GM98..), organisaties of casussen "
            "(EP-jjjj-R…) van de synthetische regio. Genereer de regio in een lege database."
        )


def generate_region(*, inhabitants: int, seed: int, batch: int, progress: bool) -> Report:
    """Fill the configured database with a region of ``inhabitants``; see the package doc."""
    if inhabitants < MIN_INHABITANTS:
        raise RegionRefusedError(f"Een regio heeft minstens {MIN_INHABITANTS} inwoners.")
    check_region_can_be_generated()
    volumes = Volumes.for_inhabitants(inhabitants)
    world = World(volumes=volumes, seed=seed, today=timezone.localdate())
    writer = bulk_writer(batch)
    report = Report(volumes=volumes)
    # The region is millions of small objects without cycles: the cyclic garbage collector
    # would walk all of them again and again while they are drawn.
    gc.disable()
    try:
        with transaction.atomic():
            writer.suspend_checks(BULK_MODELS)
            for stage in STAGES:
                report.seconds[stage.label] = _run(stage, world, writer, progress)
    finally:
        gc.enable()
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        started = time.monotonic()
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        report.seconds["VACUUM ANALYZE"] = time.monotonic() - started
    # Signals are written by the rules' own evaluation, not by the writer.
    raised = Signal.objects.filter(case__household__municipality__region_id=world.region_id)
    report.rows = dict(sorted({**writer.counts, "signals.Signal": raised.count()}.items()))
    report.sample_accounts = _sample_accounts(world)
    return report


def _run(stage: Stage, world: World, writer: BulkWriter, progress: bool) -> float:
    started = time.monotonic()
    for draw in stage.draw:
        draw(world)
    with tqdm(
        total=stage.planned(world),
        desc=stage.label,
        unit=" rijen",
        unit_scale=True,
        file=sys.stderr,
        disable=not progress,
        leave=True,
    ) as bar:
        writer.progress = bar.update
        stage.write(world, writer)
        bar.total = max(bar.n, 1)
        bar.refresh()
    writer.progress = None
    return time.monotonic() - started


def _sample_accounts(world: World) -> list[str]:
    """A few accounts to log in with: a coordinator and a professional of the central town's
    first neighbourhood team, a consulent, a policy officer, the privacy officer and the
    functional admin of the central town."""
    central = world.towns[0]
    team = central.teams[0]
    wanted = [team.coordinators[0], team.workers[-1], central.office.officers[0]]
    prefixes = ("beleid", "privacy", "beheer")
    office = [
        user
        for user, name in world.usernames.items()
        if name.startswith(f"gemeente-{central.name.lower()}.")
        and name.split(".")[-1].startswith(prefixes)
    ]
    return [world.usernames[user] for user in [*wanted, *office[:3]]]
