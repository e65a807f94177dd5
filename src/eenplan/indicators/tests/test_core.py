"""Each core indicator on a small fixture, with the expected value worked out by hand.

All facts sit in the second quarter of 2025 (1 April - 30 June) of one municipality whose CBS
figures are 2,000 households, 5,000 inhabitants and 1,000 youths. Counts are kept at 5 or more
so no cell is suppressed, except where suppression is the point.
"""

import datetime

import pytest
from django.utils import timezone

from eenplan.assessments.tests.factories import AssessmentFactory
from eenplan.cases.constants import CaseStatus, ClosingReason, ServiceType, TimelineEventKind
from eenplan.cases.models import Case, TimelineEvent
from eenplan.cases.tests.factories import CaseFactory, InvolvementFactory
from eenplan.consultations.models import AgendaItem, Agreement
from eenplan.consultations.tests.factories import ConsultationFactory
from eenplan.indicators.constants import Level
from eenplan.indicators.definitions import CORE, CORE_BY_CODE
from eenplan.indicators.models import PopulationFigure
from eenplan.indicators.periods import Quarter
from eenplan.indicators.values import indicator_cells
from eenplan.people.tests.factories import HouseholdFactory, PersonFactory
from eenplan.plans.constants import ActionStatus, AgreementMethod
from eenplan.plans.models import Action, PlanVersion
from eenplan.plans.tests.factories import ActionFactory, GoalFactory, PlanFactory
from eenplan.provisions.constants import DecisionStatus
from eenplan.provisions.tests.factories import DecisionFactory
from eenplan.signals.constants import SignalKind, SignalOutcome, SignalStatus
from eenplan.signals.models import Signal
from eenplan.tenancy.tests.factories import MunicipalityFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

Q2 = Quarter(2025, 2)
BEFORE, EARLY, MID, LATE, AFTER = (
    "2025-01-15",
    "2025-04-10",
    "2025-05-15",
    "2025-06-20",
    "2025-08-01",
)


def day(value: str) -> datetime.date:
    return datetime.date.fromisoformat(value)


def moment(value: str) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day(value), datetime.time(10)))


@pytest.fixture
def town():
    town = MunicipalityFactory(name="Testdorp")
    PopulationFigure.objects.create(
        municipality=town, year=2025, inhabitants=5_000, households=2_000, youth=1_000
    )
    return town


def case_in(
    town,
    *,
    opened=BEFORE,
    intake=None,
    closed=None,
    reason=ClosingReason.GOALS_REACHED,
    household=None,
    domain="financien",
):
    """A case with the given moments (ISO dates); open unless ``closed``."""
    case = CaseFactory(
        household=household or HouseholdFactory(municipality=town, members=1),
        priority_domain=domain,
        status=CaseStatus.CLOSED if closed else CaseStatus.EXECUTION,
        closing_reason=reason if closed else "",
    )
    Case.objects.filter(pk=case.pk).update(
        opened_at=moment(opened),
        intake_started_at=moment(intake) if intake else None,
        closed_at=moment(closed) if closed else None,
    )
    case.refresh_from_db()
    return case


def value(code, town, quarter=Q2):
    cell = indicator_cells([CORE_BY_CODE[code]], [quarter])[(code, town.pk, quarter.label)]
    return None if cell.suppressed else round(cell.value, 2)


def test_active_cases_per_1000_households(town):
    for _ in range(3):
        case_in(town, opened=BEFORE)  # running through the quarter
    for _ in range(2):
        case_in(town, opened=MID)  # opened during it
    case_in(town, opened=BEFORE, closed=MID)  # closed during it: still ran in it
    case_in(town, opened="2024-06-01", closed="2025-03-15")  # closed before
    case_in(town, opened=AFTER)  # not yet
    # 6 cases ran in the quarter; 6 / 2,000 households x 1,000 = 3.0
    assert value("lopende_casussen_per_1000_huishoudens", town) == 3.0


def test_plan_agreed_within_six_weeks_of_intake(town):
    def with_plan(agreed_on):
        case = case_in(town, intake=EARLY)
        if agreed_on:
            PlanVersion.objects.create(
                plan=PlanFactory(case=case),
                number=1,
                content={},
                agreed_on=day(agreed_on),
                agreement_method=AgreementMethod.IN_MEETING,
                recorded_by=UserFactory(),
            )

    for _ in range(5):
        with_plan("2025-05-01")  # 21 days after the intake of 10 April
    with_plan("2025-06-15")  # 66 days: too late
    with_plan(None)  # no plan yet
    case_in(town, intake=AFTER)  # intake in another quarter
    # 5 of the 7 intakes of the quarter = 71.43 %
    assert value("plan_binnen_zes_weken", town) == 71.43


