"""The complaints indicators, on complaints and objections registered and handled through the
complaints services, with the numbers worked out by hand.

'Klachten en bezwaren per 100 casussen', second quarter of 2026 (1 April - 30 June):

- The De Vries family's municipality: 10 cases ran in the quarter; 4 complaints and 2 objections
  against the mother's refused stairlift were received in it (6), so 6 / 10 x 100 = 60.0. A
  complaint received on 31 March and one received on 1 July count in their own quarters.
- A neighbouring municipality of the same region: 5 cases, 3 complaints: suppressed.
- The region: 9 complaints over 15 cases: 60.0.

'Klachten en bezwaren opgelost in een gesprek' counts by the day of closing, and the services
close a decision or a withdrawal today, so it is worked out in the current quarter: of 8 closed
in it, 4 were resolved in a conversation and 1 by the mother's confirmation in Mijn EenPlan (5),
2 were decided and 1 was withdrawn: 5 / 8 = 62.5 %. One resolved in the previous quarter is the
only one there: suppressed.
"""

import datetime

import pytest
from django.db.models import Q
from django.utils import timezone

from eenplan.cases.models import Case
from eenplan.cases.tests.factories import CaseFactory
from eenplan.complaints import services
from eenplan.complaints.constants import Channel, ContactOutcome, ContactWay, Kind, Outcome
from eenplan.complaints.tests.conftest import family, world  # noqa: F401 (the fixtures)
from eenplan.indicators.constants import Level
from eenplan.indicators.definitions import CORE_BY_CODE
from eenplan.indicators.measures import MEASURES, Scope
from eenplan.indicators.periods import Quarter
from eenplan.indicators.values import indicator_cells
from eenplan.people.tests.factories import HouseholdFactory
from eenplan.tenancy.constants import OrganisationType
from eenplan.tenancy.tests.factories import MunicipalityFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

PER_100 = CORE_BY_CODE["klachten_per_100_casussen"]
INFORMAL = CORE_BY_CODE["klachten_informeel_opgelost"]
Q2 = Quarter(2026, 2)
OPENED = datetime.datetime(2026, 1, 15, 10, 0, tzinfo=datetime.UTC)


def day(iso: str) -> datetime.date:
    return datetime.date.fromisoformat(iso)


def register(world, received_on, *, kind=Kind.COMPLAINT, case=None, person=None):  # noqa: F811
    """As the coordinator who took the call: a complaint, or an objection to the refusal."""
    return services.complaint_register(
        actor=world.family.coordinator,
        case=case or world.case,
        person=person or world.family.mother,
        kind=kind,
        description="De hulp kwam niet op de afgesproken dag.",
        channel=Channel.PHONE,
        received_on=received_on,
        decision=world.refusal if kind == Kind.OBJECTION else None,
    )


def running_cases(municipality, count: int, **coordination) -> list[Case]:
    """``count`` cases of one-person households, running since 15 January 2026."""
    cases = [
        CaseFactory(
            household=HouseholdFactory(municipality=municipality, members=1), **coordination
        )
        for _ in range(count)
    ]
    Case.objects.filter(pk__in=[case.pk for case in cases]).update(opened_at=OPENED)
    return cases


@pytest.fixture
def received(world):  # noqa: F811
    """The complaints of the second quarter of 2026 in two municipalities of one region."""
    town = world.case.household.municipality
    Case.objects.filter(pk=world.case.pk).update(opened_at=OPENED)
    running_cases(town, 9)
    for received_on in ("2026-04-10", "2026-05-15", "2026-06-20", "2026-06-30"):
        register(world, day(received_on))
    for received_on in ("2026-05-05", "2026-05-13"):
        register(world, day(received_on), kind=Kind.OBJECTION)
    register(world, day("2026-03-31"))  # first quarter
    register(world, day("2026-07-01"))  # third quarter

    neighbour = MunicipalityFactory(name="Buurdorp", region=town.region)
    OrganisationFactory(
        name="Gemeente Buurdorp", type=OrganisationType.MUNICIPALITY
    ).municipalities.add(neighbour)
    first, *_others = running_cases(
        neighbour,
        5,
        coordinator=world.family.coordinator,
        coordinator_organisation=world.family.team,
    )
    for received_on in ("2026-04-02", "2026-05-02", "2026-06-02"):
        register(world, day(received_on), case=first, person=first.household.members.get())
    return town, neighbour


def cell(indicator, group_id, quarter, level=Level.MUNICIPALITY):
    return indicator_cells([indicator], [quarter], level=level)[
        (indicator.code, group_id, quarter.label)
    ]


def test_complaints_and_objections_received_per_100_running_cases(received):
    town, _neighbour = received
    counted = cell(PER_100, town.pk, Q2)
    assert (counted.numerator, counted.denominator, counted.value) == (6, 10, 60.0)
    first_quarter = cell(PER_100, town.pk, Q2.previous())
    assert first_quarter.suppressed, "one complaint received on 31 March: a small count"


def test_fewer_than_five_complaints_are_not_shown(received):
    _town, neighbour = received
    small = cell(PER_100, neighbour.pk, Q2)
    assert small.suppressed and small.value is small.numerator is small.denominator is None
    assert small.display == "<5"


def test_the_region_counts_the_complaints_of_all_its_municipalities(received):
    town, _neighbour = received
    region = cell(PER_100, town.region_id, Q2, level=Level.REGION)
    assert (region.numerator, region.denominator, region.value) == (9, 15, 60.0)


def test_a_local_filter_narrows_the_complaints_to_its_cases(received, world):  # noqa: F811
    town, _neighbour = received
    Case.objects.filter(pk=world.case.pk).update(priority_domain="huisvesting")
    counts = MEASURES["klachten"].compute([Q2], Scope(cases=Q(priority_domain="huisvesting")))
    assert counts == {(town.pk, Q2.label): 6}, "the neighbour's case has another priority"


def test_the_share_resolved_in_a_conversation_among_those_closed(world):  # noqa: F811
    today = timezone.localdate()
    this, previous = Quarter.containing(today), Quarter.containing(today).previous()
    town = world.case.household.municipality
    handler = world.handler

    def contact(complaint, outcome, on=today):
        return services.contact_record(
            actor=handler,
            complaint=complaint,
            occurred_on=on,
            way=ContactWay.PHONE,
            summary="Gebeld en samen gekeken wat er mis ging.",
            outcome=outcome,
        )

    # Received last quarter, closed this one: the day of closing counts.
    for _ in range(4):
        contact(register(world, previous.start), ContactOutcome.RESOLVED)
    confirmed = register(world, previous.start)
    contact(confirmed, ContactOutcome.RESOLVED_CONFIRM_IN_PORTAL)
    services.resolution_answer(user=world.mother, complaint=confirmed, resolved=True)
    for outcome in (Outcome.UNFOUNDED, Outcome.PARTLY_FOUNDED):
        formal = register(world, previous.start)
        contact(formal, ContactOutcome.FORMAL)
        services.decide(actor=handler, complaint=formal, outcome=outcome, reasons="Gehoord.")
    services.withdraw(actor=handler, complaint=register(world, previous.start), text="Gebeld.")
    contact(register(world, previous.start), ContactOutcome.TALK_AGAIN)  # still open
    # Resolved last quarter: counted there, alone.
    contact(register(world, previous.start), ContactOutcome.RESOLVED, on=previous.start)

    shown = cell(INFORMAL, town.pk, this)
    assert (shown.numerator, shown.denominator, shown.value) == (5, 8, 62.5)
    earlier = cell(INFORMAL, town.pk, previous)
    assert earlier.suppressed and earlier.value is None, "one closed: a small count"
