"""The indicator 'tevredenheid': the average report mark households give in the portal per plan
period, counted in the quarter the mark is given, per municipality or region, with fewer than 5
marks suppressed like every other small cell.

Worked numbers, all in the second quarter of 2025 unless said otherwise:

- Grootstad: six marks 8, 7, 9, 6, 7 and 8 (sum 45): average 45 / 6 = 7.5. A mark from March
  counts in the first quarter only, a mark from July in the third.
- Kleindorp (same region): three marks 9, 8 and 7 (sum 24): fewer than 5 marks, suppressed.
- The region: 9 marks with sum 69: 69 / 9 = 7.67 (at region level the small town is part of it).
"""

import datetime

import pytest
from django.db.models import Q
from django.utils import timezone

from eenplan.cases.tests.factories import CaseFactory
from eenplan.indicators.constants import Level
from eenplan.indicators.definitions import CORE_BY_CODE
from eenplan.indicators.measures import MEASURES, Scope
from eenplan.indicators.periods import Quarter
from eenplan.indicators.values import indicator_cells
from eenplan.people.tests.factories import HouseholdFactory
from eenplan.portal import services
from eenplan.portal.models import Feedback
from eenplan.tenancy.tests.factories import MunicipalityFactory, RegionFactory

pytestmark = pytest.mark.django_db

Q1, Q2, Q3 = Quarter(2025, 1), Quarter(2025, 2), Quarter(2025, 3)
SATISFACTION = CORE_BY_CODE["tevredenheid"]


def moment(iso_day: str) -> datetime.datetime:
    day = datetime.date.fromisoformat(iso_day)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


def marks_in(municipality, scores, *, given="2025-05-15", domain="financien", version=1):
    """One case (one household, one member) per mark: each member gives one mark."""
    for score in scores:
        household = HouseholdFactory(municipality=municipality, members=1)
        case = CaseFactory(household=household, priority_domain=domain)
        Feedback.objects.create(
            case=case,
            person=household.members.get(),
            plan_version=version,
            score=score,
            given_at=moment(given),
        )


@pytest.fixture
def towns():
    region = RegionFactory(name="Regio Noord")
    big = MunicipalityFactory(name="Grootstad", region=region)
    small = MunicipalityFactory(name="Kleindorp", region=region)
    marks_in(big, [8, 7, 9, 6, 7, 8])
    marks_in(big, [4], given="2025-03-20")  # first quarter
    marks_in(big, [10], given="2025-07-02")  # third quarter
    marks_in(small, [9, 8, 7])
    return big, small


def satisfaction(quarters, level=Level.MUNICIPALITY):
    return indicator_cells([SATISFACTION], quarters, level=level)


def test_no_mark_given_means_no_value():
    town = MunicipalityFactory()
    CaseFactory(household=HouseholdFactory(municipality=town, members=1))
    assert satisfaction([Q2]) == {}


def test_the_average_mark_of_a_municipality_in_the_quarter(towns):
    big, _small = towns
    cell = satisfaction([Q2])[("tevredenheid", big.pk, Q2.label)]
    assert (cell.numerator, cell.denominator, cell.value) == (45, 6, 7.5)
    assert not cell.suppressed and cell.display == "7,5"


def test_a_mark_counts_in_the_quarter_it_is_given(towns):
    big, _small = towns
    values = MEASURES["cijfers"].compute([Q1, Q2, Q3], Scope())
    assert [values[(big.pk, q.label)] for q in (Q1, Q2, Q3)] == [1, 6, 1]
    totals = MEASURES["cijfers_som"].compute([Q1, Q2, Q3], Scope())
    assert [totals[(big.pk, q.label)] for q in (Q1, Q2, Q3)] == [4, 45, 10]


def test_fewer_than_five_marks_are_suppressed(towns):
    big, small = towns
    cells = satisfaction([Q1, Q2])
    for cell in (
        cells[("tevredenheid", small.pk, Q2.label)],
        cells[("tevredenheid", big.pk, Q1.label)],
    ):
        assert cell.suppressed and cell.value is cell.numerator is cell.denominator is None
        assert cell.display == "<5"


def test_the_region_pools_the_marks_of_its_municipalities(towns):
    big, _small = towns
    cell = satisfaction([Q2], level=Level.REGION)[("tevredenheid", big.region_id, Q2.label)]
    assert (cell.numerator, cell.denominator) == (69, 9)
    assert round(cell.value, 2) == 7.67


def test_each_plan_period_gets_its_own_mark(towns):
    """A member who gave 6 for the first agreed version and 8 for the second: both count."""
    big, _small = towns
    feedback = Feedback.objects.filter(case__household__municipality=big).first()
    Feedback.objects.create(
        case=feedback.case,
        person=feedback.person,
        plan_version=2,
        score=8,
        given_at=moment("2025-06-01"),
    )
    cell = satisfaction([Q2])[("tevredenheid", big.pk, Q2.label)]
    assert (cell.numerator, cell.denominator) == (53, 7)


def test_a_local_indicator_narrows_the_marks_to_its_cases(towns):
    big, _small = towns
    marks_in(big, [3, 3, 3, 3, 3], domain="wonen")
    everything = MEASURES["cijfers"].compute([Q2], Scope())
    housing = MEASURES["cijfers"].compute([Q2], Scope(cases=Q(priority_domain="wonen")))
    assert everything[(big.pk, Q2.label)] == 11
    assert housing[(big.pk, Q2.label)] == 5


def test_a_mark_given_in_the_portal_counts_this_quarter(family):
    mother = family.account(family.mother)
    plan = family.plan
    services.plan_agree(user=mother, case=family.case, revision=plan.revision)  # period 1 starts
    services.feedback_give(user=mother, case=family.case, score=7)
    this_quarter = Quarter.containing(timezone.localdate())
    municipality = family.case.household.municipality_id
    assert MEASURES["cijfers"].compute([this_quarter], Scope()) == {
        (municipality, this_quarter.label): 1
    }
    # A second mark in the same period replaces the first: still one mark.
    services.feedback_give(user=mother, case=family.case, score=9)
    totals = MEASURES["cijfers_som"].compute([this_quarter], Scope())
    assert totals == {(municipality, this_quarter.label): 9}