def test_share_with_an_agreed_coordinator_at_the_end_of_the_quarter(town):
    def coordinated(at):
        case = case_in(town, opened=BEFORE)
        if at:
            event = TimelineEvent.objects.create(
                case=case, kind=TimelineEventKind.COORDINATOR_SET, summary="Regisseur"
            )
            TimelineEvent.objects.filter(pk=event.pk).update(occurred_at=moment(at))

    for _ in range(5):
        coordinated(MID)
    coordinated(AFTER)  # agreed only after the quarter
    coordinated(None)
    case_in(town, opened=BEFORE, closed=MID)  # closed before the end: not counted
    # 5 of the 7 cases running on 30 June = 71.43 %
    assert value("aandeel_met_regisseur", town) == 71.43


def test_median_days_from_referral_to_first_contact(town):
    for days in (2, 4, 6, 10, 30):
        intake = day(MID)
        case_in(town, opened=str(intake - datetime.timedelta(days=days)), intake=MID)
    case_in(town, opened=BEFORE, intake=AFTER)  # first contact in another quarter
    assert value("dagen_tot_eerste_contact", town) == 6.0


def test_organisations_per_case(town):
    a, b, c = (OrganisationFactory() for _ in range(3))
    cases = [case_in(town, opened=BEFORE) for _ in range(5)]

    def involve(
        case, organisation, *, start="2025-02-01", end=None, service=ServiceType.SOCIAL_WORK
    ):
        InvolvementFactory(
            case=case,
            organisation=organisation,
            service_type=service,
            start_date=day(start),
            end_date=day(end) if end else None,
            consent=False,
        )

    involve(cases[0], a)
    involve(cases[0], a, service=ServiceType.DEBT_HELP)  # same organisation twice: counts once
    involve(cases[0], b)
    involve(cases[1], a)
    for organisation in (a, b, c):
        involve(cases[2], organisation)
    involve(cases[3], a, end="2025-06-01")  # ended before 30 June
    involve(cases[3], b)
    involve(cases[4], a)
    involve(cases[4], c, start=AFTER)  # not yet
    # 2 + 1 + 3 + 1 + 1 = 8 organisations over 5 cases = 1.6
    assert value("organisaties_per_casus", town) == 1.6


def _signal(case, *, raised, resolved=False):
    signal = Signal.objects.create(
        kind=SignalKind.OVERLAP,
        key=f"overlap:{case.pk}:{raised}",
        case=case,
        explanation="-",
        status=SignalStatus.RESOLVED if resolved else SignalStatus.OPEN,
        outcome=SignalOutcome.FINE if resolved else "",
    )
    Signal.objects.filter(pk=signal.pk).update(raised_at=moment(raised))


def test_overlap_signals_per_100_cases_and_share_resolved(town):
    cases = [case_in(town, opened=BEFORE) for _ in range(8)]
    for case in cases[:5]:
        _signal(case, raised=MID, resolved=True)
    _signal(cases[5], raised=LATE)
    _signal(cases[6], raised=BEFORE, resolved=True)  # another quarter
    # 6 signals raised over 8 running cases = 75 per 100; 5 of the 6 resolved = 83.33 %
    assert value("overlapsignalen_per_100_casussen", town) == 75.0
    assert value("overlapsignalen_afgehandeld", town) == 83.33


def test_share_improving_on_the_priority_domain(town):
    def measured(*scores, domain="financien", dates=("2025-02-01", MID)):
        case = case_in(town, opened=BEFORE, domain=domain)
        for assessed_on, score in zip(dates, scores, strict=False):
            AssessmentFactory(case=case, assessed_on=day(assessed_on), scores={"financien": score})

    for _ in range(5):
        measured(2, 3)  # better
    measured(3, 3)  # the same
    measured(2)  # measured once
    measured(1, 4, dates=("2025-02-01", AFTER))  # second measurement after the quarter
    measured(1, 4, domain="huisvesting")  # not scored on its priority domain
    # 5 of the 6 cases measured twice by 30 June improved = 83.33 %
    assert value("vooruitgang_prio_leefgebied", town) == 83.33


def test_share_closed_with_goals_reached(town):
    for _ in range(5):
        case_in(town, closed=MID)
    case_in(town, closed=MID, reason=ClosingReason.MOVED)
    case_in(town, closed=LATE, reason=ClosingReason.DECLINED)
    case_in(town, closed=AFTER)
    # 5 of the 7 closed in the quarter = 71.43 %
    assert value("afgesloten_doelen_bereikt", town) == 71.43


def test_re_entry_within_12_months_of_closing(town):
    for _ in range(5):
        household = HouseholdFactory(municipality=town, members=1)
        case_in(town, opened="2024-09-01", closed="2025-01-10", household=household)
        case_in(town, opened=MID, household=household)  # back after four months
    household = HouseholdFactory(municipality=town, members=1)
    case_in(town, opened="2023-01-01", closed="2024-03-01", household=household)
    case_in(town, opened=MID, household=household)  # back after 14 months: not a re-entry
    case_in(town, opened=MID)  # a first case
    # 5 of the 7 new cases = 71.43 %
    assert value("terugkeer_binnen_12_maanden", town) == 71.43


def test_open_and_overdue_agreements(town):
    cases = [case_in(town, opened=BEFORE) for _ in range(5)]
    chair = UserFactory()
    organisation = OrganisationFactory()

    def agreement(case, *, meeting=MID, due=LATE, completed=None):
        consultation = ConsultationFactory(municipality=town, date=day(meeting), chair=chair)
        item = AgendaItem.objects.create(
            consultation=consultation,
            case=case,
            question="Wie pakt de schulden op?",
            added_by=chair,
            added_by_organisation=organisation,
        )
        goal = GoalFactory(plan=getattr(case, "plan", None) or PlanFactory(case=case))
        action = ActionFactory(goal=goal, due_date=day(due))
        if completed:
            Action.objects.filter(pk=action.pk).update(
                status=ActionStatus.DONE, completed_at=moment(completed)
            )
        Agreement.objects.create(item=item, action=action, description="-", recorded_by=chair)

    for case in cases:
        agreement(case, due="2025-06-01")  # open and overdue on 30 June
    agreement(cases[0], due="2025-09-01")  # open, not yet due
    agreement(cases[1], completed="2025-06-10")  # done in time
    agreement(cases[2], completed="2025-07-10")  # done only after the quarter: open then
    agreement(cases[3], meeting=AFTER)  # made after the quarter
    # open on 30 June: 5 + 1 + 1 = 7 over 5 running cases = 140 per 100; overdue: the 5, and
    # the one done only in July (due 20 June) = 6 of 7 = 85.71 %
    assert value("open_afspraken_per_100_casussen", town) == 140.0
    assert value("afspraken_over_deadline", town) == 85.71


def test_youths_with_youth_care_and_adults_with_wmo_support(town):
    end = day("2025-06-30")
    for age in (3, 8, 12, 15, 17):
        case = case_in(town, opened=BEFORE)
        youth = PersonFactory(birth_date=end.replace(year=end.year - age))
        involvement = InvolvementFactory(
            case=case,
            service_type=ServiceType.YOUTH_CARE_AMBULANT,
            start_date=day(BEFORE),
            consent=False,
        )
        involvement.persons.set([youth])
    adult = PersonFactory(birth_date=day("2000-01-01"))
    case = case_in(town, opened=BEFORE)
    InvolvementFactory(
        case=case,
        service_type=ServiceType.YOUTH_CARE_AMBULANT,
        start_date=day(BEFORE),
        consent=False,
    ).persons.set([adult])  # 25 years old: not a youth
    # 5 of the 1,000 youths = 0.5 %
    assert value("jongeren_met_jeugdhulp", town) == 0.5
    for _ in range(5):
        DecisionFactory(
            case=case_in(town, opened=BEFORE), start_date=day(BEFORE), end_date=end
        )  # one member each
    ended = DecisionStatus.ENDED
    for kwargs in (
        {"end_date": end - datetime.timedelta(days=1)},
        {"status": ended, "ended_on": end - datetime.timedelta(days=1)},
        {"status": DecisionStatus.REFUSED},
    ):
        DecisionFactory(
            case=case_in(town, opened=BEFORE), start_date=day(BEFORE), **{"end_date": end, **kwargs}
        )  # over, ended or refused: none counts
    # 5 running Wmo provisions per 5,000 inhabitants = 1.0 per 1,000
    assert value("wmo_maatwerk_per_1000_inwoners", town) == 1.0


def test_small_cells_are_suppressed_without_numbers(town):
    for _ in range(3):
        case_in(town, closed=MID)
    for _ in range(2):
        case_in(town, closed=MID, reason=ClosingReason.MOVED)
    cells = indicator_cells(CORE, [Q2])
    closed = cells[("afgesloten_doelen_bereikt", town.pk, Q2.label)]
    # 3 of 5: the numerator is a small count
    assert closed.suppressed and closed.value is closed.numerator is closed.denominator is None
    assert closed.display == "<5"
    active = cells[("lopende_casussen_per_1000_huishoudens", town.pk, Q2.label)]
    assert not active.suppressed and active.numerator == 5, "population is not a small count"
    assert ("tevredenheid", town.pk, Q2.label) not in cells, "no marks given: no cell"


def test_region_level_groups_municipalities_of_a_region(town):
    neighbour = MunicipalityFactory(region=town.region)
    for municipality in (town, neighbour):
        for _ in range(3):
            case_in(municipality, closed=MID)
    cells = indicator_cells([CORE_BY_CODE["afgesloten_doelen_bereikt"]], [Q2], level=Level.REGION)
    region = cells[("afgesloten_doelen_bereikt", town.region_id, Q2.label)]
    assert (region.numerator, region.denominator, region.value) == (6, 6, 100.0)


def test_every_core_indicator_has_a_written_definition():
    for indicator in CORE:
        assert indicator.name and indicator.counts and indicator.period and indicator.unit
        if indicator.available:
            assert indicator.numerator_label and indicator.denominator_label
    assert len({indicator.code for indicator in CORE}) == len(CORE)
